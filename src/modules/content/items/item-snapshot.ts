import type { ContentItemsTable, ContentOfficialDocumentsTable } from '../content-schema.js';

/** The item fields a revision keeps besides title, summary and body (which have their own columns). */
export const SNAPSHOT_ITEM_FIELDS = [
  'category_id', 'subtitle', 'source', 'author', 'keywords', 'owner_scope_type', 'owner_scope_id', 'owner_path', 'interpretation_of_id',
] as const satisfies readonly (keyof ContentItemsTable)[];

/** The official-document fields an editor sets (index numbers are assigned at publication, not edited). */
export const SNAPSHOT_OFFICIAL_FIELDS = [
  'doc_type', 'issuing_organ', 'organ_code', 'doc_number', 'doc_year', 'signer', 'addressees', 'cc', 'written_date',
  'printing_organ', 'printing_date', 'topic', 'validity', 'repealed_by_id', 'disclosure', 'attachment_notes',
] as const satisfies readonly (keyof ContentOfficialDocumentsTable)[];

export type SnapshotItemFields = Pick<ContentItemsTable, typeof SNAPSHOT_ITEM_FIELDS[number]>;
export type OfficialFields = Pick<ContentOfficialDocumentsTable, typeof SNAPSHOT_OFFICIAL_FIELDS[number]>;

/** What `content_revisions.fields_json` holds: enough to restore the item and to diff two revisions. */
export interface RevisionFields {
  item: SnapshotItemFields;
  official: OfficialFields | null;
}

export function snapshotFields(item: SnapshotItemFields, official: OfficialFields | null): RevisionFields {
  return {
    item: Object.fromEntries(SNAPSHOT_ITEM_FIELDS.map((k) => [k, item[k] ?? null])) as unknown as SnapshotItemFields,
    official: official ? Object.fromEntries(SNAPSHOT_OFFICIAL_FIELDS.map((k) => [k, official[k] ?? null])) as unknown as OfficialFields : null,
  };
}

export function parseRevisionFields(json: string | object): RevisionFields {
  // PostgreSQL returns json columns parsed; SQLite returns the text.
  return (typeof json === 'string' ? JSON.parse(json) : json) as RevisionFields;
}
