import type { ContentItemsTable, ContentOfficialDocumentsTable, ContentRevisionsTable } from '../content-schema.js';
import { parseRevisionFields, snapshotFields, type OfficialFields, type SnapshotItemFields } from './item-snapshot.js';

/** The editable content of an item at one revision: what a save starts from and what publication applies. */
export interface WorkingCopy {
  title: string;
  summary: string | null;
  body_html: string;
  item: SnapshotItemFields;
  official: OfficialFields | null;
}

export function copyFromRow(item: ContentItemsTable, official: ContentOfficialDocumentsTable | null | undefined): WorkingCopy {
  const fields = snapshotFields(item, official ?? null);
  return { title: item.title, summary: item.summary, body_html: item.body_html, item: fields.item, official: fields.official };
}

export function copyFromRevision(revision: ContentRevisionsTable): WorkingCopy {
  const fields = parseRevisionFields(revision.fields_json);
  return { title: revision.title, summary: revision.summary, body_html: revision.body_html, item: fields.item, official: fields.official };
}
