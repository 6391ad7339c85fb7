import type { FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { AppError, invalid, invalidField, type FieldError } from '../../../core/http/errors.js';
import { actorContext } from '../../../core/http/request-context.js';
import { ProblemRefs } from '../../../core/http/route-schemas.js';
import type { OfficialDocType } from '../content-schema.js';
import { contentDb } from '../content-schema.js';
import { loadVisibleItem } from '../items/item-loader.js';
import { presentItem } from '../items/item-presenter.js';
import { OFFICIAL_DOC_TYPE_CODES } from '../official/doc-types.js';
import { checkFileType, extensionOf } from '../files/file-types.js';
import { readUploadForm, registerUploads, requireFile } from '../files/upload-form.js';
import { createImportedDraft, type ImportedContent } from './commands/create-imported-draft.js';
import { importDocx } from './docx-import.js';
import { importOfficialText, type ImportedDocument } from './text-import.js';
import { presentWarnings } from './import-warnings.js';
import type { ImportOptions } from './import-input.js';
import { DOCX_FORM_FIELDS, ImportResponse, ImportTextBody } from './import-schemas.js';

/**
 * Drafts from documents: pasted text (JSON) or a Word file (multipart). Both answer 201 with the new draft
 * (as GET /items/:id shows it), what was recognised, and warnings about what could not be carried over.
 */
export const importRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core = app.core;
  const db = contentDb(core);
  await registerUploads(app);

  async function answer(request: FastifyRequest, content: ImportedContent, options: ImportOptions) {
    const ctx = actorContext(request);
    const { itemId, warnings } = await createImportedDraft(core, ctx, content, options);
    const item = await presentItem(db, ctx.actor, await loadVisibleItem(db, ctx.actor, itemId));
    return { item, recognised: recognised(content.doc), warnings: presentWarnings(warnings) };
  }

  app.post('/api/v1/content/import/text', {
    config: { access: 'content.item.write' },
    schema: {
      tags: ['content'], summary: 'A draft from the plain text of an official document (pasted, or read from a .txt file)',
      body: ImportTextBody, response: { 201: ImportResponse, ...ProblemRefs(400, 401, 403, 413) },
    },
  }, async (request, reply) => {
    const { text, ...options } = request.body;
    const doc = importOfficialText(text);
    if (!doc.title && doc.preamble.length === 0 && doc.sections.length === 0) throw invalidField('text', 'content.import.empty');
    const content: ImportedContent = { origin: 'text', doc, bodyHtml: doc.bodyHtml, images: [], warnings: [] };
    return reply.code(201).send(await answer(request, content, options));
  });

  app.post('/api/v1/content/import/docx', {
    config: { access: 'content.item.write' },
    schema: {
      tags: ['content'],
      summary: 'A draft from a Word file (multipart/form-data: file (.docx, ≤ 20 MiB), categoryId, optional ownerScopeType + '
        + 'ownerScopeId, source, docType, issuingOrgan, organCode, topic)',
      response: { 201: ImportResponse, ...ProblemRefs(400, 401, 403, 413, 415) },
    },
  }, async (request, reply) => {
    const form = await readUploadForm(request, DOCX_FORM_FIELDS);
    const options = docxOptions(form.fields);
    const file = requireFile(form);
    if (extensionOf(file.filename) !== 'docx') throw invalidField('file', 'content.import.docx_only');
    await checkFileType(file.bytes, file.filename, ['document']).catch((error: unknown) => {
      throw error instanceof AppError && error.messageId === 'content.file.type' ? new AppError(400, 'content.import.docx_invalid') : error;
    });
    const converted = await importDocx(file.bytes, file.filename);
    if (!converted.doc.title && converted.bodyHtml === '') throw invalidField('file', 'content.import.empty');
    const content: ImportedContent = {
      origin: 'docx', doc: converted.doc, bodyHtml: converted.bodyHtml, images: converted.images,
      original: { bytes: file.bytes, filename: file.filename }, warnings: converted.warnings,
    };
    return reply.code(201).send(await answer(request, content, options));
  });
};

const SCOPE_TYPES = ['city', 'region', 'institution'] as const;
const FIELD_MAX: Record<typeof DOCX_FORM_FIELDS[number], number> = {
  categoryId: 64, ownerScopeType: 20, ownerScopeId: 64, source: 100, docType: 20, issuingOrgan: 100, organCode: 20, topic: 60,
};

/** The form's text fields, checked as the JSON route's schema would check them. */
function docxOptions(fields: Record<string, string>): ImportOptions {
  const errors: FieldError[] = [];
  for (const [name, max] of Object.entries(FIELD_MAX)) {
    if ((fields[name] ?? '').length > max) errors.push({ field: name, code: 'maxLength', messageId: 'field.too_long', params: { field: name } });
  }
  const categoryId = fields.categoryId?.trim() ?? '';
  if (!categoryId) errors.push({ field: 'categoryId', code: 'required', messageId: 'field.required', params: { field: 'categoryId' } });
  const scopeType = fields.ownerScopeType?.trim();
  const scopeId = fields.ownerScopeId?.trim();
  if (Boolean(scopeType) !== Boolean(scopeId)) errors.push({ field: 'ownerScope', code: 'required', messageId: 'content.import.owner_scope' });
  if (scopeType && !(SCOPE_TYPES as readonly string[]).includes(scopeType)) {
    errors.push({ field: 'ownerScopeType', code: 'enum', messageId: 'field.enum', params: { field: 'ownerScopeType' } });
  }
  const docType = fields.docType?.trim();
  if (docType && !(OFFICIAL_DOC_TYPE_CODES as readonly string[]).includes(docType)) {
    errors.push({ field: 'docType', code: 'enum', messageId: 'field.enum', params: { field: 'docType' } });
  }
  if (errors.length > 0) throw invalid(errors);
  const official: ImportOptions['official'] = {};
  if (docType) official.docType = docType as OfficialDocType;
  for (const key of ['issuingOrgan', 'organCode', 'topic'] as const) if (fields[key]?.trim()) official[key] = fields[key].trim();
  return {
    categoryId,
    ...(scopeType && scopeId ? { ownerScope: { type: scopeType as typeof SCOPE_TYPES[number], id: scopeId } } : {}),
    ...(fields.source?.trim() ? { source: fields.source.trim() } : {}),
    official,
  };
}

function recognised(doc: ImportedDocument) {
  return {
    title: doc.title, docType: doc.docType, docNumber: doc.docNumber, signer: doc.signer, addressees: doc.addressees,
    writtenDate: doc.writtenDate, closingOrgans: doc.closingOrgans, attachmentNotes: doc.attachmentNotes, cc: doc.cc,
    printingOrgan: doc.printingOrgan, printingDate: doc.printingDate, disclosure: doc.disclosure,
    sectionCount: doc.sections.length, droppedLines: doc.droppedLines,
  };
}
