// A person's own profile fields (real name, ID number, birth date, where they live): the rules shared by
// sign-up and by editing one's own profile. Residents' age comes from the birth date, and what a town's
// classes and surveys may reach comes from the home region, so both are checked here in one place.
import type { Kysely, Transaction } from 'kysely';
import type { Database, UsersTable } from '../db/schema.js';
import type { FieldCrypto } from '../pii/field-crypto.js';
import { normalizeIdNumber, validateIdNumber } from '../pii/id-number.js';
import { AppError, invalid, type FieldError } from '../http/errors.js';
import { formatZhDateTime } from '../time.js';
import { protectIdNumber } from './personal-id.js';

type Db = Kysely<Database> | Transaction<Database>;

/** What a person may state about themselves. undefined keeps the stored value; null or '' clears it. */
export interface ProfileInput {
  realName?: string | null;
  idNumber?: string | null;
  birthDate?: string | null;
  homeTownId?: string | null;
  homeVillageId?: string | null;
}

export type HomeColumns = Pick<UsersTable, 'home_scope_type' | 'home_scope_id' | 'home_path'>;

/** The profile as stored now; a new account starts from nothing and lives in the whole city. */
export interface StoredProfile {
  userId: string | null;
  realName: string | null;
  /** The plain ID number (decrypted), or null. */
  idNumber: string | null;
  birthDate: string | null;
  home: HomeColumns;
}

export type ProfileColumns = Partial<Pick<UsersTable, 'real_name' | 'id_number_enc' | 'id_number_hash' | 'birth_date'> & HomeColumns>;

export interface ProfilePlan {
  /** Only the columns that change. */
  columns: ProfileColumns;
  /** True when the ID number is set, replaced or removed (which needs the current password on an existing account). */
  idNumberChanged: boolean;
  /** For the audit log (the log masks ID numbers and birth dates itself). */
  before: Record<string, unknown>;
  after: Record<string, unknown>;
}

const EARLIEST_BIRTH_DATE = '1900-01-01';
const DATE_SHAPE = /^(\d{4})-(\d{2})-(\d{2})$/;

/** Today's calendar date in China, the date a birth date must not be after. */
export function chinaToday(now: Date): string {
  return formatZhDateTime(now).slice(0, 10);
}

/** A self-declared birth date: a real calendar date written YYYY-MM-DD, from 1900 up to today. */
export function isAcceptableBirthDate(value: string, today: string): boolean {
  const match = DATE_SHAPE.exec(value);
  if (!match) return false;
  const [year, month, day] = [Number(match[1]), Number(match[2]), Number(match[3])];
  // Date.UTC rolls 02-30 over into March; a real date survives the round trip unchanged.
  const date = new Date(Date.UTC(year, month - 1, day));
  const real = date.getUTCFullYear() === year && date.getUTCMonth() === month - 1 && date.getUTCDate() === day;
  return real && value >= EARLIEST_BIRTH_DATE && value <= today;
}

/** The ids on a home path below the city: [town] or [town, village] for a region home, [] for the city. */
export function homeRegionIds(homePath: string): string[] {
  return homePath.split('/').filter(Boolean).slice(1, 3);
}

const blank = (value: string | null | undefined) => value === null || (value !== undefined && value.trim() === '');

/**
 * Where the person lives, from the town and village they picked: the village when there is one (it must lie
 * in the town), else the town, else the whole city. Field errors are added to `errors`.
 */
export async function resolveHome(db: Db, townId: string | null, villageId: string | null, errors: FieldError[]): Promise<HomeColumns | null> {
  const ids = [townId, villageId].filter((id): id is string => id !== null);
  const rows = ids.length > 0
    ? await db.selectFrom('regions').select(['id', 'level', 'parent_id', 'path']).where('id', 'in', ids).execute()
    : [];
  const town = townId === null ? null : rows.find((r) => r.id === townId && r.level === 'town');
  const village = villageId === null ? null : rows.find((r) => r.id === villageId && r.level === 'village');
  if (town === undefined) errors.push({ field: 'homeTownId', code: 'unknown', messageId: 'user.profile.town_unknown' });
  if (village === undefined) errors.push({ field: 'homeVillageId', code: 'unknown', messageId: 'user.profile.village_unknown' });
  if (town === undefined || village === undefined) return null;
  if (town && village && village.parent_id !== town.id) {
    errors.push({ field: 'homeVillageId', code: 'not_in_town', messageId: 'user.profile.village_not_in_town' });
    return null;
  }
  const place = village ?? town;
  if (place) return { home_scope_type: 'region', home_scope_id: place.id, home_path: place.path };
  const city = await db.selectFrom('regions').select(['id', 'path']).where('level', '=', 'city').orderBy('path').executeTakeFirst();
  if (!city) throw new AppError(409, 'auth.register_closed');
  return { home_scope_type: 'city', home_scope_id: city.id, home_path: city.path };
}

