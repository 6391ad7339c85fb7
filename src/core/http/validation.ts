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
  app.setValidatorCompiler(({ schema, httpPart }) => refuseNulCharacters((httpPart === 'body' ? strictBody : coercing).compile(schema)) as never);
}

type Validate = ((data: unknown) => boolean) & { errors?: unknown[] | null };

/** Path of the first string holding U+0000, which PostgreSQL cannot store in text (SQLite can). */
function nulPath(value: unknown, path: string, depth = 0): string | null {
  if (typeof value === 'string') return value.includes('\u0000') ? path : null;
  if (depth > 32 || value === null || typeof value !== 'object') return null;
  for (const [key, child] of Object.entries(value)) {
    const found = nulPath(child, `${path}/${key}`, depth + 1);
    if (found !== null) return found;
  }
  return null;
}

/** The same input must get the same answer on both databases: a NUL character is a 400 everywhere. */
function refuseNulCharacters(validate: Validate): Validate {
  const wrapped: Validate = (data: unknown) => {
    const path = nulPath(data, '');
    if (path !== null) {
      wrapped.errors = [{ keyword: 'format', instancePath: path, params: {}, message: 'must not contain NUL' }];
      return false;
    }
    const ok = validate(data);
    wrapped.errors = validate.errors;
    return ok;
  };
  return wrapped;
}
