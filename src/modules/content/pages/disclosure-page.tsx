import { h } from '../../../portal/jsx.js';
import { Layout, type PageContext } from '../../../portal/layout.js';
import { OFFICIAL_DOC_TYPE_CODES, OFFICIAL_DOC_TYPES, VALIDITY_LABELS } from '../official/doc-types.js';
import type { DisclosureFilter, DisclosureRow } from './disclosure-queries.js';
import { pagesT } from './i18n/pages-i18n.js';
import { articleHref, Pager, zhDate } from './page-parts.js';

export const DISCLOSURE_PAGE_SIZE = 20;

/** The canonical URL of a filter and page: fixed key order, empty filters left out, page 1 without `page`. */
export function disclosureHref(f: DisclosureFilter, page = 1): string {
  const q = new URLSearchParams();
  if (f.organ) q.set('organ', f.organ);
  if (f.topic) q.set('topic', f.topic);
  if (f.year) q.set('year', String(f.year));
  if (f.type) q.set('type', f.type);
  if (f.validity) q.set('validity', f.validity);
  if (page > 1) q.set('page', String(page));
  const s = q.toString();
  return s ? `/disclosure?${s}` : '/disclosure';
}

function Select(props: { name: string; label: string; value: string; allLabel: string; options: { value: string; label: string }[] }) {
  return (
    <div class="field">
      <label htmlFor={`f-${props.name}`}>{props.label}</label>
      <select id={`f-${props.name}`} name={props.name}>
        <option value="">{props.allLabel}</option>
        {props.options.map((o) => <option value={o.value} selected={o.value === props.value}>{o.label}</option>)}
      </select>
    </div>
  );
}

export function DisclosurePage(props: {
  ctx: PageContext; filter: DisclosureFilter; page: number; total: number; rows: DisclosureRow[];
  facets: { organs: string[]; topics: string[]; years: number[] };
}) {
  const { ctx, filter, page, total, rows, facets } = props;
  const pt = pagesT(ctx.locale);
  const lang = ctx.locale === 'en' ? 'en' : 'zh';
  const pages = Math.max(1, Math.ceil(total / DISCLOSURE_PAGE_SIZE));
  const filtered = Boolean(filter.organ || filter.topic || filter.year || filter.type || filter.validity);
  const all = pt('disclosure.all');
  return (
    <Layout ctx={ctx} title={pt('disclosure.title')} description={pt('disclosure.intro')}
      breadcrumb={[{ label: ctx.t('site.title', { city: ctx.cityName }), href: '/' }, { label: pt('disclosure.title') }]}
      head={{ canonicalPath: disclosureHref(filter, page), columnName: pt('disclosure.title'), noindex: filtered }}>
      <section class="panel" aria-labelledby="disclosure-title">
        <h1 id="disclosure-title">{pt('disclosure.title')}</h1>
        <p class="muted">{pt('disclosure.intro')}</p>
        <form class="disclosure-filters" method="get" action="/disclosure" aria-label={pt('disclosure.filter')}>
          <Select name="organ" label={pt('disclosure.organ')} value={filter.organ ?? ''} allLabel={all} options={facets.organs.map((v) => ({ value: v, label: v }))} />
          <Select name="topic" label={pt('disclosure.topic')} value={filter.topic ?? ''} allLabel={all} options={facets.topics.map((v) => ({ value: v, label: v }))} />
          <Select name="year" label={pt('disclosure.year')} value={filter.year ? String(filter.year) : ''} allLabel={all} options={facets.years.map((v) => ({ value: String(v), label: String(v) }))} />
          <Select name="type" label={pt('disclosure.type')} value={filter.type ?? ''} allLabel={all} options={OFFICIAL_DOC_TYPE_CODES.map((c) => ({ value: c, label: OFFICIAL_DOC_TYPES[c][lang] }))} />
          <Select name="validity" label={pt('disclosure.validity')} value={filter.validity ?? ''} allLabel={all}
            options={(['valid', 'expired', 'repealed'] as const).map((v) => ({ value: v, label: VALIDITY_LABELS[v][lang] }))} />
          <div class="actions">
            <button class="btn" type="submit">{pt('disclosure.apply')}</button>
            {filtered ? <a class="btn secondary" href="/disclosure">{pt('disclosure.reset')}</a> : null}
          </div>
        </form>
        <p class="muted" role="status">{pt('disclosure.results', { total })}</p>
        {rows.length === 0
          ? <p>{pt('disclosure.empty')}</p>
          : (
            <div class="table-scroll">
              <table class="data responsive">
                <thead>
                  <tr>
                    <th scope="col">{pt('field.index_number')}</th>
                    <th scope="col">{pt('disclosure.col.title')}</th>
                    <th scope="col">{pt('field.doc_number')}</th>
                    <th scope="col">{pt('field.issuing_organ')}</th>
                    <th scope="col">{pt('field.published_date')}</th>
                    <th scope="col">{pt('field.validity')}</th>
                  </tr>
                </thead>
                <tbody>
                  {rows.map((r) => (
                    <tr>
                      <td data-label={pt('field.index_number')} class="nowrap">{r.index_number ?? '—'}</td>
                      <th scope="row"><a href={articleHref(r.id)}>{r.title}</a></th>
                      <td data-label={pt('field.doc_number')}>{r.doc_number ?? '—'}</td>
                      <td data-label={pt('field.issuing_organ')}>{r.issuing_organ}</td>
                      <td data-label={pt('field.published_date')}>{zhDate(r.published_at)}</td>
                      <td data-label={pt('field.validity')}>{VALIDITY_LABELS[r.validity]?.[lang] ?? r.validity}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          )}
        <Pager ctx={ctx} page={page} pages={pages} hrefOf={(n) => disclosureHref(filter, n)} />
      </section>
    </Layout>
  );
}
