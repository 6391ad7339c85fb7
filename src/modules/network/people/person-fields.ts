import type { FieldCrypto } from '../../../core/pii/field-crypto.js';
import { validateIdNumber } from '../../../core/pii/id-number.js';
import { invalidField } from '../../../core/http/errors.js';
import { MOBILE_PATTERN, normalizePhone } from '../../../core/users/user-fields.js';

/** The stored form of one encrypted personal field: ciphertext + look-up hash, or both null when cleared. */
export interface ProtectedField { enc: string | null; hash: string | null; plain: string | null }

const CLEARED: ProtectedField = { enc: null, hash: null, plain: null };

/** A mainland mobile number (spaces, dashes and +86 allowed on input) → stored form; malformed → field error. */
export function protectPhone(crypto: FieldCrypto, raw: string | null, field = 'phone'): ProtectedField {
  if (raw === null || raw.trim() === '') return CLEARED;
  const phone = normalizePhone(raw);
  if (!MOBILE_PATTERN.test(phone)) throw invalidField(field, 'network.people.phone_format', 'format');
  return { enc: crypto.encrypt(phone), hash: crypto.lookupHash(phone), plain: phone };
}

/**
 * A citizen ID number checked against GB 11643 (format, real birth date, check digit) → stored form.
 * The hash is of the normalized value, so `…x` and `…X` are the same person.
 */
export function protectIdNumber(crypto: FieldCrypto, raw: string | null, today: Date, field = 'idNumber'): ProtectedField {
  if (raw === null || raw.trim() === '') return CLEARED;
  const result = validateIdNumber(raw, today);
  if (!result.ok) throw invalidField(field, 'network.people.id_number_invalid', result.reason);
  return { enc: crypto.encrypt(result.value), hash: crypto.lookupHash(result.value), plain: result.value };
}
