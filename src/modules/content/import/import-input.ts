import type { Kysely } from 'kysely';
import type { Actor } from '../../../core/access/actor.js';
import { rolesWith } from '../../../core/access/permissions.js';
import type { Database } from '../../../core/db/schema.js';
import { scopeNames } from '../../../core/regions/region-repository.js';
import type { ContentDatabase, ItemKind } from '../content-schema.js';
import type { CreateItemInput, OfficialInput } from '../items/item-schemas.js';
import { shanghaiYear } from '../items/shanghai-date.js';
import { parseDocNumber } from '../official/doc-number.js';
import type { ImportedDocument } from './text-import.js';
import type { ImportWarning } from './import-warnings.js';

/** What the editor sends besides the text or file: where the draft goes, and 公文 fields they know better. */
export interface ImportOptions {
  categoryId: string;
  ownerScope?: { type: 'city' | 'region' | 'institution'; id: string };
  source?: string;
  /** Overrides for the recognised 公文 fields (organ code and topic cannot be read from a document). */
  official?: Partial<OfficialInput>;
}

const clip = (text: string, max: number) => [...text].slice(0, max).join('');

/** 附件说明 as GB/T 9704 writes it: "附件：name" or "附件：1．name" with one numbered name per line. */
export function attachmentNotesText(names: string[]): string | null {
  if (names.length === 0) return null;
  if (names.length === 1) return `附件：${names[0]}`;
  return names.map((n, i) => `${i === 0 ? '附件：' : ''}${i + 1}．${n}`).join('\n');
}

/**
 * The create-item input for an imported document: recognised fields first, the editor's overrides on top.
 * For an official-document category the fields no document states are looked up: the organ code and
 * topic of the last document the same organ issued here. A recognised document number that is malformed
 * or already taken is left out with a warning, so the import still gives a draft; what is still missing
 * (e.g. the organ code of a first document) comes back as field errors from the items rules.
 */
export async function importedItemInput(trx: Kysely<ContentDatabase>, actor: Actor, now: Date, kind: ItemKind,
  doc: ImportedDocument, bodyHtml: string, options: ImportOptions): Promise<{ input: CreateItemInput; warnings: ImportWarning[] }> {
  const warnings: ImportWarning[] = [];
  const input: CreateItemInput = {
    categoryId: options.categoryId,
    title: clip(doc.title, 200),
    bodyHtml,
    ...(options.ownerScope ? { ownerScope: options.ownerScope } : {}),
    ...(options.source ? { source: options.source } : {}),
  };
  if (kind !== 'official_document') return { input, warnings };

  const o = options.official ?? {};
  const issuingOrgan = o.issuingOrgan ?? (doc.closingOrgans.length > 0 ? clip(doc.closingOrgans.join('、'), 100) : await ownerName(trx, actor, options));
  const previous = issuingOrgan ? await lastDocumentOf(trx, issuingOrgan) : undefined;
  let docNumber: string | null = null;
  if (o.docNumber === undefined && doc.docNumber) {
    const parsed = parseDocNumber(doc.docNumber, shanghaiYear(now) + 1);
    if ('problem' in parsed) warnings.push({ code: 'doc_number_invalid', params: { value: doc.docNumber } });
    else if (await numberTaken(trx, parsed.text)) warnings.push({ code: 'doc_number_taken', params: { value: parsed.text } });
    else docNumber = parsed.text;
  }
  input.official = {
    docType: (o.docType ?? doc.docType ?? undefined) as OfficialInput['docType'],
    issuingOrgan: issuingOrgan ?? '',
    organCode: o.organCode ?? previous?.organ_code ?? '',
    topic: o.topic ?? previous?.topic ?? '',
    docNumber: o.docNumber !== undefined ? o.docNumber : docNumber,
    signer: o.signer !== undefined ? o.signer : doc.signer,
    addressees: o.addressees ?? clip(doc.addressees, 500),
    cc: o.cc ?? clip(doc.cc ?? '', 500),
    writtenDate: o.writtenDate !== undefined ? o.writtenDate : doc.writtenDate,
    printingOrgan: o.printingOrgan !== undefined ? o.printingOrgan : doc.printingOrgan && clip(doc.printingOrgan, 100),
    printingDate: o.printingDate !== undefined ? o.printingDate : doc.printingDate,
    disclosure: o.disclosure ?? doc.disclosure ?? undefined,
    validity: o.validity,
    attachmentNotes: o.attachmentNotes !== undefined ? o.attachmentNotes : clipOrNull(attachmentNotesText(doc.attachmentNotes), 1000),
  };
  return { input, warnings };
}

const clipOrNull = (text: string | null, max: number) => (text === null ? null : clip(text, max));

/** The owner's name, as createItem uses for 来源: the requested scope, else the caller's first write scope. */
async function ownerName(trx: Kysely<ContentDatabase>, actor: Actor, options: ImportOptions): Promise<string | null> {
  if (options.ownerScope) {
    return (await scopeNames(trx as unknown as Kysely<Database>, [options.ownerScope.id])).get(options.ownerScope.id) ?? null;
  }
  const writers = rolesWith('content.item.write');
  return actor.grants.find((g) => writers.has(g.role))?.scopeName ?? null;
}

async function lastDocumentOf(trx: Kysely<ContentDatabase>, issuingOrgan: string) {
  return trx.selectFrom('content_official_documents as o').innerJoin('content_items as i', 'i.id', 'o.item_id')
    .select(['o.organ_code', 'o.topic']).where('o.issuing_organ', '=', issuingOrgan)
    .orderBy('i.created_at', 'desc').orderBy('i.id', 'desc').limit(1).executeTakeFirst();
}

async function numberTaken(trx: Kysely<ContentDatabase>, docNumber: string): Promise<boolean> {
  return (await trx.selectFrom('content_official_documents').select('item_id').where('doc_number', '=', docNumber).executeTakeFirst()) !== undefined;
}
