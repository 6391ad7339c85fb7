import { h } from '../../../portal/jsx.js';
import { Layout, type PageContext } from '../../../portal/layout.js';
import type { Crumb } from '../../../portal/seo.js';
import { pagesT } from './i18n/pages-i18n.js';
import { categoryName, type CategoryTree } from './category-tree.js';
import type { Category, ListedItem } from './page-queries.js';
import { ItemList, Pager } from './page-parts.js';

export const CATEGORY_PAGE_SIZE = 20;

export function categoryHref(category: Category, page = 1): string {
  return page <= 1 ? `/c/${category.slug}` : `/c/${category.slug}/${page}`;
}

export function categoryTrail(ctx: PageContext, tree: CategoryTree, category: Category, linkLast: boolean): Crumb[] {
  const chain = tree.ancestry(category);
  return [
    { label: ctx.t('site.title', { city: ctx.cityName }), href: '/' },
    ...chain.map((c, i) => ({ label: categoryName(c, ctx.locale), href: linkLast || i < chain.length - 1 ? categoryHref(c) : undefined })),
  ];
}

/** A category (栏目): the items of its subtree newest first, 20 a page, links to its subcategories, its feed. */
export function CategoryPage(props: { ctx: PageContext; tree: CategoryTree; category: Category; items: ListedItem[]; page: number; total: number }) {
  const { ctx, tree, category, items, page, total } = props;
  const pt = pagesT(ctx.locale);
  const name = categoryName(category, ctx.locale);
  const pages = Math.max(1, Math.ceil(total / CATEGORY_PAGE_SIZE));
  const children = tree.children(category);
  const title = page > 1 ? `${name} - ${pt('pager.page', { n: page })}` : name;
  return (
    <Layout ctx={ctx} title={title} description={category.description || name}
      breadcrumb={categoryTrail(ctx, tree, category, false)}
      head={{ canonicalPath: categoryHref(category, page), columnName: name, rss: { title: `${name} RSS`, href: `/c/${category.slug}/rss.xml` } }}>
      <section class="panel" aria-labelledby="category-title">
        <div class="list-head">
          <h1 id="category-title">{name}</h1>
          <a class="feed-link" href={`/c/${category.slug}/rss.xml`}>{pt('list.rss')}</a>
        </div>
        {category.description ? <p class="muted">{category.description}</p> : null}
        {children.length > 0
          ? (
            <nav class="subcategories" aria-label={pt('list.subcategories')}>
              <ul>{children.map((c) => <li><a href={categoryHref(c)}>{categoryName(c, ctx.locale)}</a></li>)}</ul>
            </nav>
          )
          : null}
        <ItemList items={items} empty={pt('list.empty')} />
        {total > 0 ? <p class="muted list-count">{pt('list.count', { total, page, pages })}</p> : null}
        <Pager ctx={ctx} page={page} pages={pages} hrefOf={(n) => categoryHref(category, n)} />
      </section>
    </Layout>
  );
}
