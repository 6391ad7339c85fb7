import type { MessageId } from '../i18n/i18n.js';

export interface FieldError {
  field: string;
  code: string;
  messageId: MessageId;
  params?: Record<string, string | number>;
}

/** An error a client caused (or may see): carries its HTTP status and a message id from the catalogs. */
export class AppError extends Error {
  constructor(
    public readonly status: number,
    public readonly messageId: MessageId,
    public readonly params?: Record<string, string | number>,
    public readonly fieldErrors?: FieldError[],
  ) {
    super(messageId);
    this.name = 'AppError';
  }
}

export const unauthorized = (id: MessageId = 'auth.required') => new AppError(401, id);
export const forbidden = (id: MessageId = 'auth.forbidden') => new AppError(403, id);
/** Also used for objects outside the caller's scope: a denied object looks the same as a missing one. */
export const notFound = (id: MessageId = 'request.not_found') => new AppError(404, id);
export const conflict = (id: MessageId, params?: Record<string, string | number>) => new AppError(409, id, params);

export function invalid(fieldErrors: FieldError[]): AppError {
  return new AppError(400, 'request.invalid', undefined, fieldErrors);
}

export function invalidField(field: string, messageId: MessageId, code = messageId.split('.').pop()!,
  params?: Record<string, string | number>): AppError {
  return invalid([{ field, code, messageId, params }]);
}
