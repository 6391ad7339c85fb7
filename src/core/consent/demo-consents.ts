import type { CoreContext } from '../context.js';
import { newId } from '../ids.js';
import { consentDb } from './consent-schema.js';
import { currentNotice } from './privacy-notice.js';

/**
 * Demo mode only: the invented residents are recorded as having accepted the notice in force, and, with an ID number
 * on record, the separate consent for it (channel `demo`, so the record says where it came from), so a demo login is
 * not interrupted by the update prompt. Accounts that
 * already have any consent row are left alone, which makes it safe to run at every start.
 */
export async function seedDemoConsents(core: CoreContext) {
  const db = consentDb(core);
  const residents = await db.selectFrom('users').select(['id', 'id_number_enc']).where('kind', '=', 'resident')
    .where(({ not, exists, selectFrom }) => not(exists(selectFrom('consents').select('consents.id').whereRef('consents.user_id', '=', 'users.id'))))
    .execute();
  if (residents.length === 0) return;
  const at = core.clock.now().toISOString();
  const version = currentNotice().version;
  // Those with an ID number on record also gave the separate consent that number needs.
  const rows = residents.flatMap((r) => (r.id_number_enc ? ['privacy_notice', 'sensitive_pi'] as const : ['privacy_notice'] as const)
    .map((purpose) => ({ id: newId(), user_id: r.id, purpose, notice_version: version, channel: 'demo' as const, given_at: at, withdrawn_at: null })));
  await db.insertInto('consents').values(rows).execute();
}
