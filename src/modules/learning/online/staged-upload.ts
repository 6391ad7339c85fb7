import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import { Writable, type Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { FastifyRequest } from 'fastify';
import type { CoreContext } from '../../../core/context.js';
import { AppError, invalidField } from '../../../core/http/errors.js';
import type { CheckedType } from '../../content/files/file-types.js';
import { CheckedUploadStream, type UploadLimits } from './checked-upload-stream.js';

/** An upload received whole and checked, waiting in the temporary folder to be adopted by the file store. */
export interface StagedUpload {
  tempPath: string;
  filename: string;
  size: number;
  sha256: string;
  type: CheckedType;
}

/** The limits of one upload, and a check of the file's name that runs before any byte is written. */
export interface UploadRules extends UploadLimits {
  checkName(filename: string): void;
}

/**
 * Where uploads are written while they arrive: inside DATA_DIR, so that moving them into the file store
 * (DATA_DIR/files) is a rename on the same filesystem, and never in the system's /tmp.
 */
export function uploadTempDir(core: Pick<CoreContext, 'config'>): string {
  return path.join(core.config.dataDir, 'tmp', 'uploads');
}

/** A temporary file this old belongs to no upload still arriving: a process killed mid-upload left it behind. */
export const STALE_UPLOAD_MS = 6 * 3_600_000;
const SWEEP_EVERY_MS = 3_600_000;
const lastSweep = new Map<string, number>();

/**
 * Removes `.part` files older than STALE_UPLOAD_MS from the temporary folder, at most once an hour per folder: run as
 * an upload starts, so what a crash left behind is cleared by the next upload without a separate job.
 */
export async function sweepStaleUploads(dir: string, nowMs: number): Promise<number> {
  if (nowMs - (lastSweep.get(dir) ?? -Infinity) < SWEEP_EVERY_MS) return 0;
  lastSweep.set(dir, nowMs);
  let removed = 0;
  for (const name of await fs.promises.readdir(dir).catch(() => [] as string[])) {
    if (!name.endsWith('.part')) continue;
    const file = path.join(dir, name);
    const stat = await fs.promises.stat(file).catch(() => null);
    if (stat && nowMs - stat.mtimeMs > STALE_UPLOAD_MS) {
      await fs.promises.rm(file, { force: true });
      removed += 1;
    }
  }
  return removed;
}

/** Writes one file part to a new temporary file through the checks; on any failure the file is removed. */
async function stageFile(dir: string, source: Readable, filename: string, limits: UploadLimits): Promise<StagedUpload> {
  const tempPath = path.join(dir, `${crypto.randomBytes(16).toString('hex')}.part`);
  const checked = new CheckedUploadStream(filename, limits);
  try {
    await pipeline(source, checked, fs.createWriteStream(tempPath, { flags: 'wx', mode: 0o640 }));
  } catch (error) {
    await fs.promises.rm(tempPath, { force: true });
    throw error;
  }
  return { tempPath, filename, size: checked.size, sha256: checked.sha256, type: checked.type! };
}

const LIMIT_CODES = new Set(['FST_FILES_LIMIT', 'FST_PARTS_LIMIT', 'FST_FIELDS_LIMIT']);

/** The client's fault is a 4xx; the disk's (full, unwritable) stays a server error. */
function uploadError(error: unknown): unknown {
  if (error instanceof AppError) return error;
  if (typeof (error as { syscall?: unknown }).syscall === 'string') return error;
  const code = (error as { code?: string }).code ?? '';
  if (code === 'FST_INVALID_MULTIPART_CONTENT_TYPE') return new AppError(415, 'content.file.multipart_required');
  if (LIMIT_CODES.has(code)) return new AppError(400, 'content.file.malformed');
  // Busboy's own errors (no boundary, truncated part) and a client that went away mid-body.
  return new AppError(400, 'content.file.malformed');
}

/**
 * Reads a multipart form whose only content is the file (field `file`; `_csrf` allowed) and streams that file to a
 * temporary file in DATA_DIR: the size limit, the type check on its first bytes and the SHA-256 all happen while it
 * arrives, so memory stays flat whatever its size. 415 when the body is not multipart, 413 over the limit, 400 for a
 * refused type, an empty or missing file, a broken form or one cut short. On every error the temporary file is gone;
 * on success the caller adopts it into the store and removes it when that fails.
 */
export async function receiveUpload(core: Pick<CoreContext, 'config'>, request: FastifyRequest, rules: UploadRules): Promise<StagedUpload> {
  if (!request.isMultipart()) throw new AppError(415, 'content.file.multipart_required');
  const dir = uploadTempDir(core);
  await fs.promises.mkdir(dir, { recursive: true });
  await sweepStaleUploads(dir, Date.now());
  let staged: StagedUpload | undefined;
  try {
    // busboy stops the part one byte past the limit; CheckedUploadStream answers 413 on that byte.
    for await (const part of request.parts({ limits: { fileSize: rules.maxBytes + 1 } })) {
      if (part.type === 'file') {
        const filename = part.filename ?? '';
        try {
          if (part.fieldname !== 'file') throw invalidField(part.fieldname, 'field.unknown', 'unknown', { field: part.fieldname });
          rules.checkName(filename);
        } catch (error) {
          part.file.resume();
          throw error;
        }
        staged = await stageFile(dir, part.file, filename, rules);
        continue;
      }
      // The CSRF token may come as a form field from an HTML form; the header carries it for the API.
      if (part.fieldname === '_csrf') continue;
      throw invalidField(part.fieldname, 'field.unknown', 'unknown', { field: part.fieldname });
    }
  } catch (error) {
    if (staged) await fs.promises.rm(staged.tempPath, { force: true });
    throw uploadError(error);
  }
  if (!staged) throw invalidField('file', 'content.file.required');
  return staged;
}

/** How long the rest of a refused upload is read and dropped before its connection is cut. */
const LINGER_MS = 10_000;

/**
 * After refusing an upload whose body is still arriving (413 at the limit, 400 on its first bytes, 404 before it was
 * read): reads and drops the rest, so the client gets to read the answer. Closing at once with unread data makes TCP
 * send a reset, and clients then report a network error instead of the 413; leaving the body unread would hold the
 * connection open for good. Nothing is kept, and whatever still arrives after LINGER_MS, the socket is cut.
 */
export function drainRefusedBody(request: FastifyRequest): void {
  const raw = request.raw;
  // An injected request (tests, fastify.inject) has its whole body already and no real socket to cut.
  const socket = raw.socket as Partial<typeof raw.socket> | undefined;
  if (raw.complete || typeof socket?.destroy !== 'function') return;
  const timer = setTimeout(() => { if (!raw.complete) socket.destroy!(); }, LINGER_MS);
  timer.unref();
  raw.once('end', () => clearTimeout(timer));
  socket.once?.('close', () => clearTimeout(timer));
  // A sink of its own, not resume(): the multipart reader unpipes (and so pauses) the request after this runs.
  raw.pipe(new Writable({ write: (_chunk, _encoding, done) => done() }));
}
