import { h, raw } from '../../../portal/jsx.js';
import { Layout, type PageContext } from '../../../portal/layout.js';
import { articleLd, type Crumb } from '../../../portal/seo.js';
import { formatZhDateTime } from '../../../core/time.js';
import type { ContentOfficialDocumentsTable } from '../content-schema.js';
import { DISCLOSURE_LABELS, OFFICIAL_DOC_TYPES, VALIDITY_LABELS } from '../official/doc-types.js';
import { pagesT, type PagesT } from './i18n/pages-i18n.js';
import type { Attachment, PublishedItem } from './page-queries.js';
import { articleHref, ItemList, zhDate } from './page-parts.js';
import { summaryOf } from './summary.js';

interface Link { id: string; title: string }

export interface ArticleView {
  item: PublishedItem;
  columnName: string;
  trail: Crumb[];
  official: ContentOfficialDocumentsTable | null;
  repealedBy: Link | null;
  /** Interpretations of this policy document, and the policy this interpretation explains. */
  interpretations: Link[];
  interprets: Link | null;
  attachments: Attachment[];
  previous: Link | null;
  next: Link | null;
  /** Chosen by content similarity (search/similar.ts); the block is left out when nothing is similar. */
  recommended: Link[];
  popular: Link[];
  /** Inline SVG markup from qr-code.ts (generated, not user text). */
  qrSvg: string;
  url: string;
}

/** The article page: breadcrumb, title, time, source, views, QR code, summary, body, attachments, neighbours, reading. */
export function ArticlePage(props: { ctx: PageContext; view: ArticleView }) {
  const { ctx, view } = props;
  const { item, official } = view;
  const pt = pagesT(ctx.locale);
  const published = formatZhDateTime(item.published_at!);
  const summary = summaryOf(item.summary, item.body_text);
  const description = summaryOf(item.summary, item.body_text, 80);
  const site = ctx.t('site.title', { city: ctx.cityName });
  const ld = articleLd({
    url: view.url, headline: item.title, description, datePublished: item.published_at!, dateModified: item.updated_at,
    publisher: site, author: item.author ?? item.source, section: view.columnName, keywords: item.keywords || undefined,
  });
  return (
    <Layout ctx={ctx} title={item.title} description={description} breadcrumb={view.trail}
      head={{ canonicalPath: articleHref(item.id), columnName: view.columnName, articleTitle: item.title, pubDate: published,
        contentSource: item.source, keywords: item.keywords || undefined, jsonLd: [ld] }}>
      <div class="grid two article-grid">
        <article class="panel article" aria-labelledby="article-title">
          <h1 id="article-title">{item.title}</h1>
          {item.subtitle ? <p class="subtitle">{item.subtitle}</p> : null}
          <p class="article-meta">
            <span>{pt('article.published')}<time datetime={item.published_at!}>{published}</time></span>
            <span>{pt('article.source')}{item.source}</span>
            <span title={pt('article.views_note')}>{pt('article.views')}{item.view_count}</span>
            <a href={`${articleHref(item.id)}/print`} rel="nofollow">{pt('article.print')}</a>
          </p>
          {official ? <OfficialFields ctx={ctx} pt={pt} official={official} published={item.published_at!} repealedBy={view.repealedBy} /> : null}
          {summary
            ? <section class="summary" aria-label={pt('article.summary')}><strong>{pt('article.summary')}：</strong>{summary}</section>
            : null}
          {view.interprets ? <p class="related-link">{pt('article.interprets')}<a href={articleHref(view.interprets.id)}>{view.interprets.title}</a></p> : null}
          <div class="article-body">{raw(item.body_html)}</div>
          {view.interpretations.map((i) => <p class="related-link">{pt('article.interpretation')}<a href={articleHref(i.id)}>{i.title}</a></p>)}
          {view.attachments.length > 0
            ? (
              <section class="attachments" aria-labelledby="attachments-title">
                <h2 id="attachments-title">{pt('article.attachments')}</h2>
                <ol>{view.attachments.map((a) => <li><a href={`/files/${encodeURIComponent(a.file_id)}`}>{a.title}</a> <span class="muted">({formatSize(a.size)})</span></li>)}</ol>
              </section>
            )
            : null}
          <nav class="neighbours" aria-label={`${pt('article.prev')}/${pt('article.next')}`}>
            <p>{pt('article.prev')}{view.previous ? <a href={articleHref(view.previous.id)} rel="prev">{view.previous.title}</a> : pt('article.none')}</p>
            <p>{pt('article.next')}{view.next ? <a href={articleHref(view.next.id)} rel="next">{view.next.title}</a> : pt('article.none')}</p>
          </nav>
        </article>
        <aside class="article-side">
          <section class="panel qr-panel" aria-labelledby="qr-title">
            <h2 id="qr-title">{pt('article.qr')}</h2>
            <div class="qr" role="img" aria-label={pt('article.qr_alt', { url: view.url })}>{raw(view.qrSvg)}</div>
          </section>
          {view.recommended.length > 0
            ? (
              <section class="panel" aria-labelledby="recommended-title">
                <h2 id="recommended-title">{pt('article.recommended')}</h2>
                <ItemList items={view.recommended} empty="" dates={false} />
              </section>
            )
            : null}
          {view.popular.length > 0
            ? (
              <section class="panel" aria-labelledby="popular-title">
                <h2 id="popular-title">{pt('article.popular')}</h2>
                <ItemList items={view.popular} empty="" dates={false} />
              </section>
            )
            : null}
        </aside>
      </div>
    </Layout>
  );
}

function OfficialFields(props: { ctx: PageContext; pt: PagesT; official: ContentOfficialDocumentsTable; published: string; repealedBy: Link | null }) {
  const { ctx, pt, official: o, repealedBy } = props;
  const lang = ctx.locale === 'en' ? 'en' : 'zh';
  const rows: [string, unknown][] = [
    [pt('field.index_number'), o.index_number ?? '—'],
    [pt('field.issuing_organ'), o.issuing_organ],
    [pt('field.doc_number'), o.doc_number ?? '—'],
    [pt('field.doc_type'), OFFICIAL_DOC_TYPES[o.doc_type]?.[lang] ?? o.doc_type],
    [pt('field.written_date'), o.written_date ?? '—'],
    [pt('field.published_date'), zhDate(props.published)],
    [pt('field.topic'), o.topic],
    [pt('field.validity'), [VALIDITY_LABELS[o.validity]?.[lang] ?? o.validity,
      repealedBy ? [' ', <a href={articleHref(repealedBy.id)}>{pt('field.repealed_by', { title: repealedBy.title })}</a>] : null]],
    [pt('field.disclosure'), DISCLOSURE_LABELS[o.disclosure]?.[lang] ?? o.disclosure],
  ];
  return (
    <table class="doc-fields" aria-label={pt('article.fields')}>
      <tbody>{rows.map(([label, value]) => <tr><th scope="row">{label}</th><td>{value as string}</td></tr>)}</tbody>
    </table>
  );
}

function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} B`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(0)} KB`;
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`;
}
