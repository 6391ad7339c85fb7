import { describe, expect, it } from 'vitest';
import { chinaToday, homeRegionIds, isAcceptableBirthDate } from './resident-profile.js';

describe('isAcceptableBirthDate', () => {
  const today = '2026-03-15';
  it('takes real calendar dates from 1900 up to today', () => {
    expect(isAcceptableBirthDate('1958-06-01', today)).toBe(true);
    expect(isAcceptableBirthDate('2000-02-29', today)).toBe(true);
    expect(isAcceptableBirthDate('1900-01-01', today)).toBe(true);
    expect(isAcceptableBirthDate('2026-03-15', today)).toBe(true);
  });

  it.each(['1958-02-30', '1900-02-29', '2026-03-16', '1899-12-31', '1958-6-1', '19580601', '1958-13-01', '', 'soon'])(
    'refuses %j', (value) => {
      expect(isAcceptableBirthDate(value, today)).toBe(false);
    });
});

describe('chinaToday', () => {
  it('is the date in China, eight hours ahead of UTC', () => {
    expect(chinaToday(new Date('2026-03-15T15:59:59Z'))).toBe('2026-03-15');
    expect(chinaToday(new Date('2026-03-15T16:00:00Z'))).toBe('2026-03-16');
  });
});

describe('homeRegionIds', () => {
  it('lists the town and village below the city, and nothing for the city itself', () => {
    expect(homeRegionIds('/329901000000/')).toEqual([]);
    expect(homeRegionIds('/329901000000/329901101000/')).toEqual(['329901101000']);
    expect(homeRegionIds('/329901000000/329901101000/329901101001/')).toEqual(['329901101000', '329901101001']);
  });

  it('takes at most two levels, so an institution below a village adds nothing', () => {
    expect(homeRegionIds('/329901000000/329901101000/329901101001/01HX/')).toEqual(['329901101000', '329901101001']);
  });
});
