import type { Role } from '../../src/core/access/roles.js';
import type { Client, TestApp } from './test-app.js';

/** The demo account that holds each role (see src/core/seed/seed-demo.ts). */
export const ROLE_USERS: Record<Role, string> = {
  city_admin: 'admin',
  town_admin: 'town',
  institution_admin: 'staff',
  teacher: 'teacher',
  editor: 'editor',
  reviewer: 'reviewer',
  employer: 'employer',
  inspector: 'inspector',
  auditor: 'auditor',
  resident: 'resident',
};

export const DEMO_CITY_ID = '329901000000';
/** 柳泉镇, the town of the demo accounts `town`, `staff` and `teacher`; towns 2…8 follow as 329901102000…329901108000. */
export const TOWN_IDS = Array.from({ length: 8 }, (_, i) => `3299011${String(i + 1).padStart(2, '0')}000`);
/** The town admins of towns 1…8. */
export const TOWN_ADMINS = ['town', 'town02', 'town03', 'town04', 'town05', 'town06', 'town07', 'town08'];

/** Logs each demo role in once (sequentially: logins hash passwords). */
export async function loginAll(t: TestApp, usernames: string[]): Promise<Record<string, Client>> {
  const clients: Record<string, Client> = {};
  for (const u of usernames) clients[u] = await t.login(u);
  return clients;
}

export async function userIdOf(t: TestApp, username: string): Promise<string> {
  const row = await t.app.database.db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirstOrThrow();
  return row.id;
}

/** The community education center (社区教育中心) of a demo town. */
export async function centerOf(t: TestApp, townId: string): Promise<{ id: string; path: string }> {
  return t.app.database.db.selectFrom('institutions').select(['id', 'path'])
    .where('region_id', '=', townId).where('kind', '=', 'community_education_center').executeTakeFirstOrThrow();
}
