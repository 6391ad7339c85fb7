import Ajv from 'ajv';
import addFormats from 'ajv-formats';
import type { FastifyInstance } from 'fastify';

/**
 * Two validators: query strings and path params arrive as text and are coerced to their schema types;
 * JSON bodies are not coerced, so "5" where a number belongs is a 400, and unknown fields are refused
 * rather than silently dropped.
 */
export function registerValidators(app: FastifyInstance) {
  const common = { allErrors: false, removeAdditional: false as const, useDefaults: true, strict: false };
  const coercing = addFormats.default(new Ajv.default({ ...common, coerceTypes: 'array' }));
  const strictBody = addFormats.default(new Ajv.default({ ...common, coerceTypes: false }));
  app.setValidatorCompiler(({ schema, httpPart }) =>
    (httpPart === 'body' ? strictBody : coercing).compile(schema) as never);
}
