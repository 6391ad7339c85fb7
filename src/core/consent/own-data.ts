import { registerOwnDataSection } from '../auth/own-data-sections.js';
import { consentDb } from './consent-schema.js';
import { guardianOf, listConsents } from './consent-repository.js';

/** The person's consents (and, for a child's account, the guardian who consented) in their own-data export. */
registerOwnDataSection('consents', async (core, userId) => {
  const db = consentDb(core);
  const [rows, guardian] = await Promise.all([listConsents(db, userId), guardianOf(db, userId)]);
  return {
    records: rows.map((r) => ({ purpose: r.purpose, noticeVersion: r.notice_version, channel: r.channel, givenAt: r.given_at, withdrawnAt: r.withdrawn_at })),
    guardian: guardian ? {
      name: guardian.guardian_name, relation: guardian.guardian_relation, phone: core.fieldCrypto.decrypt(guardian.guardian_phone_enc),
      minorUntil: guardian.minor_until, recordedAt: guardian.created_at,
    } : null,
  };
});
