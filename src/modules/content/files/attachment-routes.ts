import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { invalidField } from '../../../core/http/errors.js';
import { actorContext } from '../../../core/http/request-context.js';
import { IdParams, ProblemRefs } from '../../../core/http/route-schemas.js';
import { AttachmentSchema } from './attachment-presenter.js';
import { addAttachment } from './commands/add-attachment.js';
import { removeAttachment } from './commands/remove-attachment.js';
import { readUploadForm, registerUploads, requireFile } from './upload-form.js';

const AttachmentParams = Type.Object({
  id: IdParams.properties.id,
  attachmentId: IdParams.properties.id,
}, { additionalProperties: false });

const ROLES = ['attachment', 'image'] as const;

/**
 * Attachments of an item (multipart upload; one file of at most 20 MiB). Scope and state rules: see
 * attachment-policy.ts. The back office inserts an uploaded image into the body with its `url`.
 */
export const attachmentRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core = app.core;
  await registerUploads(app);

  app.post('/api/v1/content/items/:id/attachments', {
    config: { access: 'content.item.write' },
    schema: {
      tags: ['content'], params: IdParams,
      summary: 'Attach a file to a draft (multipart/form-data: file, optional title, optional role attachment|image)',
      response: { 201: AttachmentSchema, ...ProblemRefs(400, 401, 403, 404, 409, 413, 415) },
    },
  }, async (request, reply) => {
    const form = await readUploadForm(request, ['title', 'role']);
    const file = requireFile(form);
    const role = form.fields.role ?? 'attachment';
    if (!(ROLES as readonly string[]).includes(role)) throw invalidField('role', 'content.attachment.role');
    if ((form.fields.title ?? '').length > 200) throw invalidField('title', 'field.too_long');
    const attachment = await addAttachment(core, actorContext(request), request.params.id, {
      bytes: file.bytes, filename: file.filename, role: role as typeof ROLES[number], title: form.fields.title,
    });
    return reply.code(201).send(attachment);
  });

  app.delete('/api/v1/content/items/:id/attachments/:attachmentId', {
    config: { access: 'content.item.write' },
    schema: {
      tags: ['content'], params: AttachmentParams, summary: 'Remove an attachment from a draft (not the original of an import)',
      response: { 204: Type.Null(), ...ProblemRefs(401, 403, 404, 409) },
    },
  }, async (request, reply) => {
    await removeAttachment(core, actorContext(request), request.params.id, request.params.attachmentId);
    return reply.code(204).send(null);
  });
};
