import { none, personal, sensitive, type PiInventory } from '../../core/pii/inventory.js';
import { purgeOldImportJobs } from './excel/import-retention.js';

const INSTITUTION_LIFE = 'while the institution exists (retired, not deleted)';
const REFERENCE = 'reference data: kept until changed';

/** The network module's tables (core/pii/inventory.ts explains the categories). */
export const networkPiInventory: PiInventory = {
  institutions: {
    purpose: 'the network part of an institution: tier, accreditation, address and the public contact of the place',
    retention: INSTITUTION_LIFE,
    columns: {
      ...none('tier', 'accreditation_level_id', 'parent_center_id', 'address', 'opening_hours', 'description', 'version', 'updated_at', 'retired_at'),
      // A named contact person and their phone (shown masked outside the back office).
      ...personal('contact_name', 'contact_phone'),
    },
  },
  network_people: {
    purpose: 'staff and teachers of institutions (教职工/师资): qualifications, contact, identity for accreditation counts',
    retention: 'while the institution keeps the record (people who leave are marked left, not deleted)',
    owner: { column: 'user_id', exportPath: 'networkStaffRecords' },
    columns: {
      ...none('id', 'institution_id', 'employment', 'status', 'version', 'created_at', 'updated_at'),
      ...personal('user_id', 'name', 'title', 'subjects', 'qualifications', 'phone_enc', 'phone_hash', 'left_at'),
      ...sensitive('id_number_enc', 'id_number_hash'),
    },
  },
  network_import_jobs: {
    purpose: 'Excel imports in progress: the preview errors and the validated drafts waiting for the commit',
    retention: '7 days after the upload (KEEP_JOBS_DAYS); then purged',
    purge: purgeOldImportJobs,
    columns: {
      ...none('id', 'kind', 'status', 'file_name', 'total', 'processed', 'valid_rows', 'error_count', 'committed', 'created_at', 'updated_at', 'finished_at'),
      // Row errors quote cell values (phones and ID numbers masked, names not).
      ...personal('created_by', 'errors_json'),
      // Drafts of people carry their encrypted ID numbers and hashes.
      ...sensitive('rows_json'),
    },
  },
  network_partners: {
    purpose: 'partner organisations (共建单位) and their contact person',
    retention: 'while the partnership is recorded',
    columns: { ...none('id', 'name', 'type', 'region_id', 'path', 'description', 'status', 'version', 'created_at', 'updated_at'), ...personal('contact_name', 'contact_phone') },
  },
  network_committee_members: {
    purpose: 'the education committee members of a region (department contacts)',
    retention: 'until replaced',
    columns: { ...none('id', 'region_id', 'department', 'sort'), ...personal('contact_name', 'position', 'phone') },
  },
  network_partner_agreements: {
    purpose: 'agreements with partners', retention: 'while the partnership is recorded',
    columns: none('id', 'partner_id', 'title', 'signed_on', 'valid_from', 'valid_until', 'notes', 'created_at'),
  },
  network_partner_contributions: {
    purpose: "partners' contributions", retention: 'while the partnership is recorded',
    columns: none('id', 'partner_id', 'kind', 'description', 'amount', 'year', 'created_at'),
  },
  network_partner_institutions: { purpose: 'which institutions a partner serves', retention: REFERENCE, columns: none('partner_id', 'institution_id') },
  network_accreditation_levels: { purpose: 'accreditation levels', retention: REFERENCE, columns: none('id', 'name_zh', 'name_en', 'rank', 'sort') },
  network_accreditations: {
    purpose: "an institution's current accreditation", retention: INSTITUTION_LIFE,
    columns: { ...none('institution_id', 'level_id', 'granted_on', 'certificate_no', 'next_review_on', 'updated_at'), ...personal('updated_by') },
  },
  network_accreditation_history: {
    purpose: 'accreditation changes and who made them', retention: INSTITUTION_LIFE,
    columns: {
      ...none('id', 'institution_id', 'from_level_id', 'level_id', 'granted_on', 'certificate_no', 'next_review_on', 'changed_at'),
      ...personal('changed_by', 'changed_by_name'),
    },
  },
  network_indicators: { purpose: 'standard indicators', retention: REFERENCE, columns: none('code', 'name_zh', 'name_en', 'unit', 'value_type', 'sort') },
  network_standards: {
    purpose: 'tier standards (查漏补缺)', retention: REFERENCE,
    columns: { ...none('id', 'tier', 'level_id', 'version', 'effective_from', 'note', 'created_at'), ...personal('created_by') },
  },
  network_standard_thresholds: { purpose: 'thresholds of a standard', retention: REFERENCE, columns: none('standard_id', 'indicator_code', 'threshold', 'required') },
  network_indicator_values: {
    purpose: "an institution's indicator values with evidence", retention: INSTITUTION_LIFE,
    columns: { ...none('institution_id', 'indicator_code', 'value', 'evidence_note', 'evidence_file_id', 'recorded_at', 'version'), ...personal('recorded_by') },
  },
  network_indicator_value_history: {
    purpose: 'earlier indicator values', retention: INSTITUTION_LIFE,
    columns: { ...none('id', 'institution_id', 'indicator_code', 'value', 'evidence_note', 'evidence_file_id', 'recorded_at', 'version'), ...personal('recorded_by') },
  },
  network_institution_evidence: {
    purpose: 'evidence files of an institution', retention: INSTITUTION_LIFE,
    columns: { ...none('file_id', 'institution_id', 'created_at'), ...personal('created_by') },
  },
  network_institution_photos: {
    purpose: 'photos of a learning place', retention: INSTITUTION_LIFE,
    columns: { ...none('id', 'institution_id', 'file_id', 'caption', 'sort', 'created_at'), ...personal('created_by') },
  },
};
