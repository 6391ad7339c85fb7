/** PIPL 28 and 31: personal information of a child under 14 needs a guardian's consent. */
export const GUARDIAN_CONSENT_AGE = 14;

/** Full years between a birth date and a day (both YYYY-MM-DD); the birthday itself counts as the new year. */
export function ageOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = day.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

export function needsGuardian(birthDate: string, today: string): boolean {
  return ageOn(birthDate, today) < GUARDIAN_CONSENT_AGE;
}

/**
 * The first day the person is 14 (YYYY-MM-DD): the birthday 14 years on, or 1 March when they were born on
 * 29 February and that year has none (the same rule ageOn follows).
 */
export function fourteenthBirthday(birthDate: string): string {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const year = by + GUARDIAN_CONSENT_AGE;
  const leap = (year % 4 === 0 && year % 100 !== 0) || year % 400 === 0;
  const [m, d] = bm === 2 && bd === 29 && !leap ? [3, 1] : [bm, bd];
  return `${year}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`;
}
