import type { CoreContext } from '../../../core/context.js';
import { attendanceDb } from '../attendance/attendance-schema.js';
import { normalizeCode } from './certificate-code.js';
import { certificateByCode, presentCertificate } from './certificate-queries.js';
import { allowVerifyLookup } from './verify-limiter.js';

/**
 * One public look-up: counted against the address's limit first (malformed and unknown codes count too, so guessing
 * costs the same as checking), then the certificate as anyone may see it, or null for every kind of miss.
 */
export async function verifyLookup(core: CoreContext, ip: string | null, input: string) {
  if (!allowVerifyLookup(core, ip)) return 'limited' as const;
  const code = normalizeCode(input);
  const cert = code ? await certificateByCode(attendanceDb(core), code) : undefined;
  if (!cert) return null;
  const { number, holderName, classTitle, courseTitle, hours, credits, institutionName, issuedAt, revokedAt, valid } = presentCertificate(cert, { masked: true });
  return { number, holderName, classTitle, courseTitle, hours, credits, institutionName, issuedAt, revokedAt, valid };
}
