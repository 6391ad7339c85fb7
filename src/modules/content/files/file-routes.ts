import fs from 'node:fs';
import type { FastifyReply, FastifyRequest } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { isInScope } from '../../../core/access/scope.js';
import { IdParams } from '../../../core/http/route-schemas.js';
import type { CoreContext } from '../../../core/context.js';
import { contentDb, type ContentFilesTable } from '../content-schema.js';
import { fileInUse, findFile, isPublicFile } from './file-repository.js';
import { storedFilePath } from './file-store.js';
import { contentDisposition } from './file-names.js';

/**
 * `GET /files/:id`: an attachment or image. Visitors get files of published items; staff with
 * content.item.read over the file's owner scope get any content file of their scope (drafts, originals). Anything
 * else is the site's ordinary 404, the same as a file that does not exist.
 *
 * Headers: the stored Content-Type (checked at upload, never the client's claim), nosniff, images inline
 * and everything else as a download with an RFC 6266 filename, an ETag of the content hash, and caching
 * that is public for public files and private otherwise.
 */
export const fileRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core = app.core;
  const db = contentDb(core);

  app.get('/files/:id', {
    config: { access: 'public' },
    schema: { hide: true, params: IdParams },
  }, async (request, reply) => {
    const file = await findFile(db, request.params.id);
    if (!file) return reply.callNotFound();
    const isPublic = await isPublicFile(db, file.id);
    // Staff reach only the content module's own files here: other modules (institution photos, evidence) store
    // through the same service but serve their files behind their own permissions.
    const isStaff = request.actor !== null && isInScope(request.actor, 'content.item.read', file.owner_path)
      && await fileInUse(db, file.id);
    if (!isPublic && !isStaff) return reply.callNotFound();
    return sendStoredFile(core, request, reply, file, isPublic);
  });
};

/**
 * Sends a stored file with the headers above (stored type, nosniff, inline images, RFC 6266 name, ETag of the
 * hash with 304, public or private caching). Exported for other modules that serve files under their own rules
 * (the network's institution photos and evidence); the caller has decided who may see the file. A row whose
 * bytes are missing on disk is logged and answered as the site's 404.
 */
export async function sendStoredFile(core: Pick<CoreContext, 'config'>, request: FastifyRequest, reply: FastifyReply,
  file: ContentFilesTable, isPublic: boolean) {
  const filePath = storedFilePath(core, file.storage_key);
  const stat = await fs.promises.stat(filePath).catch(() => null);
  if (!stat) {
    request.log.error({ fileId: file.id }, 'stored file is missing on disk');
    return reply.callNotFound();
  }
  const etag = `"${file.sha256}"`;
  reply.header('etag', etag)
    .header('cache-control', isPublic ? 'public, max-age=600' : 'private, no-cache')
    .header('x-content-type-options', 'nosniff');
  if (request.headers['if-none-match'] === etag) return reply.code(304).send();
  const inline = file.mime.startsWith('image/');
  return reply.type(file.mime)
    .header('content-length', String(stat.size))
    .header('content-disposition', contentDisposition(inline ? 'inline' : 'attachment', file.original_name))
    .send(fs.createReadStream(filePath));
}
