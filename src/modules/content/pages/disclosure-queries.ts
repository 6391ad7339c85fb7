import type { CoreContext } from '../../../core/context.js';
import { contentDb, type OfficialDocType, type Validity } from '../content-schema.js';

/** The 政府信息公开目录 filters; each is optional. `year` is the year of the index number (the year of first publication). */
export interface DisclosureFilter { organ?: string; topic?: string; year?: number; type?: OfficialDocType; validity?: Validity }

export interface DisclosureRow {
  id: string; title: string; published_at: string; index_number: string | null; doc_number: string | null;
  issuing_organ: string; written_date: string | null; validity: Validity; doc_type: OfficialDocType;
}

function filtered(core: Pick<CoreContext, 'db'>, f: DisclosureFilter) {
  let q = contentDb(core).selectFrom('content_items as i').innerJoin('content_official_documents as o', 'o.item_id', 'i.id')
    .where('i.status', '=', 'published').where('o.disclosure', '=', 'proactive');
  if (f.organ) q = q.where('o.issuing_organ', '=', f.organ);
  if (f.topic) q = q.where('o.topic', '=', f.topic);
  if (f.year) q = q.where('o.index_year', '=', f.year);
  if (f.type) q = q.where('o.doc_type', '=', f.type);
  if (f.validity) q = q.where('o.validity', '=', f.validity);
  return q;
}

export async function countDisclosed(core: Pick<CoreContext, 'db'>, f: DisclosureFilter): Promise<number> {
  const row = await filtered(core, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow();
  return Number(row.n);
}

/** Newest first; the index number breaks ties so that pages are stable. */
export async function listDisclosed(core: Pick<CoreContext, 'db'>, f: DisclosureFilter, offset: number, limit: number): Promise<DisclosureRow[]> {
  const rows = await filtered(core, f)
    .select(['i.id', 'i.title', 'i.published_at', 'o.index_number', 'o.doc_number', 'o.issuing_organ', 'o.written_date', 'o.validity', 'o.doc_type'])
    .orderBy('i.published_at', 'desc').orderBy('o.index_number', 'desc').orderBy('i.id', 'desc').offset(offset).limit(limit).execute();
  return rows.map((r) => ({ ...r, published_at: r.published_at ?? '' }));
}

/** The values the filter lists offer: organs, topics and years that published documents have. */
export async function disclosureFacets(core: Pick<CoreContext, 'db'>) {
  const base = () => contentDb(core).selectFrom('content_items as i').innerJoin('content_official_documents as o', 'o.item_id', 'i.id')
    .where('i.status', '=', 'published').where('o.disclosure', '=', 'proactive');
  const [organs, topics, years] = await Promise.all([
    base().select('o.issuing_organ as v').distinct().orderBy('o.issuing_organ').execute(),
    base().select('o.topic as v').distinct().orderBy('o.topic').execute(),
    base().select('o.index_year as v').distinct().where('o.index_year', 'is not', null).orderBy('o.index_year', 'desc').execute(),
  ]);
  return { organs: organs.map((r) => r.v), topics: topics.map((r) => r.v), years: years.map((r) => Number(r.v)) };
}
