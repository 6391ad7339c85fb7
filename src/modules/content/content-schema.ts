import type { Kysely } from 'kysely';
import type { CoreContext } from '../../core/context.js';
import type { Database } from '../../core/db/schema.js';

/** Row types of the tables the content module owns (migrations/0001_content.ts). Timestamps are ISO strings. */
export type ItemKind = 'article' | 'official_document';
export type ItemStatus = 'draft' | 'in_review' | 'approved' | 'scheduled' | 'published' | 'withdrawn' | 'archived';
export type OwnerScopeType = 'city' | 'region' | 'institution';

export interface ContentFilesTable {
  id: string;
  storage_key: string;
  sha256: string;
  size: number;
  mime: string;
  original_name: string;
  owner_path: string;
  created_by: string | null;
  created_at: string;
}

export interface ContentCategoriesTable {
  id: string;
  parent_id: string | null;
  /** The URL segment: /c/<slug>/ */
  slug: string;
  /** '/<root id>/<child id>/' so a subtree is a prefix query. */
  path: string;
  name_zh: string;
  name_en: string;
  description: string;
  item_kind: ItemKind;
  /** How many review levels (审核) an item of this category needs before sign-off; 0–3. */
  review_levels: number;
  sort: number;
  visible: number;
  created_at: string;
  updated_at: string;
}

export interface ContentItemsTable {
  id: string;
  category_id: string;
  kind: ItemKind;
  title: string;
  subtitle: string | null;
  /** The editor's summary; pages fall back to the first sentences of body_text. */
  summary: string | null;
  /** Sanitised on save (allowlist); safe to send as HTML. */
  body_html: string;
  /** Plain text of the body: summaries, similarity and the search index read it. */
  body_text: string;
  source: string;
  author: string | null;
  /** Comma-separated (、 or ,). */
  keywords: string;
  owner_scope_type: OwnerScopeType;
  owner_scope_id: string;
  /** The owner scope's tree path: editors, reviewers and signers act within their scope. */
  owner_path: string;
  status: ItemStatus;
  reviews_required: number;
  reviews_passed: number;
  signed_by: string | null;
  signed_by_name: string | null;
  signed_at: string | null;
  publish_at: string | null;
  published_at: string | null;
  withdrawn_at: string | null;
  archived_at: string | null;
  revision: number;
  view_count: number;
  /** Set on a 政策解读: the policy document it interprets (the link is shown both ways). */
  interpretation_of_id: string | null;
  created_by: string;
  created_at: string;
  updated_at: string;
}

export type OfficialDocType =
  | 'resolution' | 'decision' | 'order' | 'communique' | 'announcement' | 'public_notice' | 'opinion' | 'notice'
  | 'circular' | 'report' | 'request' | 'reply' | 'motion' | 'letter' | 'minutes';
export type Validity = 'valid' | 'expired' | 'repealed';
export type Disclosure = 'proactive' | 'on_request' | 'not_public';

export interface ContentOfficialDocumentsTable {
  item_id: string;
  doc_type: OfficialDocType;
  issuing_organ: string;
  /** The organ's code as used in index numbers (e.g. 000014349). */
  organ_code: string;
  /** 发文字号, e.g. 青教发〔2023〕12号. */
  doc_number: string | null;
  doc_year: number | null;
  signer: string | null;
  addressees: string;
  cc: string;
  /** 成文日期, YYYY-MM-DD. */
  written_date: string | null;
  printing_organ: string | null;
  printing_date: string | null;
  /** 索引号 `organ_code/year-serial`, assigned at first publication. */
  index_number: string | null;
  index_year: number | null;
  index_serial: number | null;
  topic: string;
  validity: Validity;
  repealed_by_id: string | null;
  disclosure: Disclosure;
  attachment_notes: string | null;
}

export interface ContentIndexCountersTable {
  organ_code: string;
  year: number;
  last_serial: number;
}

export interface ContentRevisionsTable {
  id: string;
  item_id: string;
  revision: number;
  title: string;
  summary: string | null;
  body_html: string;
  /** Every other field of the item at this revision (official-document fields included), as JSON. */
  fields_json: string;
  author_id: string;
  author_name: string;
  note: string | null;
  created_at: string;
}

export type WorkflowStep = 'submit' | 'review' | 'sign' | 'publish' | 'schedule' | 'withdraw' | 'archive' | 'reject';

export interface ContentReviewsTable {
  id: string;
  item_id: string;
  revision: number;
  step: WorkflowStep;
  level: number | null;
  actor_id: string;
  actor_name: string;
  comment: string | null;
  created_at: string;
}

export interface ContentAttachmentsTable {
  id: string;
  item_id: string;
  file_id: string;
  role: 'attachment' | 'original' | 'image';
  title: string;
  sort: number;
}

export interface ContentViewsTable {
  item_id: string;
  visitor: string;
  day: string;
}

export interface ContentJobsTable {
  id: string;
  employer_name: string;
  position: string;
  headcount: number;
  /** The town (or village) where the job is. */
  region_id: string;
  /** ¥ per month, whole yuan. */
  salary_min: number | null;
  salary_max: number | null;
  requirements_html: string;
  requirements_text: string;
  contact: string;
  /** YYYY-MM-DD, last day the posting is listed. */
  valid_until: string;
  training_link: string | null;
  owner_scope_type: OwnerScopeType;
  owner_scope_id: string;
  owner_path: string;
  status: 'draft' | 'published' | 'withdrawn';
  published_at: string | null;
  view_count: number;
  created_by: string;
  created_at: string;
  updated_at: string;
}

/** An edit of a published item on its way through the workflow (migrations/0003_workflow.ts). */
export interface ContentPendingEditsTable {
  item_id: string;
  /** The edit's revision in content_revisions; the item row keeps the published one. */
  revision: number;
  status: 'draft' | 'in_review' | 'approved' | 'scheduled';
  reviews_required: number;
  reviews_passed: number;
  signed_by: string | null;
  signed_by_name: string | null;
  signed_at: string | null;
  publish_at: string | null;
  created_at: string;
  updated_at: string;
}

export interface ContentStateTable {
  id: number;
  version: number;
}

export interface ContentTables {
  content_files: ContentFilesTable;
  content_categories: ContentCategoriesTable;
  content_items: ContentItemsTable;
  content_official_documents: ContentOfficialDocumentsTable;
  content_index_counters: ContentIndexCountersTable;
  content_revisions: ContentRevisionsTable;
  content_reviews: ContentReviewsTable;
  content_attachments: ContentAttachmentsTable;
  content_views: ContentViewsTable;
  content_jobs: ContentJobsTable;
  content_state: ContentStateTable;
  content_pending_edits: ContentPendingEditsTable;
}

export type ContentDatabase = Database & ContentTables;

/** The platform database seen with the content tables. */
export function contentDb(core: Pick<CoreContext, 'db'>): Kysely<ContentDatabase> {
  return core.db as unknown as Kysely<ContentDatabase>;
}
