import { none, personal, type PiInventory } from '../../core/pii/inventory.js';
import { purgeOldViews } from './pages/view-retention.js';

const PUBLISHED = 'as long as the item is kept (official documents are archived, not deleted)';
const CONFIG = 'configuration: kept until changed';

/**
 * The content module's tables (core/pii/inventory.ts explains the categories). Content is public or internal
 * documents; what is personal here is who wrote, reviewed and signed them, and named contacts.
 */
export const contentPiInventory: PiInventory = {
  content_items: {
    purpose: 'articles, notices and official documents with their workflow state',
    retention: PUBLISHED,
    columns: {
      ...none('id', 'category_id', 'kind', 'title', 'subtitle', 'summary', 'body_html', 'body_text', 'source', 'keywords', 'owner_scope_type',
        'owner_scope_id', 'owner_path', 'status', 'reviews_required', 'reviews_passed', 'signed_at', 'publish_at', 'published_at', 'withdrawn_at',
        'archived_at', 'revision', 'view_count', 'interpretation_of_id', 'created_at', 'updated_at'),
      ...personal('author', 'signed_by', 'signed_by_name', 'created_by'),
    },
  },
  content_official_documents: {
    purpose: 'the GB/T 9704 fields of an official document (公文)',
    retention: PUBLISHED,
    columns: {
      ...none('item_id', 'doc_type', 'issuing_organ', 'organ_code', 'doc_number', 'doc_year', 'addressees', 'cc', 'written_date', 'printing_organ',
        'printing_date', 'index_number', 'index_year', 'index_serial', 'topic', 'validity', 'repealed_by_id', 'disclosure', 'attachment_notes'),
      // 签发人: the official who signed it, printed on the document.
      ...personal('signer'),
    },
  },
  content_pending_edits: {
    purpose: 'an edit of a published item waiting for review', retention: 'until published or discarded',
    columns: {
      ...none('item_id', 'revision', 'status', 'reviews_required', 'reviews_passed', 'signed_at', 'publish_at', 'created_at', 'updated_at'),
      ...personal('signed_by', 'signed_by_name'),
    },
  },
  content_reviews: {
    purpose: 'review and sign-off steps (editorial separation of duties)', retention: PUBLISHED,
    columns: { ...none('id', 'item_id', 'revision', 'step', 'level', 'comment', 'created_at'), ...personal('actor_id', 'actor_name') },
  },
  content_revisions: {
    purpose: 'earlier versions of an item and who wrote them', retention: PUBLISHED,
    columns: { ...none('id', 'item_id', 'revision', 'title', 'summary', 'body_html', 'fields_json', 'note', 'created_at'), ...personal('author_id', 'author_name') },
  },
  content_files: {
    purpose: 'uploaded files (attachments, images, photos, evidence)', retention: 'while an item or record refers to the file',
    columns: { ...none('id', 'storage_key', 'sha256', 'size', 'mime', 'original_name', 'owner_path', 'created_at'), ...personal('created_by') },
  },
  content_attachments: { purpose: 'files attached to an item', retention: PUBLISHED, columns: none('id', 'item_id', 'file_id', 'role', 'title', 'sort') },
  content_jobs: {
    purpose: 'job postings of partner employers',
    retention: 'while the posting is kept (it ends at valid_until)',
    columns: {
      ...none('id', 'employer_name', 'position', 'headcount', 'region_id', 'salary_min', 'salary_max', 'requirements_html', 'requirements_text',
        'valid_until', 'training_link', 'owner_scope_type', 'owner_scope_id', 'owner_path', 'status', 'published_at', 'view_count', 'created_at', 'updated_at'),
      // The employer's contact (a name and phone, published with the posting).
      ...personal('contact', 'created_by'),
    },
  },
  content_views: {
    purpose: 'one view per visitor, item and day: the visitor is a daily HMAC of IP address and User-Agent (no address stored)',
    retention: 'today and yesterday (China time); older days are purged',
    purge: purgeOldViews,
    columns: { ...none('item_id', 'day'), ...personal('visitor') },
  },
  content_categories: {
    purpose: 'portal categories (栏目)', retention: CONFIG,
    columns: none('id', 'parent_id', 'slug', 'path', 'name_zh', 'name_en', 'description', 'item_kind', 'review_levels', 'sort', 'visible', 'created_at', 'updated_at'),
  },
  content_index_counters: { purpose: 'serials of document index numbers', retention: CONFIG, columns: none('organ_code', 'year', 'last_serial') },
  content_state: { purpose: 'content version for page caches', retention: CONFIG, columns: none('id', 'version') },
  content_search_docs: {
    purpose: 'site search index of published items and jobs', retention: 'while the item is published',
    columns: none('doc_key', 'entity_type', 'entity_id', 'kind', 'category_id', 'category_path', 'doc_type', 'organ', 'year', 'validity', 'published_at', 'valid_until'),
    onlyOn: { postgres: none('title_tsv', 'doc_tsv') },
  },
  // SQLite's FTS5 tables (their shadow tables are SQLite internals); PostgreSQL keeps tsvector columns instead.
  content_search_body_fts: { purpose: 'full-text index of published bodies', retention: 'while the item is published', only: 'sqlite', columns: none('title', 'body') },
  content_search_title_fts: { purpose: 'full-text index of published titles', retention: 'while the item is published', only: 'sqlite', columns: none('title') },
  content_search_state: { purpose: 'which dictionary built the search index', retention: CONFIG, columns: none('id', 'dictionary_version') },
  content_search_words: { purpose: 'search dictionary words added by staff', retention: CONFIG, columns: { ...none('word', 'created_at'), ...personal('created_by') } },
};
