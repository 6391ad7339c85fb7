import dayjs, { type Dayjs } from 'dayjs';
import { parseScopeValue, scopeValue, type OwnerScope } from './ownerScopes';
import type { Disclosure, DocType, ItemDetail, ItemInput, ItemKind, OfficialInput, Validity } from './types';

/** The editor form's values; dates are dayjs objects, ids strings. */
export interface ItemFormValues {
  title: string;
  subtitle?: string;
  categoryId?: string;
  ownerScope?: string;
  source: string;
  author?: string;
  keywords?: string;
  summary?: string;
  bodyHtml: string;
  interpretationOfId?: string;
  official?: OfficialFormValues;
  note?: string;
}

export interface OfficialFormValues {
  docType?: DocType;
  issuingOrgan?: string;
  organCode?: string;
  docNumber?: string;
  signer?: string;
  addressees?: string;
  cc?: string;
  writtenDate?: Dayjs | null;
  printingOrgan?: string;
  printingDate?: Dayjs | null;
  topic?: string;
  validity?: Validity;
  repealedById?: string;
  disclosure?: Disclosure;
  attachmentNotes?: string;
}

/** Top-level form fields, for mapping the server's field errors (`official.docNumber` → the nested field). */
export const ITEM_FORM_FIELDS = [
  'title',
  'subtitle',
  'categoryId',
  'ownerScope',
    'source',
  'author',
  'keywords',
  'summary',
  'bodyHtml',
  'interpretationOfId',
  'official',
] as const;

export const OFFICIAL_SUMMARY_MAX = 100;
export const ARTICLE_SUMMARY_MAX = 500;

const DATE = 'YYYY-MM-DD';
const toDay = (value: string | null | undefined) => (value ? dayjs(value, DATE) : null);
const fromDay = (value: Dayjs | null | undefined) => (value ? value.format(DATE) : null);
const orNull = (value: string | undefined) => (value?.trim() ? value.trim() : null);

export function emptyValues(scopes: readonly OwnerScope[], categoryId?: string): ItemFormValues {
  return {
    title: '',
    categoryId,
    source: '',
    bodyHtml: '',
    ownerScope: scopes[0]?.value,
    official: { validity: 'valid', disclosure: 'proactive' },
  };
}

export function valuesFromItem(item: ItemDetail): ItemFormValues {
  const o = item.official;
  return {
    title: item.title,
    subtitle: item.subtitle ?? undefined,
    categoryId: item.categoryId,
    ownerScope: scopeValue(item.ownerScope.type, item.ownerScope.id),
    source: item.source,
    author: item.author ?? undefined,
    keywords: item.keywords,
    summary: item.summary ?? undefined,
    bodyHtml: item.bodyHtml,
    interpretationOfId: item.interpretationOf?.id,
    official: o
      ? {
          docType: o.docType,
          issuingOrgan: o.issuingOrgan,
          organCode: o.organCode,
          docNumber: o.docNumber ?? undefined,
          signer: o.signer ?? undefined,
          addressees: o.addressees,
          cc: o.cc,
          writtenDate: toDay(o.writtenDate),
          printingOrgan: o.printingOrgan ?? undefined,
          printingDate: toDay(o.printingDate),
          topic: o.topic,
          validity: o.validity,
          repealedById: o.repealedBy?.id,
          disclosure: o.disclosure,
          attachmentNotes: o.attachmentNotes ?? undefined,
        }
      : undefined,
  };
}

function officialInput(o: OfficialFormValues): Partial<OfficialInput> {
  return {
    docType: o.docType,
    issuingOrgan: o.issuingOrgan?.trim() ?? '',
    organCode: o.organCode?.trim() ?? '',
    docNumber: orNull(o.docNumber),
    signer: orNull(o.signer),
    addressees: o.addressees?.trim() ?? '',
    cc: o.cc?.trim() ?? '',
    writtenDate: fromDay(o.writtenDate),
    printingOrgan: orNull(o.printingOrgan),
    printingDate: fromDay(o.printingDate),
    topic: o.topic?.trim() ?? '',
    validity: o.validity ?? 'valid',
    repealedById: o.validity === 'repealed' ? (o.repealedById ?? null) : null,
    disclosure: o.disclosure ?? 'proactive',
    attachmentNotes: orNull(o.attachmentNotes),
  };
}

/**
 * The request body for create (with the owner scope) or save (the owner scope is fixed once created;
 * `baseRevision` makes the server refuse to overwrite a save made meanwhile).
 */
export function inputFromValues(
  kind: ItemKind,
  values: ItemFormValues,
  scopes: readonly OwnerScope[],
  baseRevision: number | null,
): ItemInput {
  const input: ItemInput = {
    categoryId: values.categoryId,
    title: values.title.trim(),
    subtitle: orNull(values.subtitle),
    summary: orNull(values.summary),
    bodyHtml: values.bodyHtml ?? '',
    source: values.source.trim(),
    author: orNull(values.author),
    keywords: values.keywords?.trim() ?? '',
  };
  if (kind === 'article') input.interpretationOfId = values.interpretationOfId ?? null;
  if (kind === 'official_document') input.official = officialInput(values.official ?? {});
  if (baseRevision === null) {
    const scope = parseScopeValue(values.ownerScope, scopes);
    if (scope) input.ownerScope = { type: scope.scopeType, id: scope.scopeId };
  } else {
    input.baseRevision = baseRevision;
    if (values.note?.trim()) input.note = values.note.trim();
  }
  return input;
}
