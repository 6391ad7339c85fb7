import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { Actor } from '../../../core/access/actor.js';
import { AppError, conflict, forbidden, invalidField } from '../../../core/http/errors.js';
import { actorContext } from '../../../core/http/request-context.js';
import { IdParams, ProblemRefs } from '../../../core/http/route-schemas.js';
import { newId } from '../../../core/ids.js';
import { DEFAULT_READ_LIMITS, readFirstSheet, SpreadsheetError, type Sheet } from '../../../core/xlsx/read-sheet.js';
import { sendXlsx } from '../../../core/xlsx/xlsx-reply.js';
import { readUploadForm, registerUploads, requireFile } from '../../content/files/upload-form.js';
import { safeFileName } from '../../content/files/file-names.js';
import { IMPORT_HANDLERS } from './import-handlers.js';
import { buildTemplate } from './import-template.js';
import { claimForCommit, insertJob, loadVisibleJob, presentJob, presentJobSummary, recentJobs } from './import-jobs.js';
import type { ImportRunner } from './import-runner.js';
import { importDb, IMPORT_KINDS, type ImportKind } from './import-schema.js';
import { ImportJobSchema, ImportListSchema, NoBody, TemplateParams } from './import-schemas.js';
import type { Draft, ImportHandler } from './import-rows.js';

/**
 * Every import route admits the roles that may import anything (staff.manage: city, town and institution admins;
 * the institution and partner imports need a narrower permission, checked per kind in the handler).
 */
const ANY_IMPORT = 'network.staff.manage';
const TEMPLATE_NAMES: Record<ImportKind, string> = { institutions: '机构导入模板', people: '人员导入模板', partners: '合作单位导入模板' };
const READ_LIMITS = { ...DEFAULT_READ_LIMITS, maxFileBytes: 10 * 1024 * 1024 };
const tags = ['network'];

function handlerFor(actor: Actor, kind: ImportKind): ImportHandler<Draft, unknown> {
  const handler = IMPORT_HANDLERS[kind];
  if (!actor.permissions.has(handler.permission)) throw forbidden();
  return handler;
}

/** A refused spreadsheet as the client's problem: over a limit is 413, anything else unreadable is 400. */
function spreadsheetProblem(error: SpreadsheetError): AppError {
  switch (error.reason) {
    case 'too_large': return new AppError(413, 'network.import.too_large', { max: '10 MiB' });
    case 'too_many_rows': return new AppError(413, 'network.import.too_many_rows', { max: error.limit ?? 0 });
    case 'unpacked_too_large': return invalidField('file', 'network.import.unpacked_too_large');
    case 'empty': return invalidField('file', 'network.import.empty');
    case 'duplicate_header': return invalidField('file', 'network.import.duplicate_header', 'duplicate_header', { column: error.detail ?? '' });
    default: return invalidField('file', 'network.import.not_xlsx');
  }
}

async function readSheet(bytes: Buffer): Promise<Sheet> {
  try {
    return await readFirstSheet(bytes, READ_LIMITS);
  } catch (error) {
    throw error instanceof SpreadsheetError ? spreadsheetProblem(error) : error;
  }
}

