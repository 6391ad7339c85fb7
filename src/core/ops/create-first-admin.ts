import type { CoreContext } from '../context.js';
import { newUserRow } from '../users/new-user-row.js';
import type { Role, ScopeType } from '../access/roles.js';
import { ROLE_SCOPE_TYPES, isRole } from '../access/roles.js';
import { newId } from '../ids.js';
import { hashPassword } from '../auth/password-hash.js';
import { appendAudit } from '../audit/audit-log.js';
import { cityRegion, resolveScope } from '../regions/region-repository.js';
import { USERNAME_PATTERN, generateOneTimePassword, normalizeUsername } from '../users/user-fields.js';

export interface CliUserInput { username: string; displayName?: string; role: string; scopeType?: ScopeType; scopeId?: string }

/**
 * The operator's way to make an account (the first city admin above all): a random one-time password is
 * printed once and must be changed at first login. No account ever starts with a known password.
 */
export async function createUserFromCli(core: CoreContext, input: CliUserInput) {
  const username = normalizeUsername(input.username);
  if (!USERNAME_PATTERN.test(username)) throw new Error('username: 3–32 letters, digits, . _ -');
  if (!isRole(input.role) || input.role === 'resident') throw new Error(`unknown staff role ${input.role}`);
  const role: Role = input.role;
  const city = await cityRegion(core.db);
  if (!city) throw new Error('no city yet: run `init-city --code <6-digit code> --name <name>` first');
  const scopeType = input.scopeType ?? ROLE_SCOPE_TYPES[role][0];
  if (!ROLE_SCOPE_TYPES[role].includes(scopeType)) throw new Error(`role ${role} cannot have a ${scopeType} scope`);
  const scope = await resolveScope(core.db, scopeType, input.scopeId ?? city.id);
  if (!scope) throw new Error(`scope ${scopeType}:${input.scopeId} does not exist`);
  const password = generateOneTimePassword();
  const passwordHash = await hashPassword(password);
  const now = core.clock.now();
  const at = now.toISOString();
  const id = newId();
  await core.db.transaction().execute(async (trx) => {
    await trx.insertInto('users').values(newUserRow({
      id, username, display_name: input.displayName ?? username, kind: 'staff', password_hash: passwordHash,
      password_change_required: 1, home_scope_type: scope.type, home_scope_id: scope.id, home_path: scope.path,
    }, at)).execute();
    await trx.insertInto('role_assignments').values({ id: newId(), user_id: id, role, scope_type: scope.type, scope_id: scope.id, scope_path: scope.path, created_at: at }).execute();
    await appendAudit(trx, { actor: null, ip: null, requestId: 'cli' }, {
      action: 'user.create', targetType: 'user', targetId: id, actorOverride: { id: null, name: 'cli' },
      after: { username, roles: [`${role}@${scope.type}:${scope.id}`], via: 'cli' },
    }, now);
  });
  return { id, username, password };
}

export async function initCity(core: CoreContext, code: string, name: string, population?: number) {
  if (!/^\d{6}$/.test(code)) throw new Error('--code must be the 6-digit GB/T 2260 county code');
  if (await cityRegion(core.db)) throw new Error('a city already exists');
  const id = `${code}000000`;
  await core.db.insertInto('regions').values({ id, name, level: 'city', parent_id: null, path: `/${id}/`, population: population ?? null, sort: 0 }).execute();
  return id;
}
