import type { CoreContext } from '../../../core/context.js';
import { newId } from '../../../core/ids.js';
import { GIVEN_NAMES, SURNAMES } from '../../../core/seed/demo-names.js';
import { demoIdNumber } from './demo-id-numbers.js';
import { peopleDb, type Employment, type NetworkPeopleTable } from './people-schema.js';

/** The staff every demo center gets, in order; invented titles, subjects and qualifications. */
const CENTER_STAFF: Array<{ employment: Employment; title: string; subjects: string; qualifications: string }> = [
  { employment: 'full_time', title: '中心主任', subjects: '社区教育管理', qualifications: '本科，中级职称' },
  { employment: 'full_time', title: '专职教师', subjects: '信息技术、智能手机应用', qualifications: '本科，教师资格证' },
  { employment: 'part_time', title: '兼职教师', subjects: '书法、国画', qualifications: '大专，市书法家协会会员' },
  { employment: 'part_time', title: '兼职教师', subjects: '家庭教育、心理健康', qualifications: '硕士，心理咨询师' },
  { employment: 'volunteer', title: '志愿者讲师', subjects: '太极拳、养生保健', qualifications: '退休教师' },
];

/**
 * A few staff and teachers for each demo community education center: generated names, invented mobile
 * numbers and ID numbers (prefix 3299, see demo-id-numbers.ts), all stored encrypted like real ones.
 * The demo `teacher` account is linked to the first center's full-time teacher, so it can see its own record.
 */
export async function seedDemoPeople(core: CoreContext): Promise<void> {
  const db = peopleDb(core);
  if (await db.selectFrom('network_people').select('id').limit(1).executeTakeFirst()) return;
  const centers = await db.selectFrom('institutions').select('id')
    .where('kind', '=', 'community_education_center').where('status', '=', 'active')
    .orderBy('region_id').execute();
  const teacher = await db.selectFrom('users').select('id').where('username', '=', 'teacher').executeTakeFirst();
  const at = core.clock.now().toISOString();
  const crypto = core.fieldCrypto;
  const rows: NetworkPeopleTable[] = [];
  for (const [c, center] of centers.entries()) {
    for (const [s, staff] of CENTER_STAFF.entries()) {
      const n = c * CENTER_STAFF.length + s;
      const name = SURNAMES[(n * 7) % SURNAMES.length] + GIVEN_NAMES[(n * 5 + c) % GIVEN_NAMES.length];
      const phone = `139${String(52000000 + n * 4813).padStart(8, '0')}`;
      // Volunteers often give no ID number: the column is optional.
      const idNumber = staff.employment === 'volunteer' ? null : demoIdNumber(n + 1);
      rows.push({
        id: newId(), institution_id: center.id, user_id: c === 0 && s === 1 ? teacher?.id ?? null : null, name, ...staff,
        phone_enc: crypto.encrypt(phone), phone_hash: crypto.lookupHash(phone),
        id_number_enc: idNumber ? crypto.encrypt(idNumber) : null, id_number_hash: idNumber ? crypto.lookupHash(idNumber) : null,
        status: 'active', left_at: null, version: 1, created_at: at, updated_at: at,
      });
    }
  }
  if (rows.length > 0) await db.insertInto('network_people').values(rows).execute();
}
