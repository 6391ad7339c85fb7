import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import type { CoreContext } from '../../../core/context.js';
import { AppError } from '../../../core/http/errors.js';
import { newId } from '../../../core/ids.js';
import { contentDb, type ContentDatabase, type ContentFilesTable } from '../content-schema.js';
import { checkFileType, type CheckedType, type FileKind } from './file-types.js';
import { safeFileName } from './file-names.js';
import { fileInUse, findFile } from './file-repository.js';

/**
 * Uploaded files on disk: DATA_DIR/files/<first 2 hex of the key>/<key>, a random 128-bit key, outside any
 * directory the server serves statically. The row (content_files) keeps the cleaned original name, the
 * checked Content-Type, the size and the SHA-256 of the bytes (backups can be verified against it).
 */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
export const MAX_FILE_LABEL = '20 MiB';

export interface StoreFileInput {
  /** A pre-assigned id, for files referenced before they are stored (images of a Word import). */
  id?: string;
  bytes: Buffer;
  originalName: string;
  /** The scope path of what the file belongs to: staff outside it cannot download it. */
  ownerPath: string;
  userId: string | null;
}

const KEY = /^[0-9a-f]{32}$/;

/** '200 MiB' for a limit in bytes. */
export function mibLabel(bytes: number): string {
  return `${Math.floor(bytes / (1024 * 1024))} MiB`;
}

/** Where a stored file's bytes are; the key is checked so a corrupt row can never point elsewhere. */
export function storedFilePath(core: Pick<CoreContext, 'config'>, storageKey: string): string {
  if (!KEY.test(storageKey)) throw new Error(`invalid storage key ${JSON.stringify(storageKey)}`);
  return path.join(core.config.dataDir, 'files', storageKey.slice(0, 2), storageKey);
}

/**
 * Checks and stores one file: 413 over 20 MiB, 400 when empty or when the type is not allowed or the bytes
 * are not what the extension says. The bytes are written (to a temporary name, then renamed, so a crash
 * never leaves half a file under a real key) before the row is inserted in `trx` (or on its own).
 * When the caller's transaction rolls back, it passes the returned rows to `discardFileBytes`.
 */
export async function storeFile(core: Pick<CoreContext, 'config' | 'db' | 'clock'>, trx: Kysely<ContentDatabase> | undefined,
  input: StoreFileInput, accept?: readonly FileKind[], maxBytes = MAX_FILE_BYTES): Promise<ContentFilesTable> {
  // A caller may allow more (lesson videos); the label then names its own limit.
  if (input.bytes.length > maxBytes) throw new AppError(413, 'content.file.too_large', { max: maxBytes === MAX_FILE_BYTES ? MAX_FILE_LABEL : mibLabel(maxBytes) });
  if (input.bytes.length === 0) throw new AppError(400, 'content.file.empty');
  const type = await checkFileType(input.bytes, input.originalName, accept);

  const storageKey = crypto.randomBytes(16).toString('hex');
  const target = storedFilePath(core, storageKey);
  await fs.promises.mkdir(path.dirname(target), { recursive: true });
  const partial = `${target}.part`;
  await fs.promises.writeFile(partial, input.bytes, { flag: 'wx', mode: 0o640 });
  await fs.promises.rename(partial, target);

  return insertFileRow(core, trx, storageKey, { ...input, size: input.bytes.length,
    sha256: crypto.createHash('sha256').update(input.bytes).digest('hex'), type });
}

export interface AdoptFileInput extends Omit<StoreFileInput, 'bytes'> {
  /** The file, already written under DATA_DIR (the same filesystem as the store): it is moved, never copied. */
  path: string;
  size: number;
  sha256: string;
  /** What `checkFileType` said of the file's first bytes while the caller received it. */
  type: CheckedType;
}

/**
 * Stores a file that the caller has already written to disk and checked (size, type, hash) while receiving it, so
 * a big upload is never held in memory: the file is renamed under a new random key, then the row is inserted in
 * `trx` (or on its own). The caller removes its temporary file when this throws before the rename.
 */
export async function adoptFile(core: Pick<CoreContext, 'config' | 'db' | 'clock'>, trx: Kysely<ContentDatabase> | undefined,
  input: AdoptFileInput): Promise<ContentFilesTable> {
  if (input.size === 0) throw new AppError(400, 'content.file.empty');
  const storageKey = crypto.randomBytes(16).toString('hex');
  const target = storedFilePath(core, storageKey);
  await fs.promises.mkdir(path.dirname(target), { recursive: true });
  await fs.promises.rename(input.path, target);
  return insertFileRow(core, trx, storageKey, input);
}

/** Inserts the row of bytes stored under `storageKey`; if the insert fails the bytes go too. */
async function insertFileRow(core: Pick<CoreContext, 'config' | 'db' | 'clock'>, trx: Kysely<ContentDatabase> | undefined, storageKey: string,
  input: Omit<AdoptFileInput, 'path'>): Promise<ContentFilesTable> {
  const row: ContentFilesTable = {
    id: input.id ?? newId(),
    storage_key: storageKey,
    sha256: input.sha256,
    size: input.size,
    mime: input.type.mime,
    original_name: safeFileName(input.originalName, input.type.extension),
    owner_path: input.ownerPath,
    created_by: input.userId,
    created_at: core.clock.now().toISOString(),
  };
  try {
    await (trx ?? contentDb(core)).insertInto('content_files').values(row).execute();
  } catch (error) {
    await discardFileBytes(core, [row]);
    throw error;
  }
  return row;
}

/**
 * Deletes a file's row in the caller's transaction when no attachment uses it any more, and returns it so the
 * caller removes the bytes (`discardFileBytes`) only after the commit; undefined when it is kept or unknown.
 * Other modules' rows point at content_files through foreign keys: they delete their own row first.
 */
export async function deleteFileRowIfUnused(trx: Kysely<ContentDatabase>, fileId: string): Promise<ContentFilesTable | undefined> {
  const file = await findFile(trx, fileId);
  if (!file || await fileInUse(trx, fileId)) return undefined;
  await trx.deleteFrom('content_files').where('id', '=', fileId).execute();
  return file;
}

/** Removes the bytes of files whose rows were rolled back or deleted; a missing file is not an error. */
export async function discardFileBytes(core: Pick<CoreContext, 'config'>, rows: Pick<ContentFilesTable, 'storage_key'>[]): Promise<void> {
  await Promise.all(rows.map((r) => fs.promises.rm(storedFilePath(core, r.storage_key), { force: true })));
}

/**
 * Runs `work` with a `store` (and an `adopt`) that remembers every file it wrote; if `work` throws (its transaction rolled
 * back), the bytes are removed again, so a failed request leaves neither rows nor files behind.
 */
export async function withStoredFiles<T>(core: Pick<CoreContext, 'config' | 'db' | 'clock'>,
  work: (store: typeof storeFile, adopt: typeof adoptFile) => Promise<T>): Promise<T> {
  const written: ContentFilesTable[] = [];
  const store: typeof storeFile = async (c, trx, input, accept, maxBytes) => {
    const row = await storeFile(c, trx, input, accept, maxBytes);
    written.push(row);
    return row;
  };
  const adopt: typeof adoptFile = async (c, trx, input) => {
    const row = await adoptFile(c, trx, input);
    written.push(row);
    return row;
  };
  try {
    return await work(store, adopt);
  } catch (error) {
    await discardFileBytes(core, written);
    throw error;
  }
}
