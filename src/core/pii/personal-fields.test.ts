import { describe, expect, it } from 'vitest';
import { findUnmaskedPersonalData } from './mask.js';
import { isPersonalField, maskFor, maskRecordForAudit, personalFields, REDACTED } from './personal-fields.js';

describe('personalFields registry', () => {
  it('declares the user columns with their kind, sensitivity and storage', () => {
    expect(personalFields['users.id_number']).toEqual({ kind: 'id_number', sensitivity: 'sensitive', storage: 'encrypted+hash' });
    expect(personalFields['users.phone']).toEqual({ kind: 'phone', sensitivity: 'personal', storage: 'encrypted+hash' });
    expect(personalFields['users.real_name'].storage).toBe('plain');
    expect(personalFields['users.birth_date'].kind).toBe('birth_date');
  });

  it('stores every sensitive field encrypted', () => {
    for (const spec of Object.values(personalFields)) {
      if (spec.sensitivity === 'sensitive') expect(spec.storage).toBe('encrypted+hash');
    }
  });

  it('names every entry as table.column', () => {
    for (const name of Object.keys(personalFields)) expect(name).toMatch(/^[a-z_]+\.[a-z_]+$/);
  });

  it('isPersonalField knows registered columns only', () => {
    expect(isPersonalField('users.phone')).toBe(true);
    expect(isPersonalField('users.username')).toBe(false);
    expect(isPersonalField('toString')).toBe(false);
  });
});

describe('maskFor', () => {
  it.each([
    ['phone', '13812341234', '138****1234'],
    ['id_number', '110105194912310021', '110***********0021'],
    ['name', '张三丰', '张**'],
    ['birth_date', '1949-12-31', '1949-**-**'],
    ['email', 'zhangsan@example.com', 'z***@example.com'],
  ] as const)('%s', (kind, value, expected) => {
    expect(maskFor(kind, value)).toBe(expected);
  });

  it('passes null and undefined through as null', () => {
    expect(maskFor('phone', null)).toBeNull();
    expect(maskFor('id_number', undefined)).toBeNull();
  });

  it('masks each registered column by its kind', () => {
    expect(maskFor(personalFields['users.phone'].kind, '13812341234')).toBe('138****1234');
  });
});

describe('maskRecordForAudit', () => {
  it('masks personal keys in camelCase and snake_case', () => {
    expect(
      maskRecordForAudit({
        userId: 42,
        phone: '13812341234',
        idNumber: '11010519491231002X',
        id_number: '110105194912310021',
        realName: '张三丰',
        real_name: '李四',
        birthDate: '1949-12-31',
        birth_date: '1950-01-01',
        email: 'zhangsan@example.com',
        courseName: '书法入门',
      }),
    ).toEqual({
      userId: 42,
      phone: '138****1234',
      idNumber: '110***********002X',
      id_number: '110***********0021',
      realName: '张**',
      real_name: '李*',
      birthDate: '1949-**-**',
      birth_date: '1950-**-**',
      email: 'z***@example.com',
      courseName: '书法入门',
    });
  });

  it('redacts passwords, secrets and tokens, whatever their value type', () => {
    expect(
      maskRecordForAudit({
        password: 'hunter2hunter2',
        passwordHash: '$argon2id$v=19$...',
        password_hash: '$argon2id$v=19$...',
        newPassword: 'x',
        secret: 'abc',
        totpSecret: 'JBSWY3DPEHPK3PXP',
        token: 'abc',
        tokenHash: 'def',
        accessToken: { value: 'abc' },
        sessionToken: ['a', 'b'],
      }),
    ).toEqual({
      password: REDACTED,
      passwordHash: REDACTED,
      password_hash: REDACTED,
      newPassword: REDACTED,
      secret: REDACTED,
      totpSecret: REDACTED,
      token: REDACTED,
      tokenHash: REDACTED,
      accessToken: REDACTED,
      sessionToken: REDACTED,
    });
  });

  it('keeps null and undefined as they are', () => {
    expect(maskRecordForAudit({ phone: null, password: undefined })).toEqual({ phone: null, password: undefined });
  });

  it('masks nested before/after snapshots and arrays', () => {
    const masked = maskRecordForAudit({
      action: 'user.update',
      before: { phone: '13812341234', roles: ['resident'] },
      after: { phone: '13912341234', password: 'new-secret' },
      members: [{ idNumber: '11010519491231002X' }, { realName: '王五' }],
    });
    expect(masked).toEqual({
      action: 'user.update',
      before: { phone: '138****1234', roles: ['resident'] },
      after: { phone: '139****1234', password: REDACTED },
      members: [{ idNumber: '110***********002X' }, { realName: '王*' }],
    });
    expect(findUnmaskedPersonalData(JSON.stringify(masked))).toEqual([]);
  });

  it('redacts structured values under a personal key and masks numeric phones', () => {
    expect(maskRecordForAudit({ phone: 13812341234, idNumber: { raw: '11010519491231002X' } })).toEqual({
      phone: '138****1234',
      idNumber: REDACTED,
    });
  });

  it('does not mutate its input', () => {
    const record = { phone: '13812341234', nested: { password: 'x' } };
    maskRecordForAudit(record);
    expect(record).toEqual({ phone: '13812341234', nested: { password: 'x' } });
  });

  it('survives cycles and keeps shared sub-objects masked', () => {
    const shared = { phone: '13812341234' };
    const record: Record<string, unknown> = { a: shared, b: shared };
    record.self = record;
    expect(maskRecordForAudit(record)).toEqual({
      a: { phone: '138****1234' },
      b: { phone: '138****1234' },
      self: REDACTED,
    });
  });

  it('treats prototype-ish keys as plain data', () => {
    const record = JSON.parse('{"__proto__": {"phone": "13812341234"}, "constructor": "x"}') as Record<string, unknown>;
    const masked = maskRecordForAudit(record);
    expect(Object.getPrototypeOf(masked)).toBe(Object.prototype);
    expect(Object.getOwnPropertyDescriptor(masked, '__proto__')?.value).toEqual({ phone: '138****1234' });
    expect(masked.constructor).toBe('x');
  });
});
