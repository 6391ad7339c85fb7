import { Type, type Static, type TLiteral, type TUnion } from '@sinclair/typebox';
import { PageQuery } from '../../../core/http/pagination.js';
import { OFFICIAL_DOC_TYPE_CODES } from '../official/doc-types.js';

const Nullable = <T extends ReturnType<typeof Type.String>>(s: T) => Type.Union([s, Type.Null()]);
type Literals<T extends readonly string[]> = { -readonly [K in keyof T]: TLiteral<T[K]> };
/** A union of string literals from a tuple, typed as the tuple's members. */
function lit<const T extends readonly string[]>(values: T): TUnion<Literals<T>> {
  return Type.Union(values.map((v) => Type.Literal(v))) as unknown as TUnion<Literals<T>>;
}

export const ItemKindSchema = lit(['article', 'official_document'] as const);
export const ItemStatusSchema = lit(['draft', 'in_review', 'approved', 'scheduled', 'published', 'withdrawn', 'archived'] as const);
/** The workflow state of an edit to a published item (the published version stays public meanwhile). */
export const PendingStatusSchema = lit(['draft', 'in_review', 'approved', 'scheduled'] as const);
export const DocTypeSchema = lit(OFFICIAL_DOC_TYPE_CODES);
export const ValiditySchema = lit(['valid', 'expired', 'repealed'] as const);
export const DisclosureSchema = lit(['proactive', 'on_request', 'not_public'] as const);
const ScopeTypeSchema = lit(['city', 'region', 'institution'] as const);
const DateText = Type.String({ maxLength: 10, description: 'YYYY-MM-DD' });

/**
 * 公文 fields an editor sends. `docNumber` (发文字号) is checked by the server: `<organ abbreviation><type
 * character(s)>〔YYYY〕N号`; brackets typed as [] () （） 【】 are normalised to 〔〕. Malformed → field error `docNumber`.
 */
export const OfficialInputSchema = Type.Object({
  docType: DocTypeSchema,
  issuingOrgan: Type.String({ minLength: 1, maxLength: 100 }),
  /** The organ's code in index numbers (索引号), e.g. 000014349. */
  organCode: Type.String({ minLength: 1, maxLength: 20 }),
  docNumber: Type.Optional(Nullable(Type.String({ maxLength: 60 }))),
  signer: Type.Optional(Nullable(Type.String({ maxLength: 40 }))),
  addressees: Type.Optional(Type.String({ maxLength: 500 })),
  cc: Type.Optional(Type.String({ maxLength: 500 })),
  writtenDate: Type.Optional(Nullable(DateText)),
  printingOrgan: Type.Optional(Nullable(Type.String({ maxLength: 100 }))),
  printingDate: Type.Optional(Nullable(DateText)),
  topic: Type.String({ minLength: 1, maxLength: 60 }),
  validity: Type.Optional(ValiditySchema),
  /** Required when validity is 'repealed': the official document that repealed this one. */
  repealedById: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
  disclosure: Type.Optional(DisclosureSchema),
  attachmentNotes: Type.Optional(Nullable(Type.String({ maxLength: 1000 }))),
}, { additionalProperties: false });
export type OfficialInput = Static<typeof OfficialInputSchema>;

const ItemEditableFields = {
  title: Type.String({ minLength: 1, maxLength: 200 }),
  subtitle: Type.Optional(Nullable(Type.String({ maxLength: 200 }))),
  /** At most 100 characters for official documents (checked by the server, field error `summary`). */
  summary: Type.Optional(Nullable(Type.String({ maxLength: 500 }))),
  /** Any HTML: sanitised with the allowlist on every save. */
  bodyHtml: Type.Optional(Type.String({ maxLength: 2_000_000 })),
  source: Type.Optional(Type.String({ maxLength: 100 })),
  author: Type.Optional(Nullable(Type.String({ maxLength: 60 }))),
  /** Comma- or 、-separated. */
  keywords: Type.Optional(Type.String({ maxLength: 200 })),
  /** Owner scope: one of the caller's write scopes or a scope under one. Default: the caller's first write scope. */
  ownerScope: Type.Optional(Type.Object({ type: ScopeTypeSchema, id: Type.String({ minLength: 1, maxLength: 64 }) }, { additionalProperties: false })),
  /** For a 政策解读: the official document it interprets. */
  interpretationOfId: Type.Optional(Nullable(Type.String({ maxLength: 64 }))),
  /** Required for items of an official-document category, refused for articles. */
  official: Type.Optional(OfficialInputSchema),
  /** A note on the revision this save creates. */
  note: Type.Optional(Type.String({ maxLength: 200 })),
};

