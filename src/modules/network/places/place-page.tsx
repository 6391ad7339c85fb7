import { h, type SafeHtml } from '../../../portal/jsx.js';
import { Layout, type PageContext } from '../../../portal/layout.js';
import { absoluteUrl } from '../../../portal/seo.js';
import type { InstitutionRow } from '../institutions/institution-repository.js';
import { kindLabel, placesT, type PlacesT } from './i18n/places-i18n.js';
import { placeHref, placesHref } from './places-href.js';

/** schema.org EducationalOrganization, so search engines show the address and phone. */
function placeLd(baseUrl: string, row: InstitutionRow, town: string) {
  return {
    '@type': 'EducationalOrganization', name: row.name, url: absoluteUrl(baseUrl, placeHref(row.id)),
    ...(row.description ? { description: row.description.slice(0, 300) } : {}),
    ...(row.address ? { address: { '@type': 'PostalAddress', streetAddress: row.address, addressLocality: town, addressCountry: 'CN' } } : {}),
    ...(row.contact_phone ? { telephone: row.contact_phone } : {}),
  };
}

/** A photo of the place (media/): its image URL and the caption that is also its alt text. */
export interface PlacePhoto { url: string; caption: string }

/**
 * The place's photos as small tiles, two across on a 360 px phone: lazy-loaded, each linking to the full image.
 * The caption is the alt text; an uncaptioned photo gets "<place>'s photo <n>" so no image is unnamed.
 */
function PhotoGallery(props: { photos: PlacePhoto[]; name: string; t: PlacesT }) {
  const { photos, name, t } = props;
  return (
    <section aria-labelledby="place-photos">
      <h2 id="place-photos">{t('place.photos')}</h2>
      <ul style="list-style:none;margin:0 0 1rem;padding:0;display:grid;grid-template-columns:repeat(auto-fill,minmax(120px,1fr));gap:.75rem">
        {photos.map((p, i) => (
          <li>
            <figure style="margin:0">
              <a href={p.url}>
                <img src={p.url} alt={p.caption || t('place.photo_untitled', { name, n: i + 1 })} loading="lazy" decoding="async"
                  width="320" height="240" style="display:block;width:100%;height:auto;aspect-ratio:4/3;object-fit:cover;border-radius:4px;background:#eef1f4" />
              </a>
              {p.caption ? <figcaption class="muted" style="font-size:.9rem;margin-top:.3rem;overflow-wrap:anywhere">{p.caption}</figcaption> : null}
            </figure>
          </li>
        ))}
      </ul>
    </section>
  );
}

/** One learning place: where, when, whom to call, its accreditation, what it coordinates or belongs to. */
export function PlacePage(props: { ctx: PageContext; row: InstitutionRow; grantedOn: string | null; members: InstitutionRow[];
  photos?: PlacePhoto[]; sections?: SafeHtml[] }) {
  const { ctx, row, members } = props;
  const photos = props.photos ?? [];
  const t = placesT(ctx.locale);
  const en = ctx.locale === 'en';
  const town = row.region_level === 'town' ? { id: row.region_id, name: row.region_name } : { id: row.region_parent_id ?? '', name: row.region_parent_name ?? '' };
  const location = row.region_level === 'village' ? `${town.name} ${row.region_name}` : town.name;
  const none = t('place.not_given');
  const levelName = en ? row.level_name_en : row.level_name_zh;
  const accreditation = row.tier !== 'center' || !levelName ? null
    : props.grantedOn && row.accreditation_level_id !== 'none' ? t('place.accreditation_detail', { level: levelName, date: props.grantedOn }) : levelName;
  const fields: [string, unknown][] = [
    [t('place.kind'), kindLabel(t, row.kind)],
    [t('place.tier'), t(`tier.${row.tier!}`)],
    [t('place.location'), <a href={placesHref({ town: town.id, village: row.region_level === 'village' ? row.region_id : '', kind: '' })}>{location}</a>],
    [t('place.address'), row.address || none],
    [t('place.hours'), row.opening_hours || none],
    [t('place.contact'), row.contact_name || none],
    [t('place.phone'), row.contact_phone ? <a href={`tel:${row.contact_phone}`}>{row.contact_phone}</a> : none],
  ];
  if (accreditation) fields.push([t('place.accreditation'), accreditation]);
  if (row.parent_center_id) fields.push([t('place.center'), <a href={placeHref(row.parent_center_id)}>{row.parent_center_name ?? ''}</a>]);
  return (
    <Layout ctx={ctx} title={row.name} description={row.description.slice(0, 120) || `${row.name} ${location}`}
      breadcrumb={[{ label: ctx.t('site.title', { city: ctx.cityName }), href: '/' }, { label: t('places.title'), href: '/places' },
        { label: town.name, href: placesHref({ town: town.id, village: '', kind: '' }) }, { label: row.name }]}
      head={{ canonicalPath: placeHref(row.id), columnName: t('places.title'), articleTitle: row.name, jsonLd: [placeLd(ctx.baseUrl, row, town.name)] }}>
      <article class="panel" aria-labelledby="place-title">
        <h1 id="place-title">{row.name}</h1>
        <table class="doc-fields" aria-label={t('place.fields')}>
          <tbody>{fields.map(([label, value]) => <tr><th scope="row">{label}</th><td>{value}</td></tr>)}</tbody>
        </table>
        {photos.length > 0 ? <PhotoGallery photos={photos} name={row.name} t={t} /> : null}
        {row.description ? [<h2>{t('place.about')}</h2>, ...row.description.split(/\n+/).map((p) => <p>{p}</p>)] : null}
        {members.length > 0
          ? [<h2>{t('place.members')}</h2>,
            <ul class="item-list">{members.map((m) => (
              <li><a href={placeHref(m.id)}>{m.name}</a><span class="muted">{kindLabel(t, m.kind)}</span></li>
            ))}</ul>]
          : null}
        {props.sections ?? []}
      </article>
    </Layout>
  );
}
