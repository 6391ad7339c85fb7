import { createHash, randomBytes } from 'node:crypto';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { createFieldCrypto, FieldDecryptionError } from './field-crypto.js';

const key = Buffer.alloc(32, 7);
const fieldCrypto = createFieldCrypto(key);

describe('createFieldCrypto', () => {
  it('refuses key material that is not 32 bytes', () => {
    expect(() => createFieldCrypto(Buffer.alloc(16))).toThrow(RangeError);
    expect(() => createFieldCrypto(Buffer.alloc(33))).toThrow(RangeError);
  });
});

describe('encrypt / decrypt', () => {
  it.each(['11010519491231002X', '13812341234', '张三丰', '', '😀 emoji and 𠀾'])('round-trips %j', (plain) => {
    expect(fieldCrypto.decrypt(fieldCrypto.encrypt(plain))).toBe(plain);
  });

  it('round-trips arbitrary strings (property)', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'grapheme', maxLength: 200 }), (plain) => {
        expect(fieldCrypto.decrypt(fieldCrypto.encrypt(plain))).toBe(plain);
      }),
    );
  });

  it('produces v1.<iv>.<ciphertext>.<tag> in base64url', () => {
    const token = fieldCrypto.encrypt('13812341234');
    expect(token).toMatch(/^v1\.[A-Za-z0-9_-]{16}\.[A-Za-z0-9_-]+\.[A-Za-z0-9_-]{22}$/);
  });

  it('gives a different token for each encryption of the same value', () => {
    const tokens = new Set(Array.from({ length: 50 }, () => fieldCrypto.encrypt('11010519491231002X')));
    expect(tokens.size).toBe(50);
  });

  it('does not contain the plaintext in any readable form', () => {
    const plain = '11010519491231002X';
    const token = fieldCrypto.encrypt(plain);
    expect(token).not.toContain(plain);
    expect(token).not.toContain(Buffer.from(plain).toString('base64url').slice(0, 12));
    expect(token).not.toContain(Buffer.from(plain).toString('hex').slice(0, 12));
  });

  it('detects a change to any single character of the token', () => {
    const token = fieldCrypto.encrypt('13812341234');
    for (let position = 0; position < token.length; position++) {
      if (token[position] === '.') continue;
      const replacement = token[position] === 'A' ? 'B' : 'A';
      const tampered = token.slice(0, position) + replacement + token.slice(position + 1);
      expect(() => fieldCrypto.decrypt(tampered), `position ${position}`).toThrow(FieldDecryptionError);
    }
  });

  it('detects swapped parts between two tokens', () => {
    const [, iv1, ct1, tag1] = fieldCrypto.encrypt('13812341234').split('.');
    const [, iv2, ct2, tag2] = fieldCrypto.encrypt('13912341234').split('.');
    expect(() => fieldCrypto.decrypt(['v1', iv1, ct2, tag2].join('.'))).toThrow(FieldDecryptionError);
    expect(() => fieldCrypto.decrypt(['v1', iv1, ct1, tag2].join('.'))).toThrow(FieldDecryptionError);
    expect(() => fieldCrypto.decrypt(['v1', iv2, ct1, tag1].join('.'))).toThrow(FieldDecryptionError);
  });

  it.each([
    ['empty', ''],
    ['wrong version', 'v2.AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA'],
    ['too few parts', 'v1.AAAAAAAAAAAAAAAA.AAAA'],
    ['too many parts', 'v1.AAAAAAAAAAAAAAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA.AA'],
    ['short iv', 'v1.AAAA.AAAA.AAAAAAAAAAAAAAAAAAAAAA'],
    ['short tag', 'v1.AAAAAAAAAAAAAAAA.AAAA.AAAA'],
    ['non-base64url chars', 'v1.AAAAAAAAAAAAAAA=.AAAA.AAAAAAAAAAAAAAAAAAAAAA'],
  ])('rejects a malformed token (%s)', (_label, token) => {
    expect(() => fieldCrypto.decrypt(token)).toThrow(FieldDecryptionError);
  });

  it('cannot be decrypted with another key', () => {
    const token = fieldCrypto.encrypt('13812341234');
    expect(() => createFieldCrypto(randomBytes(32)).decrypt(token)).toThrow(FieldDecryptionError);
  });
});

describe('lookupHash', () => {
  it('is a stable 64-char hex HMAC', () => {
    const hash = fieldCrypto.lookupHash('13812341234');
    expect(hash).toMatch(/^[0-9a-f]{64}$/);
    expect(fieldCrypto.lookupHash('13812341234')).toBe(hash);
    expect(createFieldCrypto(Buffer.alloc(32, 7)).lookupHash('13812341234')).toBe(hash);
  });

  it('depends on the key', () => {
    expect(createFieldCrypto(Buffer.alloc(32, 8)).lookupHash('13812341234')).not.toBe(fieldCrypto.lookupHash('13812341234'));
  });

  it('differs for different values and does not normalize on its own', () => {
    expect(fieldCrypto.lookupHash('13812341234')).not.toBe(fieldCrypto.lookupHash('13812341235'));
    expect(fieldCrypto.lookupHash('11010519491231002x')).not.toBe(fieldCrypto.lookupHash('11010519491231002X'));
  });

  it('is not a plain unkeyed SHA-256 of the value', () => {
    expect(fieldCrypto.lookupHash('13812341234')).not.toBe(createHash('sha256').update('13812341234').digest('hex'));
  });
});
