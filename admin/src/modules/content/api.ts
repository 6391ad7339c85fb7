import { api } from '../../core/api/client';
import type { Id, Page } from '../../core/api/types';
import type {
  Attachment,
  Category,
  CategoryInput,
  DictionaryWord,
  DiffResult,
  ItemDetail,
  ItemInput,
  ItemListQuery,
  ItemSummary,
  Job,
  JobInput,
  Revision,
} from './types';

const BASE = '/content';
const enc = (id: Id | string) => encodeURIComponent(String(id));
const itemPath = (id: Id) => `${BASE}/items/${enc(id)}`;
const jobPath = (id: Id) => `${BASE}/jobs/${enc(id)}`;

/** A multipart body with one file (field `file`) and optional text fields. */
function fileForm(file: File, fields: Record<string, string | undefined> = {}): FormData {
  const form = new FormData();
  for (const [name, value] of Object.entries(fields)) if (value !== undefined && value !== '') form.append(name, value);
  form.append('file', file, file.name);
  return form;
}

export const categoriesApi = {
  list: (signal?: AbortSignal) => api.get<{ items: Category[] }>(`${BASE}/categories`, { signal }),
  create: (input: CategoryInput) => api.post<Category>(`${BASE}/categories`, input),
  update: (id: Id, patch: Partial<CategoryInput>) => api.patch<Category>(`${BASE}/categories/${enc(id)}`, patch),
  remove: (id: Id) => api.delete<void>(`${BASE}/categories/${enc(id)}`),
};

export const itemsApi = {
  list: (query: ItemListQuery, signal?: AbortSignal) =>
    api.get<Page<ItemSummary>>(`${BASE}/items`, { query: { ...query }, signal }),
  get: (id: Id, signal?: AbortSignal) => api.get<ItemDetail>(itemPath(id), { signal }),
  create: (input: ItemInput) => api.post<ItemDetail>(`${BASE}/items`, input),
  save: (id: Id, patch: Partial<ItemInput>) => api.patch<ItemDetail>(itemPath(id), patch),
  revisions: (id: Id, signal?: AbortSignal) => api.get<{ items: Revision[] }>(`${itemPath(id)}/revisions`, { signal }),
  diff: (id: Id, from: number, to: number, signal?: AbortSignal) =>
    api.get<DiffResult>(`${itemPath(id)}/diff`, { query: { from, to }, signal }),
  /** A workflow step; `body` carries the comment (reject, review) or the time (publish at). */
  step: (id: Id, step: WorkflowAction, body: Record<string, unknown> = {}) =>
    api.post<ItemDetail>(`${itemPath(id)}/${step}`, body),
  /** `role: 'image'` for a picture shown in the body (its `url` goes into an <img>). */
  uploadAttachment: (id: Id, file: File, role: 'attachment' | 'image' = 'attachment', title?: string) =>
    api.post<Attachment>(`${itemPath(id)}/attachments`, fileForm(file, { title, role })),
  removeAttachment: (id: Id, attachmentId: Id) => api.delete<void>(`${itemPath(id)}/attachments/${enc(attachmentId)}`),
};

export type WorkflowAction = 'submit' | 'review' | 'reject' | 'sign' | 'publish' | 'withdraw' | 'archive';

/** Where an imported draft goes, and 公文 fields the editor knows better than the document says. */
export interface ImportOptions {
  categoryId: string;
  ownerScope?: { type: string; id: string };
  source?: string;
  official?: Partial<Record<'docType' | 'issuingOrgan' | 'organCode' | 'topic', string>>;
}

/** A localized note on something the import did not carry over (the draft is made anyway). */
export interface ImportWarning {
  code: string;
  message: { 'zh-CN': string; en: string };
}

/** What the import recognised (the editor checks it beside the draft). */
export interface ImportRecognised {
  title: string;
  docNumber: string | null;
  addressees: string;
  writtenDate: string | null;
  /** Top-level sections (一、…) of the body. */
  sectionCount: number;
  /** Source lines dropped as web-page furniture or unrecognised head matter. */
  droppedLines: number;
}

export interface ImportResult {
  item: ItemDetail;
  recognised: ImportRecognised;
  warnings: ImportWarning[];
}

/** Handed from the import page to the editor of the new draft (router state). */
export interface ImportOutcome {
  recognised: ImportRecognised;
  warnings: ImportWarning[];
}

export const importApi = {
  /** Multipart: the options travel as text fields beside the file. */
  docx: (file: File, options: ImportOptions) =>
    api.post<ImportResult>(
      `${BASE}/import/docx`,
      fileForm(file, {
        categoryId: options.categoryId,
        ownerScopeType: options.ownerScope?.type,
        ownerScopeId: options.ownerScope?.id,
        source: options.source,
        ...options.official,
      }),
    ),
  text: (text: string, options: ImportOptions) => api.post<ImportResult>(`${BASE}/import/text`, { text, ...options }),
};

export const jobsApi = {
  list: (query: { page: number; pageSize: number; q?: string; status?: string }, signal?: AbortSignal) =>
    api.get<Page<Job>>(`${BASE}/jobs`, { query: { ...query }, signal }),
  get: (id: Id, signal?: AbortSignal) => api.get<Job>(jobPath(id), { signal }),
  create: (input: JobInput) => api.post<Job>(`${BASE}/jobs`, input),
  update: (id: Id, patch: Partial<JobInput>) => api.patch<Job>(jobPath(id), patch),
  publish: (id: Id) => api.post<Job>(`${jobPath(id)}/publish`, {}),
  withdraw: (id: Id) => api.post<Job>(`${jobPath(id)}/withdraw`, {}),
};

export const dictionaryApi = {
  list: (signal?: AbortSignal) => api.get<{ items: DictionaryWord[] }>(`${BASE}/dictionary`, { signal }),
  add: (word: string) => api.post<DictionaryWord>(`${BASE}/dictionary`, { word }),
  remove: (word: string) => api.delete<void>(`${BASE}/dictionary/${enc(word)}`),
};