/** The upload: kept in its own plugin so that only this route accepts multipart bodies. */
export function importUploadRoutes(runner: ImportRunner): FastifyPluginAsyncTypebox {
  return async (app) => {
    const core = app.core;
    await registerUploads(app);

    app.post('/api/v1/network/imports', {
      config: { access: ANY_IMPORT },
      schema: {
        tags, summary: 'Upload a workbook to import (multipart/form-data: kind = institutions | people | partners, file = .xlsx ≤ 10 MiB, '
          + '≤ 20,000 rows); validation runs in the background: poll GET /imports/:id',
        response: { 202: ImportJobSchema, ...ProblemRefs(400, 401, 403, 413, 415) },
      },
    }, async (request, reply) => {
      const { actor } = actorContext(request);
      const form = await readUploadForm(request, ['kind']);
      const kind = form.fields.kind as ImportKind;
      if (!IMPORT_KINDS.includes(kind)) throw invalidField('kind', 'network.import.kind_required');
      const handler = handlerFor(actor, kind);
      const file = requireFile(form);
      if (!/\.xlsx$/i.test(file.filename.trim())) throw invalidField('file', 'network.import.xlsx_only');
      const sheet = await readSheet(file.bytes);
      const missing = handler.columns.filter((c) => c.required && !sheet.headers.includes(c.header)).map((c) => c.header);
      if (missing.length > 0) throw invalidField('file', 'network.import.missing_columns', 'missing_columns', { columns: missing.join('、') });

      const db = importDb(core);
      const id = newId();
      await insertJob(db, { id, kind, fileName: safeFileName(file.filename, 'xlsx'), createdBy: actor.userId, total: sheet.rows.length }, core.clock.now());
      runner.validate({ id, kind }, sheet.rows, actor);
      const job = await loadVisibleJob(db, actor, id, core.clock.now());
      return reply.code(202).send(presentJob(job, request.locale));
    });
  };
}

/** Templates, the caller's imports, one import with its row errors, and the commit. */
export function importJobRoutes(runner: ImportRunner): FastifyPluginAsyncTypebox {
  return async (app) => {
    const core = app.core;
    const db = importDb(core);

    app.get('/api/v1/network/imports/templates/:kind', {
      config: { access: ANY_IMPORT },
      schema: { tags, summary: 'The .xlsx template of an import, with the values allowed in the caller\'s scope', params: TemplateParams,
        response: ProblemRefs(400, 401, 403) },
    }, async (request, reply) => {
      const { actor } = actorContext(request);
      const handler = handlerFor(actor, request.params.kind);
      const bytes = await buildTemplate(db, handler, { actor, crypto: core.fieldCrypto, today: core.clock.now() });
      return sendXlsx(reply, bytes, TEMPLATE_NAMES[request.params.kind]);
    });

    app.get('/api/v1/network/imports', {
      config: { access: ANY_IMPORT },
      schema: { tags, summary: 'The caller\'s 20 most recent imports, newest first', response: { 200: ImportListSchema, ...ProblemRefs(401, 403) } },
    }, async (request) => {
      const { actor } = actorContext(request);
      return { items: (await recentJobs(db, actor, core.clock.now())).map(presentJobSummary) };
    });

    app.get('/api/v1/network/imports/:id', {
      config: { access: ANY_IMPORT },
      schema: { tags, summary: 'An import: status, progress and every bad row with the reason (uploader and city admin only)', params: IdParams,
        response: { 200: ImportJobSchema, ...ProblemRefs(401, 403, 404) } },
    }, async (request) => {
      const { actor } = actorContext(request);
      return presentJob(await loadVisibleJob(db, actor, request.params.id, core.clock.now()), request.locale);
    });

    app.post('/api/v1/network/imports/:id/commit', {
      config: { access: ANY_IMPORT },
      schema: { tags, summary: 'Write a validated import, all or nothing (202; poll GET until committed, or invalid if rows went bad since)',
        params: IdParams, body: NoBody, response: { 202: ImportJobSchema, ...ProblemRefs(400, 401, 403, 404, 409) } },
    }, async (request, reply) => {
      const ctx = actorContext(request);
      const job = await loadVisibleJob(db, ctx.actor, request.params.id, core.clock.now());
      // Committing writes with the importer's rights: the permission of the kind is needed here too.
      handlerFor(ctx.actor, job.kind);
      if (!(await claimForCommit(db, job.id, core.clock.now()))) throw conflict('network.import.not_ready', { status: job.status });
      runner.commit(job, ctx);
      return reply.code(202).send(presentJob(await loadVisibleJob(db, ctx.actor, job.id, core.clock.now()), request.locale));
    });
  };
}
