import { Type, type Static } from '@sinclair/typebox';
import { CreateItemBody, DisclosureSchema, DocTypeSchema, ItemDetailSchema, OfficialInputSchema } from '../items/item-schemas.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(s: T) => Type.Union([s, Type.Null()]);

/** `POST /api/v1/content/import/text`: the pasted text (or a .txt file's content) and where the draft goes. */
export const ImportTextBody = Type.Object({
  text: Type.String({ minLength: 1, maxLength: 200_000 }),
  categoryId: CreateItemBody.properties.categoryId,
  ownerScope: CreateItemBody.properties.ownerScope,
  source: Type.Optional(Type.String({ maxLength: 100 })),
  /** Overrides for the recognised 公文 fields; organCode and topic are what a document never states. */
  official: Type.Optional(Type.Partial(OfficialInputSchema)),
}, { additionalProperties: false });
export type ImportTextInput = Static<typeof ImportTextBody>;

/** The text fields of the `POST /api/v1/content/import/docx` form (besides `file`). */
export const DOCX_FORM_FIELDS = ['categoryId', 'ownerScopeType', 'ownerScopeId', 'source', 'docType', 'issuingOrgan', 'organCode', 'topic'] as const;

/** What the import recognised, so the editor can check it beside the draft. */
export const RecognisedSchema = Type.Object({
  title: Type.String(),
  docType: Type.Union([DocTypeSchema, Type.Null()]),
  docNumber: Nullable(Type.String()),
  signer: Nullable(Type.String()),
  addressees: Type.String(),
  writtenDate: Nullable(Type.String()),
  closingOrgans: Type.Array(Type.String()),
  attachmentNotes: Type.Array(Type.String()),
  cc: Nullable(Type.String()),
  printingOrgan: Nullable(Type.String()),
  printingDate: Nullable(Type.String()),
  disclosure: Type.Union([DisclosureSchema, Type.Null()]),
  /** Top-level sections (一、…) of the body. */
  sectionCount: Type.Integer(),
  /** Source lines dropped as web-page furniture or unrecognised head matter. */
  droppedLines: Type.Integer(),
});

export const ImportResponse = Type.Object({
  item: ItemDetailSchema,
  recognised: RecognisedSchema,
  warnings: Type.Array(Type.Object({ code: Type.String(), message: Type.Object({ 'zh-CN': Type.String(), en: Type.String() }) })),
});
