import { registerOwnDataSection } from '../../../core/auth/own-data-sections.js';
import { peopleDb } from './people-schema.js';
import { peopleOfUser } from './people-repository.js';

/**
 * The network's part of the own-data export: the staff or teacher records linked to the person's account, in full
 * (their own phone and ID number, decrypted, as the account section shows them).
 */
registerOwnDataSection('networkStaffRecords', async (core, userId) =>
  (await peopleOfUser(peopleDb(core), userId)).map((p) => ({
    id: p.id, institutionName: p.institution_name, name: p.name, employment: p.employment, title: p.title, subjects: p.subjects,
    qualifications: p.qualifications, phone: p.phone_enc ? core.fieldCrypto.decrypt(p.phone_enc) : null,
    idNumber: p.id_number_enc ? core.fieldCrypto.decrypt(p.id_number_enc) : null, status: p.status, leftAt: p.left_at,
    createdAt: p.created_at, updatedAt: p.updated_at,
  })));
