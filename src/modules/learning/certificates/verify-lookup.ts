import type { CoreContext } from '../../../core/context.js';
import { attendanceDb } from '../attendance/attendance-schema.js';
import { awardByCode, presentAward } from '../credits/award-view.js';
import { creditDb } from '../credits/credit-schema.js';
import { normalizeCode } from './certificate-code.js';
import { certificateByCode, presentCertificate } from './certificate-queries.js';
import { allowVerifyLookup } from './verify-limiter.js';

/**
 * One public look-up for every kind of printed certificate — a class's certificate or a credit-bank award: counted
 * against the address's limit first (malformed and unknown codes count too, so guessing costs the same as checking),
 * then the document as anyone may see it, or null for every kind of miss. Both kinds are looked up for every
 * well-formed code, so the work does not depend on which kind (if any) the code names.
 */
export async function verifyLookup(core: CoreContext, ip: string | null, input: string) {
  if (!allowVerifyLookup(core, ip)) return 'limited' as const;
  const code = normalizeCode(input);
  if (!code) return null;
  const [cert, award] = await Promise.all([certificateByCode(attendanceDb(core), code), awardByCode(creditDb(core), code)]);
  if (cert) {
    const { number, holderName, classTitle, courseTitle, hours, credits, institutionName, issuedAt, revokedAt, valid } = presentCertificate(cert, { masked: true });
    return { kind: 'certificate' as const, number, holderName, classTitle, courseTitle, hours, credits, institutionName, issuedAt, revokedAt, valid };
  }
  if (award) {
    const { number, holderName, title, category, creditsRequired, credits, issuerName, issuedAt, revokedAt, valid } = presentAward(award, { masked: true });
    return { kind: 'award' as const, number, holderName, title, category, creditsRequired, credits, issuerName, issuedAt, revokedAt, valid };
  }
  return null;
}

export type Verified = NonNullable<Exclude<Awaited<ReturnType<typeof verifyLookup>>, 'limited'>>;
