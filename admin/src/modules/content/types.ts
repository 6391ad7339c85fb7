import type { ScopeType } from '../../core/api/types';

/** The content API's shapes as the back office reads them (server: src/modules/content/*-schemas.ts). */
export type ItemKind = 'article' | 'official_document';
export const ITEM_KINDS: readonly ItemKind[] = ['article', 'official_document'];

export type ItemStatus = 'draft' | 'in_review' | 'approved' | 'scheduled' | 'published' | 'withdrawn' | 'archived';
export const ITEM_STATUSES: readonly ItemStatus[] = [
  'draft',
  'in_review',
  'approved',
  'scheduled',
  'published',
  'withdrawn',
  'archived',
];

/** The 15 types of the 党政机关公文处理工作条例, in the regulation's order. */
export const DOC_TYPES = [
  'resolution',
  'decision',
  'order',
  'communique',
  'announcement',
  'public_notice',
  'opinion',
  'notice',
  'circular',
  'report',
  'request',
  'reply',
  'motion',
  'letter',
  'minutes',
] as const;
export type DocType = (typeof DOC_TYPES)[number];

export const VALIDITIES = ['valid', 'expired', 'repealed'] as const;
export type Validity = (typeof VALIDITIES)[number];

export const DISCLOSURES = ['proactive', 'on_request', 'not_public'] as const;
export type Disclosure = (typeof DISCLOSURES)[number];

export interface Category {
  id: string;
  parentId: string | null;
  slug: string;
  nameZh: string;
  nameEn: string;
  description?: string;
  itemKind: ItemKind;
  reviewLevels: number;
  sort: number;
  visible: boolean;
  path: string;
  depth: number;
  /** Items of every status directly in the category; with items or children it cannot be deleted. */
  itemCount: number;
  childCount: number;
}

export interface CategoryInput {
  parentId?: string | null;
  slug: string;
  nameZh: string;
  nameEn?: string;
  description?: string;
  itemKind: ItemKind;
  reviewLevels?: number;
  sort?: number;
  visible?: boolean;
}

/** 公文 fields as an editor sends them. */
export interface OfficialInput {
  docType: DocType;
  issuingOrgan: string;
  organCode: string;
  docNumber?: string | null;
  signer?: string | null;
  addressees?: string;
  cc?: string;
  writtenDate?: string | null;
  printingOrgan?: string | null;
  printingDate?: string | null;
  topic: string;
  validity?: Validity;
  repealedById?: string | null;
  disclosure?: Disclosure;
  attachmentNotes?: string | null;
}

/** 公文 fields as the server sends them. */
export interface OfficialFields {
  docType: DocType;
  docTypeName: string;
  issuingOrgan: string;
  organCode: string;
  docNumber: string | null;
  docYear: number | null;
  signer: string | null;
  addressees: string;
  cc: string;
  writtenDate: string | null;
  printingOrgan: string | null;
  printingDate: string | null;
  /** 索引号, assigned at first publication. */
  indexNumber: string | null;
  topic: string;
  validity: Validity;
  repealedBy: { id: string; title: string; docNumber: string | null } | null;
  disclosure: Disclosure;
  attachmentNotes: string | null;
}

export interface OwnerScopeRef {
  type: ScopeType;
  id: string;
  name: string;
}

export type PendingStatus = Extract<ItemStatus, 'draft' | 'in_review' | 'approved' | 'scheduled'>;

export interface ItemSummary {
  id: string;
  categoryId: string;
  categoryName: string;
  kind: ItemKind;
  title: string;
  status: ItemStatus;
  /** The workflow state of an edit to a published item (the published version stays public meanwhile). */
  pendingStatus: PendingStatus | null;
  ownerScope: OwnerScopeRef;
  revision: number;
  docNumber: string | null;
  indexNumber: string | null;
  publishAt: string | null;
  publishedAt: string | null;
  createdByName: string;
  updatedAt: string;
}

export interface Attachment {
  id: string;
  fileId: string;
  role: 'attachment' | 'original' | 'image';
  title: string;
  url: string;
  originalName: string;
  mime: string;
  size: number;
  sort: number;
}

export type WorkflowStep = 'submit' | 'review' | 'sign' | 'publish' | 'schedule' | 'withdraw' | 'archive' | 'reject';

export interface HistoryEntry {
  step: WorkflowStep;
  level: number | null;
  revision: number;
  actorId: string;
  actorName: string;
  comment: string | null;
  at: string;
}

