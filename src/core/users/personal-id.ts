import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../db/schema.js';
import type { FieldCrypto } from '../pii/field-crypto.js';
import { validateIdNumber } from '../pii/id-number.js';
import { invalidField } from '../http/errors.js';

export interface ProtectedIdNumber { id_number_enc: string | null; id_number_hash: string | null; birth_date: string | null; plain: string | null }

/**
 * Validates an ID number (GB 11643: format, real birth date, check digit) and returns the columns that
 * store it: ciphertext, keyed look-up hash, and the birth date it encodes. null clears them.
 */
export async function protectIdNumber(db: Kysely<Database> | Transaction<Database>, crypto: FieldCrypto,
  raw: string | null, field: string, ownerId: string | null, today: Date): Promise<ProtectedIdNumber> {
  if (raw === null || raw.trim() === '') return { id_number_enc: null, id_number_hash: null, birth_date: null, plain: null };
  const result = validateIdNumber(raw, today);
  if (!result.ok) throw invalidField(field, 'user.id_number_invalid', result.reason);
  const hash = crypto.lookupHash(result.value);
  const owner = await db.selectFrom('users').select('id').where('id_number_hash', '=', hash).executeTakeFirst();
  if (owner && owner.id !== ownerId) throw invalidField(field, 'user.id_number_taken', 'taken');
  return { id_number_enc: crypto.encrypt(result.value), id_number_hash: hash, birth_date: result.birthDate, plain: result.value };
}