/**
 * Checks a profile change and works out the columns it writes. Every problem is reported at once as a 400 with
 * field errors; nothing is written here. The ID number follows GB 11643 and must not belong to another account;
 * when there is one, the birth date is the one it encodes (a different declared date is an error).
 * `homeEditable` is false for staff: their home scope is their first role's and decides who manages them.
 */
export async function planProfile(db: Db, crypto: FieldCrypto, stored: StoredProfile, input: ProfileInput,
  options: { now: Date; homeEditable: boolean }): Promise<ProfilePlan> {
  const errors: FieldError[] = [];
  const plan: ProfilePlan = { columns: {}, idNumberChanged: false, before: {}, after: {} };
  const change = <K extends keyof ProfileColumns>(column: K, key: string, from: unknown, to: ProfileColumns[K], shown: unknown = to) => {
    plan.columns[column] = to;
    plan.before[key] = from;
    plan.after[key] = shown;
  };

  if (input.realName !== undefined) {
    const realName = blank(input.realName) ? null : input.realName!.trim();
    if (realName !== stored.realName) change('real_name', 'realName', stored.realName, realName);
  }

  let idNumber = stored.idNumber;
  if (input.idNumber !== undefined) {
    const wanted = blank(input.idNumber) ? null : normalizeIdNumber(input.idNumber!);
    if (wanted !== stored.idNumber) {
      try {
        const protectedId = await protectIdNumber(db, crypto, wanted, 'idNumber', stored.userId, options.now);
        idNumber = protectedId.plain;
        plan.idNumberChanged = true;
        change('id_number_enc', 'idNumber', stored.idNumber, protectedId.id_number_enc, protectedId.plain);
        plan.columns.id_number_hash = protectedId.id_number_hash;
      } catch (error) {
        if (!(error instanceof AppError) || !error.fieldErrors) throw error;
        errors.push(...error.fieldErrors);
        idNumber = null;
      }
    }
  }

  const declared = blank(input.birthDate) ? null : input.birthDate?.trim();
  let birthDate: string | null | undefined;
  if (idNumber !== null) {
    const fromId = validateIdNumber(idNumber, options.now);
    birthDate = fromId.ok ? fromId.birthDate : stored.birthDate;
    if (declared && declared !== birthDate) errors.push({ field: 'birthDate', code: 'mismatch', messageId: 'user.profile.birth_date_mismatch' });
  } else if (declared) {
    if (isAcceptableBirthDate(declared, chinaToday(options.now))) birthDate = declared;
    else errors.push({ field: 'birthDate', code: 'format', messageId: 'user.profile.birth_date_invalid' });
  } else if (input.birthDate !== undefined || plan.idNumberChanged) {
    // Cleared on purpose, or the ID number it came from was removed.
    birthDate = null;
  }
  if (birthDate !== undefined && birthDate !== stored.birthDate) change('birth_date', 'birthDate', stored.birthDate, birthDate);

  if (input.homeTownId !== undefined || input.homeVillageId !== undefined) {
    const townId = blank(input.homeTownId) ? null : input.homeTownId?.trim() ?? null;
    const villageId = blank(input.homeVillageId) ? null : input.homeVillageId?.trim() ?? null;
    if (!options.homeEditable) {
      errors.push({ field: 'homeTownId', code: 'staff', messageId: 'user.profile.home_staff' });
    } else {
      const home = await resolveHome(db, townId, villageId, errors);
      if (home && home.home_scope_id !== stored.home.home_scope_id) {
        change('home_scope_id', 'home', stored.home.home_scope_id, home.home_scope_id);
        plan.columns.home_scope_type = home.home_scope_type;
        plan.columns.home_path = home.home_path;
      }
    }
  }

  if (errors.length > 0) throw invalid(errors);
  return plan;
}
