import type { Kysely } from 'kysely';
import type { Actor } from '../../../core/access/actor.js';
import type { Database } from '../../../core/db/schema.js';
import { scopeNames } from '../../../core/regions/region-repository.js';
import type { ContentDatabase, ContentOfficialDocumentsTable } from '../content-schema.js';
import { findCategory } from '../categories/category-repository.js';
import { OFFICIAL_DOC_TYPES } from '../official/doc-types.js';
import { abilities } from '../workflow/workflow-policy.js';
import type { WorkflowState } from '../workflow/workflow-state.js';
import type { ItemDetail } from './item-schemas.js';
import type { LoadedItem } from './item-loader.js';
import type { OfficialFields } from './item-snapshot.js';
import { findLinks, findOfficial, latestRevisionNumber, listAttachments } from './item-repository.js';
import { copyFromRevision, copyFromRow } from './working-copy.js';

const signature = (s: Pick<WorkflowState, 'signed_by' | 'signed_by_name' | 'signed_at'>) =>
  (s.signed_by && s.signed_at ? { userId: s.signed_by, name: s.signed_by_name ?? '', at: s.signed_at } : null);

async function presentOfficial(db: Kysely<ContentDatabase>, fields: OfficialFields | null, row: ContentOfficialDocumentsTable | undefined) {
  if (!fields) return null;
  const repealer = fields.repealed_by_id
    ? await db.selectFrom('content_items as i').leftJoin('content_official_documents as o', 'o.item_id', 'i.id')
      .select(['i.id', 'i.title', 'o.doc_number']).where('i.id', '=', fields.repealed_by_id).executeTakeFirst()
    : undefined;
  return {
    docType: fields.doc_type, docTypeName: OFFICIAL_DOC_TYPES[fields.doc_type]?.zh ?? fields.doc_type,
    issuingOrgan: fields.issuing_organ, organCode: fields.organ_code, docNumber: fields.doc_number,
    docYear: fields.doc_year === null ? null : Number(fields.doc_year), signer: fields.signer, addressees: fields.addressees,
    cc: fields.cc, writtenDate: fields.written_date, printingOrgan: fields.printing_organ, printingDate: fields.printing_date,
    indexNumber: row?.index_number ?? null, topic: fields.topic, validity: fields.validity,
    repealedBy: repealer ? { id: repealer.id, title: repealer.title, docNumber: repealer.doc_number ?? null } : null,
    disclosure: fields.disclosure, attachmentNotes: fields.attachment_notes,
  };
}

/**
 * One item for the back office: the working copy (a pending edit's text while a published item is being
 * edited), the 公文 fields, links both ways, attachments, the workflow history and what the caller may do.
 */
export async function presentItem(db: Kysely<ContentDatabase>, actor: Actor, loaded: LoadedItem): Promise<ItemDetail> {
  const { item, pending, state } = loaded;
  const officialRow = await findOfficial(db, item.id);
  const copy = pending && loaded.revision ? copyFromRevision(loaded.revision) : copyFromRow(item, officialRow);
  const [category, names, creator, links, attachments, latest] = await Promise.all([
    findCategory(db, copy.item.category_id),
    scopeNames(db as unknown as Kysely<Database>, [copy.item.owner_scope_id]),
    db.selectFrom('users').select('display_name').where('id', '=', item.created_by).executeTakeFirst(),
    findLinks(db, { id: item.id, interpretation_of_id: copy.item.interpretation_of_id }),
    listAttachments(db, item.id),
    latestRevisionNumber(db, item.id),
  ]);
  return {
    id: item.id, categoryId: copy.item.category_id, categoryName: category?.name_zh ?? '', kind: item.kind,
    title: copy.title, subtitle: copy.item.subtitle, summary: copy.summary, bodyHtml: copy.body_html, source: copy.item.source,
    author: copy.item.author, keywords: copy.item.keywords,
    ownerScope: { type: copy.item.owner_scope_type, id: copy.item.owner_scope_id, name: names.get(copy.item.owner_scope_id) ?? copy.item.owner_scope_id, path: copy.item.owner_path },
    status: item.status, reviewsRequired: Number(item.reviews_required), reviewsPassed: Number(item.reviews_passed),
    signed: signature(item), publishAt: item.publish_at, publishedAt: item.published_at, withdrawnAt: item.withdrawn_at,
    archivedAt: item.archived_at, revision: Number(item.revision), latestRevision: latest,
    pendingEdit: pending ? {
      status: state.status, revision: state.revision, reviewsRequired: state.reviews_required, reviewsPassed: state.reviews_passed,
      signed: signature(state), publishAt: state.publish_at,
    } : null,
    viewCount: Number(item.view_count), createdBy: { id: item.created_by, name: creator?.display_name ?? '' },
    createdAt: item.created_at, updatedAt: item.updated_at,
    interpretationOf: links.interpretationOf, interpretations: links.interpretations,
    official: await presentOfficial(db, copy.official, officialRow),
    attachments: attachments.map((a) => ({
      id: a.id, fileId: a.file_id, role: a.role, title: a.title, url: `/files/${a.file_id}`, originalName: a.original_name,
      mime: a.mime, size: Number(a.size), sort: Number(a.sort),
    })),
    history: loaded.history.map((h) => ({
      step: h.step, level: h.level === null ? null : Number(h.level), revision: Number(h.revision), actorId: h.actor_id,
      actorName: h.actor_name, comment: h.comment, at: h.created_at,
    })),
    abilities: abilities(actor, loaded.subject),
  };
}
