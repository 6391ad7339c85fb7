import type { FieldError } from '../../http/errors.js';
import type { MessageId } from '../../i18n/i18n.js';
import type { checkPassword } from '../password-policy.js';

/** Password-policy reasons as field errors with catalog messages. */
export function passwordFieldErrors(field: string, result: ReturnType<typeof checkPassword>): FieldError[] {
  if (result.ok) return [];
  return result.reasons.map((reason) => ({ field, code: reason, messageId: `password.${reason}` as MessageId }));
}
