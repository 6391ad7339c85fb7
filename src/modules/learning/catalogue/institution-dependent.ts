import { registerInstitutionDependent } from '../../../core/regions/institution-dependents.js';

/** An institution with courses (and so classes, enrolments, certificates) cannot be deleted, only retired. */
registerInstitutionDependent({
  id: 'learning.courses',
  messageId: 'learning.institution.has_courses',
  async count(trx, institutionId) {
    const row = await trx.selectFrom('learning_courses').select((eb) => eb.fn.countAll().as('n'))
      .where('institution_id', '=', institutionId).executeTakeFirstOrThrow();
    return Number(row.n);
  },
});
