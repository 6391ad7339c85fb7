import { h, raw } from '../../../portal/jsx.js';
import { Layout, type PageContext } from '../../../portal/layout.js';
import { formatZhDateTime } from '../../../core/time.js';
import { OFFICIAL_DOC_TYPES, OFFICIAL_DOC_TYPE_CODES, VALIDITY_LABELS } from '../official/doc-types.js';
import type { OfficialDocType, Validity } from '../content-schema.js';
import type { SearchT } from './i18n/search-i18n.js';
import type { SearchHit, SearchRequest, SearchResult } from './search-service.js';
import { searchHref } from './search-href.js';

export interface SearchOptions {
  categories: { id: string; name: string; depth: number }[];
  organs: string[];
  years: number[];
}

// Only what the shared stylesheet lacks: result entries and the highlight colour (contrast ≥ 4.5:1 on it).
const STYLE = `.search-hits{list-style:none;margin:0;padding:0}.search-hits li{padding:.8rem 0;border-bottom:1px dashed var(--line)}
.search-hits h2{font-size:1.1rem;margin:0 0 .25rem;overflow-wrap:anywhere;border:0;padding:0}.search-hits p{margin:.2rem 0;overflow-wrap:anywhere}
.search-hits .meta{color:var(--muted);font-size:.9rem;display:flex;flex-wrap:wrap;gap:.1rem 1rem}
mark{background:#ffe58a;color:inherit;padding:0 .05em}.search-main{display:flex;gap:.5rem;flex-wrap:wrap;align-items:end}
.search-main .field{flex:1 1 14rem;margin-bottom:0}
.search-filters{margin-top:1rem}.search-filters summary{cursor:pointer;font-weight:600;padding:.6rem 0}
.search-filters .grid{display:grid;grid-template-columns:repeat(auto-fit,minmax(min(11rem,100%),1fr));gap:0 1rem}`;

function Select(props: { name: string; label: string; value: string | undefined; any: string; options: { value: string; label: string }[] }) {
  return (
    <div class="field">
      <label htmlFor={`f-${props.name}`}>{props.label}</label>
      <select id={`f-${props.name}`} name={props.name}>
        <option value="">{props.any}</option>
        {props.options.map((o) => <option value={o.value} selected={o.value === props.value}>{o.label}</option>)}
      </select>
    </div>
  );
}

function Hit(props: { ctx: PageContext; t: SearchT; hit: SearchHit }) {
  const { ctx, t, hit } = props;
  const en = ctx.locale === 'en';
  const docType = hit.docType && hit.docType in OFFICIAL_DOC_TYPES ? OFFICIAL_DOC_TYPES[hit.docType as OfficialDocType] : null;
  const validity = hit.validity && hit.validity in VALIDITY_LABELS ? VALIDITY_LABELS[hit.validity as Validity] : null;
  return (
    <li>
      <h2><a href={hit.url}>{raw(hit.titleHtml)}</a></h2>
      <p>{raw(hit.snippetHtml)}</p>
      <p class="meta">
        <span>{hit.kind === 'job' ? t('search.kind.job') : hit.category ? (en ? hit.category.nameEn : hit.category.nameZh) : null}</span>
        {docType ? <span>{en ? docType.en : docType.zh}</span> : null}
        {hit.docNumber ? <span>{hit.docNumber}</span> : null}
        {hit.organ ? <span>{hit.organ}</span> : null}
        {validity && hit.validity !== 'valid' ? <span>{en ? validity.en : validity.zh}</span> : null}
        <span>{t('search.result.published')} <time datetime={hit.publishedAt}>{formatZhDateTime(hit.publishedAt)}</time></span>
      </p>
    </li>
  );
}

function Pager(props: { t: SearchT; request: SearchRequest; page: number; pages: number }) {
  const { t, request, page, pages } = props;
  if (pages <= 1) return null;
  const first = Math.max(1, Math.min(page - 2, pages - 4));
  const numbers = Array.from({ length: Math.min(5, pages) }, (_, i) => first + i);
  return (
    <nav class="pager" aria-label={t('search.pager.label')}>
      <ul>
        {page > 1 ? <li><a href={searchHref(request, page - 1)} rel="prev">{t('search.pager.prev')}</a></li> : null}
        {numbers.map((n) => (
          <li>{n === page
            ? <span class="current" aria-current="page">{String(n)}</span>
            : <a href={searchHref(request, n)} aria-label={t('search.pager.page', { n })}>{String(n)}</a>}</li>
        ))}
        {page < pages ? <li><a href={searchHref(request, page + 1)} rel="next">{t('search.pager.next')}</a></li> : null}
      </ul>
    </nav>
  );
}

