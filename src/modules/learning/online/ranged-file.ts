import fs from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { CoreContext } from '../../../core/context.js';
import { contentDisposition } from '../../../core/http/content-disposition.js';
import type { ContentFilesTable } from '../../content/content-schema.js';
import { storedFilePath } from '../../content/files/file-store.js';
import { decideRange, ifRangeHolds } from './byte-range.js';

/**
 * Sends a lesson's stored file with byte ranges, which video players (seeking, resuming) and PDF viewers use:
 * `Accept-Ranges: bytes`, 206 with `Content-Range` for one range, 416 with `Content-Range: bytes * /size` when it
 * starts past the end, the whole file otherwise; ETag (the hash) with 304 and If-Range. The stored type (checked at
 * upload), nosniff, private caching (lessons need a login). PDFs and videos open inline, Word files download.
 */
export async function sendRangedFile(core: Pick<CoreContext, 'config'>, request: FastifyRequest, reply: FastifyReply, file: ContentFilesTable) {
  const filePath = storedFilePath(core, file.storage_key);
  const stat = await fs.promises.stat(filePath).catch(() => null);
  if (!stat) {
    request.log.error({ fileId: file.id }, 'stored file is missing on disk');
    return reply.callNotFound();
  }
  const size = stat.size;
  const etag = `"${file.sha256}"`;
  const lastModified = new Date(file.created_at).toUTCString();
  const inline = file.mime === 'application/pdf' || file.mime.startsWith('video/');
  reply.header('accept-ranges', 'bytes').header('etag', etag).header('last-modified', lastModified)
    .header('cache-control', 'private, no-cache').header('x-content-type-options', 'nosniff')
    .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', file.original_name));
  if (request.headers['if-none-match'] === etag) return reply.code(304).send();

  const rangeHeader = typeof request.headers.range === 'string' ? request.headers.range : undefined;
  const ifRange = typeof request.headers['if-range'] === 'string' ? request.headers['if-range'] : undefined;
  const decision = ifRangeHolds(ifRange, etag, lastModified) ? decideRange(rangeHeader, size) : { kind: 'full' as const };
  if (decision.kind === 'unsatisfiable') {
    reply.removeHeader('content-disposition');
    return reply.code(416).type('text/plain; charset=utf-8').header('content-range', `bytes */${size}`).send('');
  }
  reply.type(file.mime);
  if (decision.kind === 'partial') {
    return reply.code(206).header('content-range', `bytes ${decision.start}-${decision.end}/${size}`)
      .header('content-length', String(decision.end - decision.start + 1))
      .send(fs.createReadStream(filePath, { start: decision.start, end: decision.end }));
  }
  return reply.header('content-length', String(size)).send(fs.createReadStream(filePath));
}