/** What the caller may do with the item now (decided by the server: status, scope, separation of duties). */
export interface ItemAbilities {
  edit: boolean;
  submit: boolean;
  review: boolean;
  reject: boolean;
  sign: boolean;
  publish: boolean;
  withdraw: boolean;
  archive: boolean;
}

export type Signature = { userId: string; name: string; at: string } | null;

/** The workflow state the steps act on: the item's own, or that of a pending edit of a published item. */
export interface WorkflowState {
  status: ItemStatus;
  revision: number;
  reviewsRequired: number;
  reviewsPassed: number;
  signed: Signature;
  publishAt: string | null;
}

export interface ItemLink {
  id: string;
  title: string;
  status: ItemStatus;
}

export interface ItemDetail {
  id: string;
  categoryId: string;
  categoryName: string;
  kind: ItemKind;
  title: string;
  subtitle: string | null;
  summary: string | null;
  bodyHtml: string;
  source: string;
  author: string | null;
  keywords: string;
  ownerScope: OwnerScopeRef & { path: string };
  status: ItemStatus;
  reviewsRequired: number;
  reviewsPassed: number;
  signed: Signature;
  publishAt: string | null;
  publishedAt: string | null;
  withdrawnAt: string | null;
  archivedAt: string | null;
  /** The revision the public sees (published items) or the latest one. */
  revision: number;
  latestRevision: number;
  pendingEdit: WorkflowState | null;
  viewCount: number;
  createdBy: { id: string; name: string };
  createdAt: string;
  updatedAt: string;
  interpretationOf: ItemLink | null;
  interpretations: ItemLink[];
  official: OfficialFields | null;
  attachments: Attachment[];
  history: HistoryEntry[];
  abilities: ItemAbilities;
}

export interface ItemInput {
  categoryId?: string;
  title?: string;
  subtitle?: string | null;
  summary?: string | null;
  bodyHtml?: string;
  source?: string;
  author?: string | null;
  keywords?: string;
  ownerScope?: { type: ScopeType; id: string };
  interpretationOfId?: string | null;
  official?: Partial<OfficialInput>;
  note?: string;
  /** Save only: the revision the editor started from (a newer save on the server → 409). */
  baseRevision?: number;
}

export interface ItemListQuery {
  page: number;
  pageSize: number;
  q?: string;
  categoryId?: string;
  status?: string;
  kind?: string;
}

export interface Revision {
  revision: number;
  title: string;
  authorId: string;
  authorName: string;
  note: string | null;
  createdAt: string;
  /** The revision the public sees now. */
  published: boolean;
}

/** One run of text in a diff: unchanged, added in `to`, or removed from `from`. */
export interface DiffSegment {
  type: 'added' | 'removed' | 'unchanged';
  text: string;
}

export interface DiffResult {
  from: number;
  to: number;
  title: DiffSegment[];
  summary: DiffSegment[];
  /** Of the body's plain text, by word (CJK: by character). */
  body: DiffSegment[];
  /** Other fields whose value differs (official-document fields prefixed `official.`). */
  fields: { field: string; from: unknown; to: unknown }[];
}

export type JobStatus = 'draft' | 'published' | 'withdrawn';
export const JOB_STATUSES: readonly JobStatus[] = ['draft', 'published', 'withdrawn'];

export interface Job {
  id: string;
  employerName: string;
  position: string;
  headcount: number;
  region: { id: string; name: string; townName: string };
  salaryMin: number | null;
  salaryMax: number | null;
  /** Sanitised HTML. */
  requirements: string;
  contact: string;
  /** YYYY-MM-DD, the last day the posting is listed. */
  validUntil: string;
  trainingLink: string | null;
  ownerScope: { type: ScopeType; id: string; name: string };
  status: JobStatus;
  expired: boolean;
  publishedAt: string | null;
  viewCount: number;
  createdAt: string;
  updatedAt: string;
  abilities: { edit: boolean; publish: boolean; withdraw: boolean };
}

export interface JobInput {
  employerName?: string;
  position: string;
  headcount: number;
  regionId: string;
  salaryMin: number | null;
  salaryMax: number | null;
  requirements: string;
  contact: string;
  validUntil: string;
  trainingLink: string | null;
  /** Create only: post for a scope under the caller's own; default the caller's scope. */
  ownerScope?: { type: ScopeType; id: string };
}

export interface DictionaryWord {
  word: string;
  /** Shipped with the platform (domain words, town names, organ codes): cannot be removed. */
  builtIn: boolean;
  createdAt: string | null;
}
