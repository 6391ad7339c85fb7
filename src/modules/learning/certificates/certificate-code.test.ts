import { describe, expect, it } from 'vitest';
import { certificateNumber, CODE_LENGTH, newCertificateCode, normalizeCode } from './certificate-code.js';

describe('certificate codes and numbers', () => {
  it('makes 16-character base32 codes that differ every time', () => {
    const codes = new Set(Array.from({ length: 1000 }, newCertificateCode));
    expect(codes.size).toBe(1000);
    for (const code of codes) expect(code).toMatch(new RegExp(`^[0-9A-HJKMNP-TV-Z]{${CODE_LENGTH}}$`));
  });

  it('folds case and look-alike letters of a typed code and refuses anything else', () => {
    const code = newCertificateCode();
    expect(normalizeCode(` ${code.toLowerCase()} `)).toBe(code);
    expect(normalizeCode('O1234567890ABCDE')).toBe('01234567890ABCDE');
    expect(normalizeCode('short')).toBeNull();
    expect(normalizeCode('U234567890ABCDEF')).toBeNull();
  });

  it('numbers certificates per institution and year with six digits', () => {
    const n = certificateNumber('inst-1', 2026, 123);
    expect(n).toMatch(/^[A-Z]{4}-2026-000123$/);
    expect(certificateNumber('inst-1', 2027, 1).slice(0, 4)).toBe(n.slice(0, 4));
  });
});
