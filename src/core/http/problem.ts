import type { FastifyError, FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { Type } from '@sinclair/typebox';
import { localized, t, type MessageId } from '../i18n/i18n.js';
import { AppError, type FieldError } from './errors.js';

/** The problem+json body every error takes (RFC 9457), with the message in zh-CN and en. */
export const ProblemSchema = Type.Object({
  type: Type.String(),
  title: Type.String(),
  status: Type.Integer(),
  code: Type.String(),
  message: Type.Object({ 'zh-CN': Type.String(), en: Type.String() }),
  errors: Type.Optional(Type.Array(Type.Object({
    field: Type.String(),
    code: Type.String(),
    message: Type.Object({ 'zh-CN': Type.String(), en: Type.String() }),
  }))),
  instance: Type.String(),
}, { $id: 'Problem', additionalProperties: true });

export function sendProblem(request: FastifyRequest, reply: FastifyReply, status: number, id: MessageId,
  params?: Record<string, string | number>, fieldErrors?: FieldError[]) {
  const body = {
    type: `/problems/${id}`,
    title: t(request.locale ?? 'zh-CN', id, params),
    status,
    code: id,
    message: localized(id, params),
    ...(fieldErrors && fieldErrors.length > 0
      ? { errors: fieldErrors.map((e) => ({ field: e.field, code: e.code, message: localized(e.messageId, e.params) })) }
      : {}),
    instance: String(request.id),
  };
  return reply.code(status).header('content-type', 'application/problem+json; charset=utf-8')
    .header('cache-control', 'no-store').send(body);
}

const AJV_KEYWORD_TO_MESSAGE: Record<string, MessageId> = {
  required: 'field.required',
  additionalProperties: 'field.unknown',
  type: 'field.type',
  format: 'field.format',
  pattern: 'field.format',
  minLength: 'field.too_short',
  maxLength: 'field.too_long',
  minimum: 'field.out_of_range',
  maximum: 'field.out_of_range',
  exclusiveMinimum: 'field.out_of_range',
  exclusiveMaximum: 'field.out_of_range',
  minItems: 'field.too_short',
  maxItems: 'field.too_long',
  enum: 'field.enum',
  const: 'field.enum',
  anyOf: 'field.type',
  oneOf: 'field.type',
};

interface AjvLikeError { keyword: string; instancePath: string; params: Record<string, unknown> }

function fieldErrorsFromValidation(errors: AjvLikeError[], context: string | undefined): FieldError[] {
  const seen = new Set<string>();
  const out: FieldError[] = [];
  for (const e of errors) {
    let field = e.instancePath.replace(/^\//, '').replace(/\//g, '.');
    if (e.keyword === 'required') field = [field, String(e.params.missingProperty)].filter(Boolean).join('.');
    if (e.keyword === 'additionalProperties') field = [field, String(e.params.additionalProperty)].filter(Boolean).join('.');
    field = field || context || 'body';
    const messageId = AJV_KEYWORD_TO_MESSAGE[e.keyword] ?? 'request.invalid';
    const key = `${field}:${messageId}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push({ field, code: e.keyword, messageId, params: { field } });
  }
  return out;
}

/** Maps a database constraint error on either dialect to 409, or returns null. */
function constraintProblem(error: { code?: string; message?: string; constraint?: string; detail?: string }):
  { id: MessageId; params?: Record<string, string> } | null {
  const code = error.code ?? '';
  if (code === '23505' || code === 'SQLITE_CONSTRAINT_UNIQUE' || code === 'SQLITE_CONSTRAINT_PRIMARYKEY') {
    const fromSqlite = /UNIQUE constraint failed: \w+\.(\w+)/.exec(error.message ?? '')?.[1];
    const fromPg = /Key \((\w+)\)/.exec(error.detail ?? '')?.[1];
    return { id: 'request.conflict_unique', params: { field: fromSqlite ?? fromPg ?? 'id' } };
  }
  if (code === '23503' || code === 'SQLITE_CONSTRAINT_FOREIGNKEY') return { id: 'request.conflict_reference' };
  return null;
}

/** A browser asking for a page (gets the portal's zh-CN HTML), as opposed to an API client (gets problem+json). */
export function wantsHtml(request: FastifyRequest): boolean {
  return !request.url.startsWith('/api/') && String(request.headers.accept ?? '').includes('text/html');
}

type HtmlRenderer = (request: FastifyRequest, reply: FastifyReply) => unknown;
let htmlNotFound: HtmlRenderer | null = null;
/** The portal supplies a friendly HTML 404 for browsers; API clients keep getting problem+json. */
export function setHtmlNotFound(renderer: HtmlRenderer) {
  htmlNotFound = renderer;
}

export function registerProblemHandlers(app: FastifyInstance) {
  app.addSchema(ProblemSchema);

  app.setNotFoundHandler((request, reply) => {
    if (wantsHtml(request) && htmlNotFound) return htmlNotFound(request, reply);
    return sendProblem(request, reply, 404, 'request.not_found');
  });

  app.setErrorHandler((error: FastifyError | AppError, request, reply) => {
    if (error instanceof AppError) {
      return sendProblem(request, reply, error.status, error.messageId, error.params, error.fieldErrors);
    }
    const fe = error as FastifyError & { validationContext?: string; validation?: AjvLikeError[] };
    if (fe.validation) {
      return sendProblem(request, reply, 400, 'request.invalid', undefined,
        fieldErrorsFromValidation(fe.validation, fe.validationContext));
    }
    switch (fe.code) {
      case 'FST_ERR_CTP_BODY_TOO_LARGE': return sendProblem(request, reply, 413, 'request.too_large');
      case 'FST_ERR_CTP_INVALID_MEDIA_TYPE': return sendProblem(request, reply, 415, 'request.unsupported_media_type');
      case 'FST_ERR_CTP_EMPTY_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_JSON_BODY':
      case 'FST_ERR_CTP_INVALID_CONTENT_LENGTH':
        return sendProblem(request, reply, 400, 'request.invalid_json');
    }
    if (fe instanceof SyntaxError || fe.statusCode === 400) return sendProblem(request, reply, 400, 'request.invalid_json');
    const constraint = constraintProblem(fe as never);
    if (constraint) return sendProblem(request, reply, 409, constraint.id, constraint.params);
    if (fe.statusCode === 413) return sendProblem(request, reply, 413, 'request.too_large');
    if (fe.statusCode === 415) return sendProblem(request, reply, 415, 'request.unsupported_media_type');
    if (fe.statusCode === 429) return sendProblem(request, reply, 429, 'request.rate_limited');
    if (fe.statusCode === 404) return sendProblem(request, reply, 404, 'request.not_found');
    if (fe.statusCode === 405) return sendProblem(request, reply, 405, 'request.method_not_allowed');
    if (fe.statusCode && fe.statusCode >= 400 && fe.statusCode < 500) {
      return sendProblem(request, reply, fe.statusCode, 'request.invalid');
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(request, reply, 500, 'server.error');
  });
}