export const CreateItemBody = Type.Object({
  categoryId: Type.String({ minLength: 1, maxLength: 64 }),
  ...ItemEditableFields,
}, { additionalProperties: false });
export type CreateItemInput = Static<typeof CreateItemBody>;

/** A save: every field optional (absent = unchanged); `baseRevision` guards against overwriting a newer save (409). */
export const UpdateItemBody = Type.Object({
  categoryId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  ...ItemEditableFields,
  title: Type.Optional(ItemEditableFields.title),
  official: Type.Optional(Type.Partial(OfficialInputSchema)),
  baseRevision: Type.Optional(Type.Integer({ minimum: 1 })),
}, { additionalProperties: false });
export type UpdateItemInput = Static<typeof UpdateItemBody>;

export const OfficialSchema = Type.Object({
  docType: DocTypeSchema,
  docTypeName: Type.String(),
  issuingOrgan: Type.String(),
  organCode: Type.String(),
  docNumber: Nullable(Type.String()),
  docYear: Type.Union([Type.Integer(), Type.Null()]),
  signer: Nullable(Type.String()),
  addressees: Type.String(),
  cc: Type.String(),
  writtenDate: Nullable(Type.String()),
  printingOrgan: Nullable(Type.String()),
  printingDate: Nullable(Type.String()),
  /** 索引号, assigned at first publication. */
  indexNumber: Nullable(Type.String()),
  topic: Type.String(),
  validity: ValiditySchema,
  repealedBy: Type.Union([Type.Object({ id: Type.String(), title: Type.String(), docNumber: Nullable(Type.String()) }), Type.Null()]),
  disclosure: DisclosureSchema,
  attachmentNotes: Nullable(Type.String()),
});

const ItemLink = Type.Object({ id: Type.String(), title: Type.String(), status: ItemStatusSchema });

export const AbilitiesSchema = Type.Object({
  edit: Type.Boolean(),
  submit: Type.Boolean(),
  review: Type.Boolean(),
  reject: Type.Boolean(),
  sign: Type.Boolean(),
  publish: Type.Boolean(),
  withdraw: Type.Boolean(),
  archive: Type.Boolean(),
});

export const HistoryEntrySchema = Type.Object({
  step: lit(['submit', 'review', 'sign', 'publish', 'schedule', 'withdraw', 'archive', 'reject'] as const),
  level: Type.Union([Type.Integer(), Type.Null()]),
  revision: Type.Integer(),
  actorId: Type.String(),
  actorName: Type.String(),
  comment: Nullable(Type.String()),
  at: Type.String(),
});

const Signature = Type.Union([Type.Object({ userId: Type.String(), name: Type.String(), at: Type.String() }), Type.Null()]);

/** The workflow state the steps act on: the item's own, or that of a pending edit of a published item. */
export const WorkflowStateSchema = Type.Object({
  status: ItemStatusSchema,
  revision: Type.Integer(),
  reviewsRequired: Type.Integer(),
  reviewsPassed: Type.Integer(),
  signed: Signature,
  publishAt: Nullable(Type.String()),
});

