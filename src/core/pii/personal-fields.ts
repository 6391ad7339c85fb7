// The ONE place that declares which columns hold personal information (PIPL 51: classify the data).
// Schema code, exports, privacy export/delete and audit logging all read from this registry.
import { maskBirthDate, maskEmail, maskIdNumber, maskName, maskPhone } from './mask.js';

export type PersonalFieldKind = 'phone' | 'id_number' | 'name' | 'birth_date' | 'email';
/** `sensitive` = 敏感个人信息 (GB/T 35273 Annex B); `personal` = ordinary 个人信息. */
export type Sensitivity = 'personal' | 'sensitive';
/** `encrypted+hash`: AES-GCM ciphertext column plus an HMAC lookup column (see field-crypto.ts). */
export type StorageMode = 'plain' | 'encrypted+hash';

export interface PersonalFieldSpec {
  readonly kind: PersonalFieldKind;
  readonly sensitivity: Sensitivity;
  readonly storage: StorageMode;
}

/** Keyed by `table.column`. */
export const personalFields = {
  'users.phone': { kind: 'phone', sensitivity: 'personal', storage: 'encrypted+hash' },
  'users.id_number': { kind: 'id_number', sensitivity: 'sensitive', storage: 'encrypted+hash' },
  'users.real_name': { kind: 'name', sensitivity: 'personal', storage: 'plain' },
  'users.birth_date': { kind: 'birth_date', sensitivity: 'personal', storage: 'plain' },
  // Staff and teachers of network institutions (src/modules/network/people/), stored like the user columns.
  'network_people.phone': { kind: 'phone', sensitivity: 'personal', storage: 'encrypted+hash' },
  'network_people.id_number': { kind: 'id_number', sensitivity: 'sensitive', storage: 'encrypted+hash' },
  'network_people.name': { kind: 'name', sensitivity: 'personal', storage: 'plain' },
  // The name printed on a learning certificate (src/modules/learning/certificates/), kept as issued.
  'learning_certificates.holder_name': { kind: 'name', sensitivity: 'personal', storage: 'plain' },
} as const satisfies Record<`${string}.${string}`, PersonalFieldSpec>;

export type PersonalFieldName = keyof typeof personalFields;

export function isPersonalField(column: string): column is PersonalFieldName {
  return Object.prototype.hasOwnProperty.call(personalFields, column);
}

const maskers: Record<PersonalFieldKind, (value: string) => string> = {
  phone: maskPhone,
  id_number: maskIdNumber,
  name: maskName,
  birth_date: maskBirthDate,
  email: maskEmail,
};

/** Mask a value by its declared kind; null/undefined pass through as null. */
export function maskFor(kind: PersonalFieldKind, value: string): string;
export function maskFor(kind: PersonalFieldKind, value: string | null | undefined): string | null;
export function maskFor(kind: PersonalFieldKind, value: string | null | undefined): string | null {
  if (value == null) return null;
  return maskers[kind](value);
}

export const REDACTED = '[redacted]';

// Audit keys are compared after lowercasing and dropping `_`/`-`, so `id_number` and `idNumber` agree.
// A Map, not an object literal, so keys like `constructor` never hit Object.prototype.
const AUDIT_KEY_KINDS: ReadonlyMap<string, PersonalFieldKind> = new Map([
  ['phone', 'phone'],
  ['mobile', 'phone'],
  ['idnumber', 'id_number'],
  ['realname', 'name'],
  ['birthdate', 'birth_date'],
  ['email', 'email'],
]);
// Substring match on purpose: `newPassword`, `passwordHash`, `totpSecret` and `accessToken` must all go.
const SECRET_KEY_FRAGMENTS = ['password', 'passwd', 'secret', 'token'] as const;
const MAX_AUDIT_DEPTH = 16;

/**
 * A copy of `record` that is safe to write to the audit log: personal values masked, secrets replaced
 * by `[redacted]`, nested objects and arrays (e.g. `before`/`after` snapshots) handled too.
 */
export function maskRecordForAudit(record: Record<string, unknown>): Record<string, unknown> {
  return maskObject(record, 0, new WeakSet());
}

// `ancestors` holds only the objects on the current path, so a shared (non-cyclic) sub-object is masked each time.
function maskObject(record: Record<string, unknown>, depth: number, ancestors: WeakSet<object>): Record<string, unknown> {
  ancestors.add(record);
  const result: Record<string, unknown> = {};
  for (const [key, value] of Object.entries(record)) {
    // defineProperty so a hostile `__proto__` key stays a plain data key in the copy.
    Object.defineProperty(result, key, {
      value: maskEntry(key, value, depth, ancestors),
      enumerable: true,
      writable: true,
      configurable: true,
    });
  }
  ancestors.delete(record);
  return result;
}

function maskEntry(key: string, value: unknown, depth: number, ancestors: WeakSet<object>): unknown {
  const normalizedKey = key.toLowerCase().replace(/[_-]/g, '');
  if (SECRET_KEY_FRAGMENTS.some((fragment) => normalizedKey.includes(fragment))) {
    return value == null ? value : REDACTED;
  }
  const kind = AUDIT_KEY_KINDS.get(normalizedKey);
  if (kind !== undefined) {
    if (value == null) return value;
    if (typeof value === 'string' || typeof value === 'number') return maskFor(kind, String(value));
    return REDACTED; // a structured value under a personal key: we cannot mask it meaningfully
  }
  return maskNested(value, depth + 1, ancestors);
}

function maskNested(value: unknown, depth: number, ancestors: WeakSet<object>): unknown {
  if (value === null || typeof value !== 'object') return value;
  if (ancestors.has(value) || depth > MAX_AUDIT_DEPTH) return REDACTED; // cycles or absurd depth: fail closed
  if (Array.isArray(value)) {
    ancestors.add(value);
    const masked = value.map((item) => maskNested(item, depth + 1, ancestors));
    ancestors.delete(value);
    return masked;
  }
  if (isPlainObject(value)) return maskObject(value, depth, ancestors);
  return value; // Dates and other class instances carry no personal keys of their own
}

function isPlainObject(value: object): value is Record<string, unknown> {
  const proto = Object.getPrototypeOf(value);
  return proto === Object.prototype || proto === null;
}
