import type { CreditMessageId } from './zh-CN.js';

/** The credit bank, English; typed against zh-CN so a missing key fails the build. */
export const creditEn: Record<CreditMessageId, string> = {
  'learning.credit.rule.not_found': 'The conversion rule does not exist.',
  'learning.credit.rule.stale': 'Someone else changed the rule (now version {version}); reload and try again.',
  'learning.credit.rule.name_taken': 'A rule with this name exists already.',
  'learning.credit.awarded.title': 'You have earned the {title}',
  'learning.credit.awarded.body': 'Your credits have reached {credits}: you have earned the "{title}" (number {number}). See it in your learning record.',
  'learning.credit.category.any': 'All categories',
  'learning.credit.source.class': 'Class completed',
  'learning.credit.source.online': 'Online course',
  'learning.credit.source.revocation': 'Certificate revoked: credits taken back',
  'learning.credit.source.conversion': 'Credit transfer',
  'learning.credit.award.not_found': 'Credit-bank certificate not found.',
  'learning.credit.award.mine': 'Credit-bank certificates',
  'learning.credit.award.title': 'Certificate',
  'learning.credit.award.rule': 'Conversion rule',
  'learning.credit.award.rule_value': '{required} credits in {category}',
  'learning.credit.award.credits': 'Credits counted',
  'learning.credit.award.issuer': '{city} Credit Bank',
  'learning.credit.award.body': 'By {date}, {name} had earned {credits} credits ({category}) in the {issuer}, meeting the conversion rule of {required} credits. This certificate is awarded.',
  'learning.credit.source.manual': 'Recorded by staff',
};
