import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { isInScope } from '../../../core/access/scope.js';
import { invalidField, notFound } from '../../../core/http/errors.js';
import { actorContext } from '../../../core/http/request-context.js';
import { IdParams, ProblemRefs } from '../../../core/http/route-schemas.js';
import { sendStoredFile } from '../../content/files/file-routes.js';
import { readUploadForm, registerUploads, requireFile } from '../../content/files/upload-form.js';
import './i18n/messages.js';
import { addEvidence } from './commands/add-evidence.js';
import { addPhoto } from './commands/add-photo.js';
import { removePhoto } from './commands/remove-photo.js';
import { institutionForMedia } from './media-institution.js';
import { presentPhoto } from './media-presenter.js';
import { findEvidence, listPhotos, MAX_CAPTION_CHARS, MAX_PHOTOS } from './media-repository.js';
import { mediaDb } from './media-schema.js';
import { EvidenceParams, EvidenceSchema, PhotoList, PhotoParams, PhotoSchema } from './media-schemas.js';

/**
 * Photos of an institution (multipart upload, shown on its public page) and evidence files for its indicator
 * values. Files are stored by the content module's file service; scope and the 404 for anything outside it are
 * the registry's. Multipart is registered in this plugin only.
 */
export const mediaRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core = app.core;
  const db = mediaDb(core);
  const tags = ['network'];
  await registerUploads(app);

  app.get('/api/v1/network/institutions/:id/photos', {
    config: { access: 'network.institution.read' },
    schema: { tags, summary: 'The institution\'s photos in order', params: IdParams, response: { 200: PhotoList, ...ProblemRefs(401, 403, 404) } },
  }, async (request) => {
    await institutionForMedia(db, actorContext(request).actor, 'network.institution.read', request.params.id);
    return { items: (await listPhotos(db, request.params.id)).map(presentPhoto), max: MAX_PHOTOS };
  });

  app.post('/api/v1/network/institutions/:id/photos', {
    config: { access: 'network.institution.update' },
    schema: {
      tags, params: IdParams,
      summary: `Add a photo (multipart/form-data: file png/jpg/gif/webp, optional caption ≤ ${MAX_CAPTION_CHARS} characters; at most ${MAX_PHOTOS})`,
      response: { 201: PhotoSchema, ...ProblemRefs(400, 401, 403, 404, 413, 415) },
    },
  }, async (request, reply) => {
    const form = await readUploadForm(request, ['caption']);
    const file = requireFile(form);
    const caption = (form.fields.caption ?? '').trim();
    if ([...caption].length > MAX_CAPTION_CHARS) throw invalidField('caption', 'field.too_long');
    const photo = await addPhoto(core, actorContext(request), request.params.id, { bytes: file.bytes, filename: file.filename, caption });
    return reply.code(201).send(photo);
  });

  app.delete('/api/v1/network/institutions/:id/photos/:photoId', {
    config: { access: 'network.institution.update' },
    schema: { tags, summary: 'Remove a photo (its file goes too)', params: PhotoParams, response: { 204: Type.Null(), ...ProblemRefs(401, 403, 404) } },
  }, async (request, reply) => {
    await removePhoto(core, actorContext(request), request.params.id, request.params.photoId);
    return reply.code(204).send(null);
  });

  app.post('/api/v1/network/institutions/:id/evidence', {
    config: { access: 'network.indicator.record' },
    schema: {
      tags, params: IdParams, summary: 'Upload an evidence file for indicator values (multipart/form-data: file pdf/docx/xlsx/image)',
      response: { 201: EvidenceSchema, ...ProblemRefs(400, 401, 403, 404, 413, 415) },
    },
  }, async (request, reply) => {
    const form = await readUploadForm(request, []);
    const file = requireFile(form);
    return reply.code(201).send(await addEvidence(core, actorContext(request), request.params.id, { bytes: file.bytes, filename: file.filename }));
  });

  // Readers of the institution's indicator values (the same permission as GET …/indicators) may open its evidence.
  app.get('/api/v1/network/institutions/:id/evidence/:fileId', {
    config: { access: 'network.institution.read' },
    schema: { tags, summary: 'Download an evidence file of the institution', params: EvidenceParams, response: { ...ProblemRefs(401, 403, 404) } },
  }, async (request, reply) => {
    await institutionForMedia(db, actorContext(request).actor, 'network.institution.read', request.params.id);
    const file = await findEvidence(db, request.params.id, request.params.fileId);
    if (!file) throw notFound('network.evidence.not_found');
    return sendStoredFile(core, request, reply, file, false);
  });

  // The image of a photo: public while the institution is an active network institution (like its page); staff who
  // read the institution see the photos of a retired one too. Anything else is the site's 404.
  app.get('/places/:id/photos/:photoId', {
    config: { access: 'public' }, attachValidation: true, schema: { hide: true, params: PhotoParams },
  }, async (request, reply) => {
    if (request.validationError) return reply.callNotFound();
    const row = await db.selectFrom('network_institution_photos as p')
      .innerJoin('institutions as i', 'i.id', 'p.institution_id').innerJoin('content_files as f', 'f.id', 'p.file_id')
      .selectAll('f').select(['i.status as institutionStatus', 'i.tier as institutionTier', 'i.path as institutionPath'])
      .where('p.id', '=', request.params.photoId).where('p.institution_id', '=', request.params.id).executeTakeFirst();
    if (!row) return reply.callNotFound();
    const { institutionStatus, institutionTier, institutionPath, ...file } = row;
    const isPublic = institutionStatus === 'active' && institutionTier !== null;
    const isStaff = request.actor !== null && institutionTier !== null && isInScope(request.actor, 'network.institution.read', institutionPath);
    if (!isPublic && !isStaff) return reply.callNotFound();
    return sendStoredFile(core, request, reply, file, isPublic);
  });
};
