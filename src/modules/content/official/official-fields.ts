import type { Kysely } from 'kysely';
import type { FieldError } from '../../../core/http/errors.js';
import type { ContentDatabase } from '../content-schema.js';
import type { OfficialFields } from '../items/item-snapshot.js';
import type { OfficialInput } from '../items/item-schemas.js';
import { parseDocNumber } from './doc-number.js';
import { isRealDate } from './dates.js';

export const OFFICIAL_SUMMARY_MAX = 100;
const ORGAN_CODE = /^[0-9A-Za-z-]{1,20}$/;

/** The API's camelCase fields over the stored ones (PATCH sends only what changes). */
export function mergeOfficialInput(current: OfficialFields | null, input: Partial<OfficialInput>): OfficialFields {
  const base = current;
  const pick = <K extends keyof OfficialInput, D>(key: K, fallback: D) => (input[key] !== undefined ? input[key] : fallback);
  return {
    doc_type: pick('docType', base?.doc_type) as OfficialFields['doc_type'],
    issuing_organ: (pick('issuingOrgan', base?.issuing_organ) ?? '') as string,
    organ_code: (pick('organCode', base?.organ_code) ?? '') as string,
    doc_number: (pick('docNumber', base?.doc_number ?? null) ?? null) as string | null,
    doc_year: base?.doc_year ?? null,
    signer: (pick('signer', base?.signer ?? null) ?? null) as string | null,
    addressees: (pick('addressees', base?.addressees ?? '') ?? '') as string,
    cc: (pick('cc', base?.cc ?? '') ?? '') as string,
    written_date: (pick('writtenDate', base?.written_date ?? null) ?? null) as string | null,
    printing_organ: (pick('printingOrgan', base?.printing_organ ?? null) ?? null) as string | null,
    printing_date: (pick('printingDate', base?.printing_date ?? null) ?? null) as string | null,
    topic: (pick('topic', base?.topic) ?? '') as string,
    validity: (pick('validity', base?.validity ?? 'valid') ?? 'valid') as OfficialFields['validity'],
    repealed_by_id: (pick('repealedById', base?.repealed_by_id ?? null) ?? null) as string | null,
    disclosure: (pick('disclosure', base?.disclosure ?? 'proactive') ?? 'proactive') as OfficialFields['disclosure'],
    attachment_notes: (pick('attachmentNotes', base?.attachment_notes ?? null) ?? null) as string | null,
  };
}

const blankToNull = (v: string | null) => (v === null || v.trim() === '' ? null : v.trim());

/**
 * Checks and normalises the 公文 fields of one item (`itemId` null while creating). Returns the fields to
 * store and every field error at once, so the editor fixes them in one go.
 */
export async function checkOfficialFields(db: Kysely<ContentDatabase>, fields: OfficialFields, itemId: string | null,
  maxYear: number): Promise<{ fields: OfficialFields; errors: FieldError[] }> {
  const errors: FieldError[] = [];
  const out: OfficialFields = {
    ...fields,
    issuing_organ: fields.issuing_organ.trim(), organ_code: fields.organ_code.trim(), topic: fields.topic.trim(),
    signer: blankToNull(fields.signer), printing_organ: blankToNull(fields.printing_organ),
    attachment_notes: blankToNull(fields.attachment_notes), addressees: fields.addressees.trim(), cc: fields.cc.trim(),
    written_date: blankToNull(fields.written_date), printing_date: blankToNull(fields.printing_date),
    doc_number: blankToNull(fields.doc_number), doc_year: null,
  };
  if (!out.doc_type) errors.push({ field: 'official.docType', code: 'required', messageId: 'field.required' });
  if (!out.issuing_organ) errors.push({ field: 'official.issuingOrgan', code: 'required', messageId: 'field.required' });
  if (!out.topic) errors.push({ field: 'official.topic', code: 'required', messageId: 'field.required' });
  if (!ORGAN_CODE.test(out.organ_code)) errors.push({ field: 'official.organCode', code: 'format', messageId: 'content.item.organ_code_format' });

  if (out.doc_number !== null) {
    const parsed = parseDocNumber(out.doc_number, maxYear);
    if ('problem' in parsed) {
      errors.push(parsed.problem === 'year'
        ? { field: 'docNumber', code: 'year', messageId: 'content.item.doc_number_year', params: { maxYear } }
        : { field: 'docNumber', code: 'format', messageId: 'content.item.doc_number_format', params: { value: out.doc_number } });
    } else {
      out.doc_number = parsed.text;
      out.doc_year = parsed.year;
      const holder = await db.selectFrom('content_official_documents').select('item_id')
        .where('doc_number', '=', parsed.text).$if(itemId !== null, (q) => q.where('item_id', '!=', itemId!)).executeTakeFirst();
      if (holder) errors.push({ field: 'docNumber', code: 'taken', messageId: 'content.item.doc_number_taken', params: { value: parsed.text } });
    }
  }
  for (const [key, field] of [['written_date', 'official.writtenDate'], ['printing_date', 'official.printingDate']] as const) {
    const value = out[key];
    if (value !== null && !isRealDate(value)) errors.push({ field, code: 'date', messageId: 'content.item.date_invalid' });
  }
  if (out.doc_year === null && out.written_date && isRealDate(out.written_date)) out.doc_year = Number(out.written_date.slice(0, 4));

  if (out.validity === 'repealed') {
    if (!out.repealed_by_id) {
      errors.push({ field: 'official.repealedById', code: 'required', messageId: 'content.item.repealed_by_required' });
    } else if (out.repealed_by_id === itemId) {
      errors.push({ field: 'official.repealedById', code: 'self', messageId: 'content.item.repealed_by_self' });
    } else {
      const repealer = await db.selectFrom('content_official_documents').select('item_id').where('item_id', '=', out.repealed_by_id).executeTakeFirst();
      if (!repealer) errors.push({ field: 'official.repealedById', code: 'not_found', messageId: 'content.item.repealed_by_not_found' });
    }
  } else {
    // Only a repealed document names what repealed it; a stale link would mislead readers.
    out.repealed_by_id = null;
  }
  return { fields: out, errors };
}

/** Official-document summaries are at most 100 characters (counted as characters, not UTF-16 units). */
export function summaryError(summary: string | null): FieldError | null {
  const length = summary ? [...summary].length : 0;
  return length > OFFICIAL_SUMMARY_MAX
    ? { field: 'summary', code: 'too_long', messageId: 'content.item.summary_too_long', params: { max: OFFICIAL_SUMMARY_MAX, length } }
    : null;
}
