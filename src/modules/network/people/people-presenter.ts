import type { FieldCrypto } from '../../../core/pii/field-crypto.js';
import { maskIdNumber, maskPhone } from '../../../core/pii/mask.js';
import type { PersonRow } from './people-repository.js';
import type { Person } from './people-schemas.js';

/**
 * The API shape of a person. Phone and ID number are decrypted only to be masked here, on the server:
 * every list and detail answer carries the masked form, for every caller (the reveal route is the exception).
 */
export function presentPerson(crypto: FieldCrypto, row: PersonRow): Person {
  return {
    id: row.id,
    institutionId: row.institution_id,
    institutionName: row.institution_name,
    regionId: row.institution_region_id,
    userId: row.user_id,
    name: row.name,
    employment: row.employment,
    title: row.title,
    subjects: row.subjects,
    qualifications: row.qualifications,
    phone: row.phone_enc ? maskPhone(crypto.decrypt(row.phone_enc)) : null,
    idNumber: row.id_number_enc ? maskIdNumber(crypto.decrypt(row.id_number_enc)) : null,
    status: row.status,
    leftAt: row.left_at,
    version: Number(row.version),
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}
