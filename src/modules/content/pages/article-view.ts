import type { CoreContext } from '../../../core/context.js';
import type { Locale } from '../../../core/i18n/i18n.js';
import type { Crumb } from '../../../portal/seo.js';
import type { ArticleView } from './article-page.js';
import { categoryHref } from './category-page.js';
import { categoryName, categoryTree } from './category-tree.js';
import { attachmentsOf, interpretationsOf, neighbours, officialFields, popularItems, publishedTitles, type PublishedItem } from './page-queries.js';
import { articleHref } from './page-parts.js';
import { qrSvg } from './qr-code.js';

export const RELATED_LIMIT = 6;

/** Recommended reading by content similarity (search/similar.ts, wired in page-routes.tsx). */
export type SimilarItems = (itemId: string, limit: number) => Promise<{ id: string; title: string }[]>;

/** Everything the article page shows besides the item itself, read in parallel. */
export async function loadArticleView(core: CoreContext, item: PublishedItem, opts: { locale: Locale; siteTitle: string; baseUrl: string; similar: SimilarItems | null }): Promise<ArticleView> {
  const tree = await categoryTree(core);
  const category = tree.byId.get(item.category_id);
  const chain = category ? tree.ancestry(category) : [];
  const trail: Crumb[] = [
    { label: opts.siteTitle, href: '/' },
    ...chain.map((c) => ({ label: categoryName(c, opts.locale), href: categoryHref(c) })),
    { label: item.title },
  ];
  const url = `${opts.baseUrl}${articleHref(item.id)}`;
  const [official, attachments, around, interpretations, popular, recommended, qr] = await Promise.all([
    officialFields(core, item.id),
    attachmentsOf(core, item.id),
    neighbours(core, item),
    interpretationsOf(core, item.id),
    popularItems(core, RELATED_LIMIT + 1),
    opts.similar ? opts.similar(item.id, RELATED_LIMIT) : Promise.resolve([]),
    qrSvg(url),
  ]);
  const linkIds = [official?.repealed_by_id, item.interpretation_of_id].filter((x): x is string => Boolean(x));
  const titles = await publishedTitles(core, linkIds);
  const link = (id: string | null | undefined) => (id && titles.has(id) ? { id, title: titles.get(id)! } : null);
  return {
    item,
    columnName: category ? categoryName(category, opts.locale) : '',
    trail,
    official,
    repealedBy: link(official?.repealed_by_id),
    interpretations,
    interprets: link(item.interpretation_of_id),
    attachments,
    previous: around.previous,
    next: around.next,
    recommended: recommended.filter((r) => r.id !== item.id).slice(0, RELATED_LIMIT),
    popular: popular.filter((p) => p.id !== item.id).slice(0, RELATED_LIMIT),
    qrSvg: qr,
    url,
  };
}
