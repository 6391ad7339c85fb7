import type { Static } from '@sinclair/typebox';
import { Type } from '@sinclair/typebox';
import type { ContentAttachmentsTable, ContentFilesTable } from '../content-schema.js';

/** One attachment as the API shows it (the same shape as in GET /items/:id). */
export const AttachmentSchema = Type.Object({
  id: Type.String(),
  fileId: Type.String(),
  role: Type.Union([Type.Literal('attachment'), Type.Literal('original'), Type.Literal('image')]),
  title: Type.String(),
  /** Where the file is downloaded (and what an inline image's src is). */
  url: Type.String(),
  originalName: Type.String(),
  mime: Type.String(),
  size: Type.Integer(),
  sort: Type.Integer(),
});
export type AttachmentView = Static<typeof AttachmentSchema>;

export function presentAttachment(a: ContentAttachmentsTable, f: ContentFilesTable): AttachmentView {
  return {
    id: a.id, fileId: f.id, role: a.role, title: a.title, url: `/files/${f.id}`, originalName: f.original_name, mime: f.mime,
    size: Number(f.size), sort: Number(a.sort),
  };
}
