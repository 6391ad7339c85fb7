import type { FastifyInstance, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { AppError, invalidField } from '../../../core/http/errors.js';
import { MAX_FILE_BYTES, MAX_FILE_LABEL, mibLabel } from './file-store.js';

/**
 * Multipart uploads for the routes of one plugin: one file (field `file`) of at most 20 MiB plus a few short
 * text fields. Registered inside the plugin that needs it, so no other route accepts multipart bodies.
 */
export async function registerUploads(app: FastifyInstance, maxBytes = MAX_FILE_BYTES): Promise<void> {
  // A plugin may allow bigger files, but readUploadForm holds the file in memory: large ones (lesson videos) stream
  // to disk instead (learning/online/staged-upload.ts).
  await app.register(multipart, {
    limits: { fileSize: maxBytes, files: 1, fields: 10, parts: 11, fieldSize: 10 * 1024, fieldNameSize: 50, headerPairs: 20 },
  });
}

export interface UploadForm {
  file: { bytes: Buffer; filename: string } | null;
  fields: Record<string, string>;
}

const LIMIT_CODES = new Set(['FST_FILES_LIMIT', 'FST_PARTS_LIMIT', 'FST_FIELDS_LIMIT']);

/**
 * Reads the whole form: the file into memory (the size limit stops it at 20 MiB + 1 byte) and the text
 * fields named in `fieldNames`. Anything wrong with the body is the client's: 413 for a file over the
 * limit, 415 for a body that is not multipart, 400 for a broken or unexpected form. Nothing is written here.
 */
export async function readUploadForm(request: FastifyRequest, fieldNames: readonly string[], maxBytes = MAX_FILE_BYTES): Promise<UploadForm> {
  if (!request.isMultipart()) throw new AppError(415, 'content.file.multipart_required');
  const form: UploadForm = { file: null, fields: {} };
  try {
    for await (const part of request.parts()) {
      if (part.type === 'file') {
        if (part.fieldname !== 'file') {
          part.file.resume();
          throw invalidField(part.fieldname, 'field.unknown', 'unknown', { field: part.fieldname });
        }
        form.file = { bytes: await part.toBuffer(), filename: part.filename ?? '' };
        continue;
      }
      // The CSRF token may come as a form field from an HTML form; the header carries it for the API.
      if (part.fieldname === '_csrf') continue;
      if (!fieldNames.includes(part.fieldname)) throw invalidField(part.fieldname, 'field.unknown', 'unknown', { field: part.fieldname });
      if (part.valueTruncated || part.fieldnameTruncated) throw invalidField(part.fieldname, 'field.too_long');
      form.fields[part.fieldname] = String(part.value ?? '');
    }
  } catch (error) {
    throw uploadError(error, maxBytes);
  }
  return form;
}

function uploadError(error: unknown, maxBytes: number): AppError {
  if (error instanceof AppError) return error;
  const code = (error as { code?: string }).code ?? '';
  if (code === 'FST_REQ_FILE_TOO_LARGE') return new AppError(413, 'content.file.too_large', { max: maxBytes === MAX_FILE_BYTES ? MAX_FILE_LABEL : mibLabel(maxBytes) });
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return new AppError(415, 'content.file.multipart_required');
  if (LIMIT_CODES.has(code)) return new AppError(400, 'content.file.malformed');
  // Busboy's own errors (no boundary, truncated part, bad headers) are all a malformed body.
  return new AppError(400, 'content.file.malformed');
}

/** The one file a route requires, or a field error naming `file`. */
export function requireFile(form: UploadForm): { bytes: Buffer; filename: string } {
  if (!form.file) throw invalidField('file', 'content.file.required');
  return form.file;
}
