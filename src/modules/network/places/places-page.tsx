import { h } from '../../../portal/jsx.js';
import { Layout, type PageContext } from '../../../portal/layout.js';
import { INSTITUTION_KINDS } from '../institutions/institution-kinds.js';
import type { InstitutionRow } from '../institutions/institution-repository.js';
import { kindLabel, placesT, type PlacesT } from './i18n/places-i18n.js';
import { placeHref, placesHref } from './places-href.js';
import type { PlacesFilter } from './places-queries.js';

interface Option { value: string; label: string }

function Select(props: { name: string; label: string; value: string; allLabel: string; options: Option[] }) {
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

/** Rows grouped by town, then by kind, in the order the list arrives (town order, tier, name). */
function groupByTownAndKind(rows: InstitutionRow[]) {
  const towns = new Map<string, { name: string; kinds: Map<string, InstitutionRow[]> }>();
  for (const row of rows) {
    const townId = row.region_level === 'town' ? row.region_id : row.region_parent_id ?? '';
    const townName = row.region_level === 'town' ? row.region_name : row.region_parent_name ?? '';
    const town = towns.get(townId) ?? { name: townName, kinds: new Map() };
    towns.set(townId, town);
    const list = town.kinds.get(row.kind) ?? [];
    list.push(row);
    town.kinds.set(row.kind, list);
  }
  return towns;
}

function PlaceLine(props: { row: InstitutionRow; t: PlacesT; locale: string }) {
  const { row, t } = props;
  const level = row.tier === 'center' && row.accreditation_level_id && row.accreditation_level_id !== 'none'
    ? (props.locale === 'en' ? row.level_name_en : row.level_name_zh) : null;
  return (
    <li>
      <a href={placeHref(row.id)}>{row.name}</a>
      <span class="muted">{[row.region_level === 'village' ? row.region_name : null, level, row.address || null].filter(Boolean).join(' · ') || t('place.not_given')}</span>
    </li>
  );
}

/** 学习场所: every active network institution by town and kind; filters are plain GET parameters. */
export function PlacesPage(props: {
  ctx: PageContext; filter: PlacesFilter; rows: InstitutionRow[];
  towns: Option[]; villages: Option[];
}) {
  const { ctx, filter, rows } = props;
  const t = placesT(ctx.locale);
  const filtered = Boolean(filter.town || filter.village || filter.kind);
  const kinds = INSTITUTION_KINDS.map((k) => ({ value: k, label: kindLabel(t, k) }));
  const grouped = groupByTownAndKind(rows);
  return (
    <Layout ctx={ctx} title={t('places.title')} description={t('places.intro')}
      breadcrumb={[{ label: ctx.t('site.title', { city: ctx.cityName }), href: '/' }, { label: t('places.title') }]}
      head={{ canonicalPath: placesHref(filter), columnName: t('places.title'), noindex: filtered }}>
      <section class="panel" aria-labelledby="places-title">
        <div class="list-head"><h1 id="places-title">{t('places.title')}</h1></div>
        <p class="muted">{t('places.intro')}</p>
        <form class="disclosure-filters" method="get" action="/places" aria-label={t('places.filter')}>
          <Select name="town" label={t('places.town')} value={filter.town} allLabel={t('places.all')} options={props.towns} />
          <Select name="village" label={t('places.village')} value={filter.village} allLabel={t('places.all')} options={props.villages} />
          <Select name="kind" label={t('places.kind')} value={filter.kind} allLabel={t('places.all')} options={kinds} />
          <div class="actions">
            <button class="btn" type="submit">{t('places.apply')}</button>
            {filtered ? <a class="btn secondary" href="/places">{t('places.reset')}</a> : null}
          </div>
        </form>
        <p class="muted" role="status">{t('places.results', { total: rows.length })}</p>
        {rows.length === 0 ? <p>{t('places.empty')}</p> : null}
        {[...grouped.entries()].map(([townId, town]) => (
          <section aria-labelledby={`town-${townId}`}>
            <h2 id={`town-${townId}`}>{town.name}</h2>
            {[...town.kinds.entries()].map(([kind, list]) => (
              <section>
                <h3>{kindLabel(t, kind)}</h3>
                <ul class="item-list">{list.map((row) => <PlaceLine row={row} t={t} locale={ctx.locale} />)}</ul>
              </section>
            ))}
          </section>
        ))}
      </section>
    </Layout>
  );
}
