// Encryption of personal fields at rest (PIPL 51, 等保 8.1.4.8), plus a keyed hash so
// encrypted columns can still be looked up by equality (e.g. "find user by phone").
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from 'node:crypto';

export interface FieldCrypto {
  /** `v1.<iv>.<ciphertext>.<tag>`, all base64url; a fresh random IV every call. */
  encrypt(plain: string): string;
  /** Verifies the GCM tag; throws FieldDecryptionError on any malformed or tampered token. */
  decrypt(token: string): string;
  /** HMAC-SHA256 hex of the value exactly as given: callers normalize first (trim, uppercase X, …). */
  lookupHash(plain: string): string;
}

export class FieldDecryptionError extends Error {
  constructor(message = 'field token is malformed or has been tampered with') {
    super(message);
    this.name = 'FieldDecryptionError';
  }
}

const KEY_MATERIAL_BYTES = 32;
const IV_BYTES = 12; // the GCM standard nonce size
const TAG_BYTES = 16;
const VERSION = 'v1';
// Distinct HKDF info strings give independent keys, so the lookup hash reveals nothing about the cipher key.
const HKDF_SALT = 'learning-city/field-crypto';
const ENCRYPTION_INFO = 'learning-city field-crypto v1 aes-256-gcm';
const LOOKUP_INFO = 'learning-city field-crypto v1 hmac-sha256 lookup';
// Binding the version as AAD means a token cannot be replayed under a future format's rules.
const AAD = Buffer.from(VERSION, 'utf8');
const BASE64URL = /^[A-Za-z0-9_-]*$/;

export function createFieldCrypto(keyMaterial: Buffer): FieldCrypto {
  if (!Buffer.isBuffer(keyMaterial) || keyMaterial.length !== KEY_MATERIAL_BYTES) {
    throw new RangeError(`field-crypto key material must be exactly ${KEY_MATERIAL_BYTES} bytes`);
  }
  const encryptionKey = deriveKey(keyMaterial, ENCRYPTION_INFO);
  const lookupKey = deriveKey(keyMaterial, LOOKUP_INFO);

  return {
    encrypt(plain) {
      const iv = randomBytes(IV_BYTES);
      const cipher = createCipheriv('aes-256-gcm', encryptionKey, iv, { authTagLength: TAG_BYTES });
      cipher.setAAD(AAD);
      const ciphertext = Buffer.concat([cipher.update(plain, 'utf8'), cipher.final()]);
      const tag = cipher.getAuthTag();
      return [VERSION, iv.toString('base64url'), ciphertext.toString('base64url'), tag.toString('base64url')].join('.');
    },

    decrypt(token) {
      const parts = token.split('.');
      if (parts.length !== 4 || parts[0] !== VERSION) throw new FieldDecryptionError();
      const iv = decodeStrictBase64url(parts[1]);
      const ciphertext = decodeStrictBase64url(parts[2]);
      const tag = decodeStrictBase64url(parts[3]);
      if (iv.length !== IV_BYTES || tag.length !== TAG_BYTES) throw new FieldDecryptionError();
      try {
        const decipher = createDecipheriv('aes-256-gcm', encryptionKey, iv, { authTagLength: TAG_BYTES });
        decipher.setAAD(AAD);
        decipher.setAuthTag(tag);
        return Buffer.concat([decipher.update(ciphertext), decipher.final()]).toString('utf8');
      } catch {
        throw new FieldDecryptionError();
      }
    },

    lookupHash(plain) {
      return createHmac('sha256', lookupKey).update(plain, 'utf8').digest('hex');
    },
  };
}

function deriveKey(keyMaterial: Buffer, info: string): Buffer {
  return Buffer.from(hkdfSync('sha256', keyMaterial, HKDF_SALT, info, 32));
}

/**
 * Node's base64url decoder silently skips bad characters and ignores spare trailing bits, so two
 * different strings can decode to the same bytes. Requiring the canonical encoding makes every
 * edit of a token detectable, not just the edits that happen to change the decoded bytes.
 */
function decodeStrictBase64url(text: string): Buffer {
  if (!BASE64URL.test(text)) throw new FieldDecryptionError();
  const bytes = Buffer.from(text, 'base64url');
  if (bytes.toString('base64url') !== text) throw new FieldDecryptionError();
  return bytes;
}