export const ItemDetailSchema = Type.Object({
  id: Type.String(),
  categoryId: Type.String(),
  categoryName: Type.String(),
  kind: ItemKindSchema,
  /** Title … keywords: the latest revision (the pending edit's, when a published item is being edited). */
  title: Type.String(),
  subtitle: Nullable(Type.String()),
  summary: Nullable(Type.String()),
  bodyHtml: Type.String(),
  source: Type.String(),
  author: Nullable(Type.String()),
  keywords: Type.String(),
  ownerScope: Type.Object({ type: ScopeTypeSchema, id: Type.String(), name: Type.String(), path: Type.String() }),
  /** The item's status (what the public sees). */
  status: ItemStatusSchema,
  reviewsRequired: Type.Integer(),
  reviewsPassed: Type.Integer(),
  signed: Signature,
  publishAt: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
  withdrawnAt: Nullable(Type.String()),
  archivedAt: Nullable(Type.String()),
  /** The revision the public sees (published items) or the latest one. */
  revision: Type.Integer(),
  latestRevision: Type.Integer(),
  /** Set while a published item has an edit that is not public yet. */
  pendingEdit: Type.Union([WorkflowStateSchema, Type.Null()]),
  viewCount: Type.Integer(),
  createdBy: Type.Object({ id: Type.String(), name: Type.String() }),
  createdAt: Type.String(),
  updatedAt: Type.String(),
  interpretationOf: Type.Union([ItemLink, Type.Null()]),
  interpretations: Type.Array(ItemLink),
  official: Type.Union([OfficialSchema, Type.Null()]),
  attachments: Type.Array(Type.Object({
    id: Type.String(), fileId: Type.String(), role: lit(['attachment', 'original', 'image'] as const), title: Type.String(),
    url: Type.String(), originalName: Type.String(), mime: Type.String(), size: Type.Integer(), sort: Type.Integer(),
  })),
  history: Type.Array(HistoryEntrySchema),
  /** What the caller may do now (the back office shows exactly these buttons). */
  abilities: AbilitiesSchema,
});
export type ItemDetail = Static<typeof ItemDetailSchema>;

export const ItemSummarySchema = Type.Object({
  id: Type.String(),
  categoryId: Type.String(),
  categoryName: Type.String(),
  kind: ItemKindSchema,
  title: Type.String(),
  status: ItemStatusSchema,
  pendingStatus: Type.Union([PendingStatusSchema, Type.Null()]),
  ownerScope: Type.Object({ type: ScopeTypeSchema, id: Type.String(), name: Type.String() }),
  revision: Type.Integer(),
  docNumber: Nullable(Type.String()),
  indexNumber: Nullable(Type.String()),
  publishAt: Nullable(Type.String()),
  publishedAt: Nullable(Type.String()),
  createdByName: Type.String(),
  updatedAt: Type.String(),
});

export const ItemListQuery = Type.Object({
  ...PageQuery,
  q: Type.Optional(Type.String({ maxLength: 100 })),
  categoryId: Type.Optional(Type.String({ minLength: 1, maxLength: 64 })),
  status: Type.Optional(ItemStatusSchema),
  kind: Type.Optional(ItemKindSchema),
}, { additionalProperties: false });

const Comment = Type.String({ maxLength: 500 });
export const StepBody = Type.Object({ comment: Type.Optional(Comment) }, { additionalProperties: false });
export const RejectBody = Type.Object({ comment: Type.String({ minLength: 1, maxLength: 500 }) }, { additionalProperties: false });
/** `publishAt` absent: publish now. In the future: scheduled. In the past: refused (no backdating). */
export const PublishBody = Type.Object({
  publishAt: Type.Optional(Type.String({ format: 'date-time' })),
  comment: Type.Optional(Comment),
}, { additionalProperties: false });

export const RevisionListResponse = Type.Object({
  items: Type.Array(Type.Object({
    revision: Type.Integer(), title: Type.String(), authorId: Type.String(), authorName: Type.String(),
    note: Nullable(Type.String()), createdAt: Type.String(),
    /** The revision the public sees now. */
    published: Type.Boolean(),
  })),
});

export const DiffQuery = Type.Object({
  from: Type.Integer({ minimum: 1 }),
  to: Type.Integer({ minimum: 1 }),
}, { additionalProperties: false });

const Segment = Type.Object({ type: lit(['added', 'removed', 'unchanged'] as const), text: Type.String() });
export const DiffResponse = Type.Object({
  from: Type.Integer(),
  to: Type.Integer(),
  title: Type.Array(Segment),
  summary: Type.Array(Segment),
  /** Of the body's plain text, by word (CJK: by character). */
  body: Type.Array(Segment),
  /** Other fields whose value differs (official-document fields prefixed `official.`). */
  fields: Type.Array(Type.Object({ field: Type.String(), from: Type.Unknown(), to: Type.Unknown() })),
});
