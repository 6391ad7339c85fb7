import type { CoreContext } from '../../../core/context.js';
import { newId } from '../../../core/ids.js';
import { partnerDb, type PartnerType, type ContributionKind, type NetworkCommitteeMembersTable, type NetworkPartnerAgreementsTable,
  type NetworkPartnerContributionsTable, type NetworkPartnerInstitutionsTable, type NetworkPartnersTable } from './partner-schema.js';
import { shanghaiDate } from './partner-rules.js';

interface DemoPartner { name: string; type: PartnerType; contact: string; phone: string; description: string;
  gifts: Array<[ContributionKind, number, string]> }

// Invented names. `{town}` becomes the town's name.
const PARTNERS: DemoPartner[] = [
  { name: '{town}志愿者协会', type: 'ngo', contact: '江晓岚', phone: '0573-86120001', description: '组织志愿者讲师开展周末课堂。',
    gifts: [['teachers', 6, '志愿者讲师'], ['venue', 1, '协会活动室']] },
  { name: '{town}供电所', type: 'stationed_unit', contact: '钱立新', phone: '0573-86120002', description: '驻地单位，提供安全用电讲座。',
    gifts: [['teachers', 2, '安全用电讲师'], ['equipment', 12, '投影与音响设备']] },
  { name: '{town}禾丰农业合作社', type: 'employer', contact: '孙雨禾', phone: '0573-86120003', description: '新型职业农民实训基地。',
    gifts: [['money', 20000, '年度培训经费'], ['venue', 2, '实训大棚']] },
];
const COMMITTEE: Array<[string, string]> = [
  ['镇党委宣传办', '主任委员'], ['镇社区教育中心', '副主任委员'], ['镇中心小学', '委员'], ['镇卫生院', '委员'], ['镇文化站', '委员'],
];
const CONTACTS = ['林清和', '周若溪', '陈一鸣', '许安然', '沈知远'];

function shiftDays(date: string, days: number): string {
  return new Date(Date.parse(`${date}T00:00:00Z`) + days * 86_400_000).toISOString().slice(0, 10);
}

/**
 * Partners and committees for the first three demo towns, with agreements dated around today so the list shows
 * one current, one about to expire and one expired agreement. One multi-row insert per table: fast.
 */
export async function seedDemoPartners(core: CoreContext): Promise<void> {
  const db = partnerDb(core);
  if (await db.selectFrom('network_partners').select('id').limit(1).executeTakeFirst()) return;
  const now = core.clock.now();
  const at = now.toISOString();
  const today = shanghaiDate(now);
  const year = Number(today.slice(0, 4));
  const towns = await db.selectFrom('regions').select(['id', 'name', 'path']).where('level', '=', 'town').orderBy('sort').limit(3).execute();
  const centers = await db.selectFrom('institutions').select(['id', 'region_id']).where('kind', '=', 'community_education_center').execute();
  const partners: NetworkPartnersTable[] = [];
  const gifts: NetworkPartnerContributionsTable[] = [];
  const agreements: NetworkPartnerAgreementsTable[] = [];
  const links: NetworkPartnerInstitutionsTable[] = [];
  const members: NetworkCommitteeMembersTable[] = [];
  for (const [t, town] of towns.entries()) {
    for (const [p, demo] of PARTNERS.entries()) {
      const id = newId();
      partners.push({ id, name: demo.name.replace('{town}', town.name), type: demo.type, region_id: town.id, path: town.path,
        contact_name: demo.contact, contact_phone: demo.phone, description: demo.description, status: 'active' as const, version: 1, created_at: at, updated_at: at });
      for (const [kind, amount, description] of demo.gifts) {
        gifts.push({ id: newId(), partner_id: id, kind, amount, description, year, created_at: at });
      }
      // Ends in 400, 30 or -20 days: current, expiring, expired.
      const ends = shiftDays(today, [400, 30, -20][(t + p) % 3]);
      const starts = shiftDays(ends, -730);
      agreements.push({ id: newId(), partner_id: id, title: '社区教育共建协议', signed_on: shiftDays(starts, -10), valid_from: starts,
        valid_until: ends, notes: '', created_at: at });
      const center = centers.find((c) => c.region_id === town.id);
      if (center) links.push({ partner_id: id, institution_id: center.id });
    }
    for (const [m, [department, position]] of COMMITTEE.entries()) {
      members.push({ id: newId(), region_id: town.id, department, contact_name: CONTACTS[(m + t) % CONTACTS.length], position,
        phone: `0573-8613${String(t).padStart(2, '0')}${String(m).padStart(2, '0')}`, sort: (m + 1) * 10 });
    }
  }
  if (partners.length === 0) return;
  await db.transaction().execute(async (trx) => {
    await trx.insertInto('network_partners').values(partners).execute();
    await trx.insertInto('network_partner_contributions').values(gifts).execute();
    await trx.insertInto('network_partner_agreements').values(agreements).execute();
    if (links.length > 0) await trx.insertInto('network_partner_institutions').values(links).execute();
    await trx.insertInto('network_committee_members').values(members).execute();
  });
}
