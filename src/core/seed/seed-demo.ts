import type { CoreContext } from '../context.js';
import { newUserRow } from '../users/new-user-row.js';
import { newId } from '../ids.js';
import { hashPassword } from '../auth/password-hash.js';
import type { Role, ScopeType } from '../access/roles.js';
import { COMMUNITY_WORDS, DEMO_CITY, DEMO_TOWNS, GIVEN_NAMES, SURNAMES, VILLAGE_WORDS } from './demo-names.js';

export const DEMO_PASSWORD = 'learning-city-demo';

interface DemoAccount { username: string; displayName: string; role: Role; scope: 'city' | 'town1' | 'center1' | 'employer1' | `town${number}`; phone?: string }

/** The demo accounts the README lists; all share DEMO_PASSWORD and exist only in demo mode. */
export const DEMO_ACCOUNTS: DemoAccount[] = [
  { username: 'admin', displayName: '市教育局 管理员', role: 'city_admin', scope: 'city' },
  { username: 'town', displayName: '柳泉镇 社区教育中心 管理员', role: 'town_admin', scope: 'town1' },
  { username: 'staff', displayName: '柳泉镇社区教育中心 教务', role: 'institution_admin', scope: 'center1' },
  { username: 'teacher', displayName: '周雅琴 老师', role: 'teacher', scope: 'center1' },
  { username: 'editor', displayName: '市教育局 信息编辑', role: 'editor', scope: 'city' },
  { username: 'reviewer', displayName: '市教育局 审核员', role: 'reviewer', scope: 'city' },
  // Official documents need two review levels by two different people.
  { username: 'reviewer2', displayName: '市教育局 办公室 复核', role: 'reviewer', scope: 'city' },
  { username: 'employer', displayName: '青溪绿源食品有限公司 人事部', role: 'employer', scope: 'employer1' },
  { username: 'inspector', displayName: '市教育督导室 督学', role: 'inspector', scope: 'city' },
  { username: 'auditor', displayName: '市教育局 安全审计员', role: 'auditor', scope: 'city' },
  { username: 'resident', displayName: '王秀英', role: 'resident', scope: 'city', phone: '13905110021' },
];

function pick<T>(list: T[], i: number): T {
  return list[i % list.length];
}

/**
 * Fills an empty database with one invented county-level city: 8 towns with 5 communities/villages each,
 * a community education center per town and a citizen school per village, the demo accounts, more town
 * staff, and some residents. Does nothing when regions already exist.
 */
export async function seedDemo(core: CoreContext) {
  const { db } = core;
  if (await db.selectFrom('regions').select('id').limit(1).executeTakeFirst()) return;
  const at = core.clock.now().toISOString();
  const passwordHash = await hashPassword(DEMO_PASSWORD);
  const cityId = `${DEMO_CITY.code}000000`;
  const cityPath = `/${cityId}/`;

  await db.transaction().execute(async (trx) => {
    await trx.insertInto('regions').values({ id: cityId, name: DEMO_CITY.name, level: 'city', parent_id: null, path: cityPath, population: DEMO_CITY.population, sort: 0 }).execute();
    const scopes: Record<string, { type: ScopeType; id: string; path: string }> = { city: { type: 'city', id: cityId, path: cityPath } };
    for (const [t, town] of DEMO_TOWNS.entries()) {
      const townId = `${DEMO_CITY.code}${town.suffix}000`;
      const townPath = `${cityPath}${townId}/`;
      await trx.insertInto('regions').values({ id: townId, name: town.name, level: 'town', parent_id: cityId, path: townPath, population: town.population, sort: t }).execute();
      scopes[`town${t + 1}`] = { type: 'region', id: townId, path: townPath };
      const centerId = newId();
      await trx.insertInto('institutions').values({ id: centerId, name: `${town.name}社区教育中心`, kind: 'community_education_center', region_id: townId, path: `${townPath}${centerId}/`, status: 'active', created_at: at }).execute();
      if (t === 0) scopes.center1 = { type: 'institution', id: centerId, path: `${townPath}${centerId}/` };
      if (t === 0) {
        // A partner employer of the town: its account posts job openings for itself only.
        const employerId = newId();
        await trx.insertInto('institutions').values({ id: employerId, name: '青溪绿源食品有限公司', kind: 'employer', region_id: townId, path: `${townPath}${employerId}/`, status: 'active', created_at: at }).execute();
        scopes.employer1 = { type: 'institution', id: employerId, path: `${townPath}${employerId}/` };
      }
      const seniorsId = newId();
      await trx.insertInto('institutions').values({ id: seniorsId, name: `${town.name}老年学校`, kind: 'seniors_school', region_id: townId, path: `${townPath}${seniorsId}/`, status: 'active', created_at: at }).execute();
      for (let v = 0; v < 5; v++) {
        const community = v < 2;
        const villageId = `${DEMO_CITY.code}${town.suffix}${community ? String(v + 1).padStart(3, '0') : String(200 + v - 1)}`;
        const name = community ? `${pick(COMMUNITY_WORDS, t * 2 + v)}社区` : `${pick(VILLAGE_WORDS, t * 3 + v - 2)}村`;
        const villagePath = `${townPath}${villageId}/`;
        await trx.insertInto('regions').values({ id: villageId, name, level: 'village', parent_id: townId, path: villagePath, population: 2000 + ((t * 5 + v) * 733) % 4000, sort: v }).execute();
        const schoolId = newId();
        await trx.insertInto('institutions').values({ id: schoolId, name: `${name}市民学校`, kind: 'citizen_school', region_id: villageId, path: `${villagePath}${schoolId}/`, status: 'active', created_at: at }).execute();
      }
    }

    const accounts: DemoAccount[] = [...DEMO_ACCOUNTS];
    for (let t = 2; t <= DEMO_TOWNS.length; t++) {
      accounts.push({ username: `town${String(t).padStart(2, '0')}`, displayName: `${DEMO_TOWNS[t - 1].name} 管理员`, role: 'town_admin', scope: `town${t}` });
    }
    for (let i = 0; i < 24; i++) {
      const phone = `13${5 + (i % 5)}${String(51100000 + i * 7919).slice(0, 8)}`;
      accounts.push({ username: `resident${String(i + 1).padStart(2, '0')}`, displayName: `${pick(SURNAMES, i)}${pick(GIVEN_NAMES, i * 3)}`, role: 'resident', scope: 'city', phone });
    }
    for (const account of accounts) {
      const scope = scopes[account.scope];
      const id = newId();
      await trx.insertInto('users').values(newUserRow({
        id, username: account.username, display_name: account.displayName,
        kind: account.role === 'resident' ? 'resident' : 'staff', password_hash: passwordHash,
        phone_enc: account.phone ? core.fieldCrypto.encrypt(account.phone) : null,
        phone_hash: account.phone ? core.fieldCrypto.lookupHash(account.phone) : null,
        real_name: account.role === 'resident' ? account.displayName : null,
        home_scope_type: scope.type, home_scope_id: scope.id, home_path: scope.path,
      }, at)).execute();
      await trx.insertInto('role_assignments').values({ id: newId(), user_id: id, role: account.role, scope_type: scope.type, scope_id: scope.id, scope_path: scope.path, created_at: at }).execute();
    }
  });
}