/** /search: the form with its filters, then the results (or a prompt when there is no query yet). */
export function SearchPage(props: { ctx: PageContext; t: SearchT; request: SearchRequest; result: SearchResult | null; options: SearchOptions; error?: string }) {
  const { ctx, t, request, result, options } = props;
  const en = ctx.locale === 'en';
  const hasFilters = Boolean(request.kind || request.category || request.type || request.organ || request.year || request.validity);
  const title = request.q && !props.error ? t('search.title_with_query', { q: request.q }) : t('search.title');
  return (
    <Layout ctx={ctx} title={title} head={{ noindex: true, canonicalPath: '/search' }}
      breadcrumb={[{ label: ctx.t('site.title', { city: ctx.cityName }), href: '/' }, { label: t('search.title') }]}>
      <style>{raw(STYLE)}</style>
      <section class="panel">
        <h1>{title}</h1>
        <form method="get" action="/search" role="search">
          <div class="search-main">
            <div class="field">
              <label htmlFor="search-q">{t('search.query_label')}</label>
              <input id="search-q" name="q" type="search" value={request.q} maxlength="100" aria-invalid={props.error ? 'true' : null}
                aria-describedby={props.error ? 'search-error' : null} />
            </div>
            <button class="btn" type="submit">{t('search.submit')}</button>
          </div>
          {props.error ? <p class="error" id="search-error" role="alert">{props.error}</p> : null}
          <details class="search-filters" open={hasFilters}>
            <summary>{t('search.filters')}</summary>
            <div class="grid">
            <Select name="kind" label={t('search.filter.kind')} value={request.kind} any={t('search.filter.any')}
              options={(['official_document', 'article', 'job'] as const).map((k) => ({ value: k, label: t(`search.kind.${k}`) }))} />
            <Select name="category" label={t('search.filter.category')} value={request.category} any={t('search.filter.any')}
              options={options.categories.map((c) => ({ value: c.id, label: `${'— '.repeat(c.depth)}${c.name}` }))} />
            <Select name="type" label={t('search.filter.type')} value={request.type} any={t('search.filter.any')}
              options={OFFICIAL_DOC_TYPE_CODES.map((c) => ({ value: c, label: en ? OFFICIAL_DOC_TYPES[c].en : OFFICIAL_DOC_TYPES[c].zh }))} />
            <Select name="organ" label={t('search.filter.organ')} value={request.organ} any={t('search.filter.any')}
              options={options.organs.map((o) => ({ value: o, label: o }))} />
            <Select name="year" label={t('search.filter.year')} value={request.year ? String(request.year) : undefined} any={t('search.filter.any')}
              options={options.years.map((y) => ({ value: String(y), label: String(y) }))} />
            <Select name="validity" label={t('search.filter.validity')} value={request.validity} any={t('search.filter.any')}
              options={(['valid', 'expired', 'repealed'] as const).map((v) => ({ value: v, label: en ? VALIDITY_LABELS[v].en : VALIDITY_LABELS[v].zh }))} />
            </div>
            <p class="actions">
              <button class="btn secondary" type="submit">{t('search.filter.apply')}</button>
              {hasFilters && request.q ? <span> <a href={searchHref({ q: request.q, page: 1 }, 1)}>{t('search.filter.clear')}</a></span> : null}
            </p>
          </details>
        </form>
      </section>
      <section class="panel" aria-live="polite">
        {!result ? <p>{props.error ? null : t('search.prompt')}</p>
          : result.items.length === 0 ? <p>{t('search.none', { q: result.q })}</p>
          : [
            <p class="muted">
              {result.totalCapped ? t('search.count_capped', { n: result.total }) : t('search.count', { n: result.total })}
              {result.pageCount > 1 ? ` · ${t('search.count_page', { page: result.page, pages: result.pageCount })}` : ''}
              {' · '}{t('search.terms', { terms: result.terms.join(' ') })}
            </p>,
            <ol class="search-hits" start={(result.page - 1) * result.pageSize + 1}>
              {result.items.map((hit) => <Hit ctx={ctx} t={t} hit={hit} />)}
            </ol>,
            <Pager t={t} request={request} page={result.page} pages={result.pageCount} />,
          ]}
      </section>
    </Layout>
  );
}
