import type { Kysely, Transaction } from 'kysely';
import type { Database, UsersTable } from '../db/schema.js';
import { pathUnder } from '../access/scope.js';
import { sql } from 'kysely';
import { containsText, startsWith } from '../db/text-match.js';

type Db = Kysely<Database> | Transaction<Database>;
export type UserRow = UsersTable;

export async function findUserById(db: Db, id: string): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function findUserByLogin(db: Db, username: string, phoneHash: string | null): Promise<UserRow | undefined> {
  return db.selectFrom('users').selectAll()
    .where((eb) => phoneHash ? eb.or([eb('username', '=', username), eb('phone_hash', '=', phoneHash)]) : eb('username', '=', username))
    .executeTakeFirst();
}

export interface UserListFilter {
  scopePaths: string[];
  q?: string;
  role?: string;
  status?: 'active' | 'disabled' | 'locked';
  regionPath?: string;
  nowIso: string;
}

function applyFilter(db: Db, f: UserListFilter) {
  return db.selectFrom('users')
    .where(pathUnder(sql.ref('users.home_path'), f.scopePaths))
    .$if(Boolean(f.q), (q) => q.where((eb) => eb.or([containsText(sql.ref('users.username'), f.q!), containsText(sql.ref('users.display_name'), f.q!)])))
    .$if(Boolean(f.role), (q) => q.where((eb) => eb.exists(
      eb.selectFrom('role_assignments').select('role_assignments.id')
        .whereRef('role_assignments.user_id', '=', 'users.id').where('role_assignments.role', '=', f.role!))))
    .$if(f.status === 'active', (q) => q.where('users.status', '=', 'active')
      .where((eb) => eb.or([eb('users.locked_until', 'is', null), eb('users.locked_until', '<=', f.nowIso)])))
    .$if(f.status === 'disabled', (q) => q.where('users.status', '=', 'disabled'))
    .$if(f.status === 'locked', (q) => q.where('users.locked_until', '>', f.nowIso))
    .$if(Boolean(f.regionPath), (q) => q.where(startsWith(sql.ref('users.home_path'), f.regionPath!)));
}

export async function listUsers(db: Db, f: UserListFilter, page: { offset: number; pageSize: number }) {
  const [rows, count] = await Promise.all([
    applyFilter(db, f).selectAll('users').orderBy('users.created_at', 'desc').orderBy('users.id')
      .limit(page.pageSize).offset(page.offset).execute(),
    applyFilter(db, f).select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

export async function countUsersByRole(db: Db, scopePaths: string[]) {
  return db.selectFrom('role_assignments').innerJoin('users', 'users.id', 'role_assignments.user_id')
    .where(pathUnder(sql.ref('users.home_path'), scopePaths))
    .select(['role_assignments.role as role', (eb) => eb.fn.count<number>('users.id').distinct().as('count')])
    .groupBy('role_assignments.role').execute();
}

export async function grantsOfUsers(db: Db, userIds: string[]) {
  if (userIds.length === 0) return [];
  return db.selectFrom('role_assignments').select(['user_id', 'role', 'scope_type', 'scope_id', 'scope_path'])
    .where('user_id', 'in', userIds).orderBy('created_at').execute();
}
