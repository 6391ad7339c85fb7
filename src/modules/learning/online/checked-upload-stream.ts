import crypto from 'node:crypto';
import { Transform, type TransformCallback } from 'node:stream';
import { AppError } from '../../../core/http/errors.js';
import { MAX_FILE_BYTES, MAX_FILE_LABEL, mibLabel } from '../../content/files/file-store.js';
import { checkFileType, type CheckedType, type FileKind } from '../../content/files/file-types.js';

/**
 * How much of the file's start the type check sees: magic bytes need a few bytes, a .docx (a zip) needs its first
 * entries, which Word writes first. Held in memory once per upload, whatever the file's size.
 */
export const HEAD_BYTES = 256 * 1024;

export interface UploadLimits {
  maxBytes: number;
  accept: readonly FileKind[];
}

/**
 * A pass-through for an upload on its way to disk: counts the bytes (413 as soon as they pass `maxBytes`), hashes
 * them (SHA-256), and holds back the first HEAD_BYTES until `checkFileType` (extension allowlist + magic bytes) has
 * accepted them, so nothing of a refused file reaches the disk beyond what precedes the verdict (nothing at all).
 */
export class CheckedUploadStream extends Transform {
  size = 0;
  type: CheckedType | undefined;
  private readonly hash = crypto.createHash('sha256');
  private head: Buffer[] = [];
  private headSize = 0;

  constructor(private readonly filename: string, private readonly limits: UploadLimits) {
    super();
  }

  get sha256(): string {
    return this.hash.copy().digest('hex');
  }

  override _transform(chunk: Buffer, _encoding: BufferEncoding, done: TransformCallback): void {
    this.size += chunk.length;
    if (this.size > this.limits.maxBytes) {
      const max = this.limits.maxBytes;
      done(new AppError(413, 'content.file.too_large', { max: max === MAX_FILE_BYTES ? MAX_FILE_LABEL : mibLabel(max) }));
      return;
    }
    this.hash.update(chunk);
    if (this.type) {
      done(null, chunk);
      return;
    }
    this.head.push(chunk);
    this.headSize += chunk.length;
    if (this.headSize < HEAD_BYTES) {
      done();
      return;
    }
    this.checkHead().then(() => done(), done);
  }

  override _flush(done: TransformCallback): void {
    if (this.size === 0) {
      done(new AppError(400, 'content.file.empty'));
      return;
    }
    if (this.type) {
      done();
      return;
    }
    this.checkHead().then(() => done(), done);
  }

  private async checkHead(): Promise<void> {
    const head = Buffer.concat(this.head);
    this.head = [];
    this.type = await checkFileType(head.subarray(0, HEAD_BYTES), this.filename, this.limits.accept);
    this.push(head);
  }
}
