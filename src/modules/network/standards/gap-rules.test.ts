import { describe, expect, it } from 'vitest';
import { assessIndicator, endOfShanghaiDay, isCalendarDate, nextLevel, shanghaiDate, standardInForce, type IndicatorDef } from './gap-rules.js';
import { checkIndicatorValues } from './value-rules.js';

const area: IndicatorDef = { code: 'building_area', valueType: 'number', unit: 'm²' };
const rooms: IndicatorDef = { code: 'classrooms', valueType: 'number', unit: '间' };
const rate: IndicatorDef = { code: 'participation_rate', valueType: 'number', unit: '%' };
const plan: IndicatorDef = { code: 'annual_plan', valueType: 'boolean', unit: '' };

describe('assessIndicator', () => {
  it('a number at or above its threshold is met; below it is short by the difference', () => {
    expect(assessIndicator(area, 2000, { threshold: 2000, required: null })).toEqual({ status: 'met', threshold: 2000, shortfall: 0 });
    expect(assessIndicator(area, 1500.5, { threshold: 2000, required: null })).toEqual({ status: 'short', threshold: 2000, shortfall: 499.5 });
    expect(assessIndicator(rate, 0.1 + 0.2, { threshold: 0.6, required: null }).shortfall).toBe(0.3);
  });
  it('nothing recorded is missing, not short', () => {
    expect(assessIndicator(area, undefined, { threshold: 10, required: null }).status).toBe('missing');
    expect(assessIndicator(plan, undefined, { threshold: null, required: 1 }).status).toBe('missing');
  });
  it('an indicator the standard does not set is not applicable, whatever the value', () => {
    expect(assessIndicator(area, 5, undefined).status).toBe('not_applicable');
    expect(assessIndicator(area, 5, { threshold: null, required: null }).status).toBe('not_applicable');
    expect(assessIndicator(plan, 0, { threshold: null, required: 0 })).toEqual({ status: 'not_applicable', threshold: false, shortfall: null });
  });
  it('a required yes/no indicator is met only by yes', () => {
    expect(assessIndicator(plan, 1, { threshold: null, required: 1 }).status).toBe('met');
    expect(assessIndicator(plan, 0, { threshold: null, required: 1 })).toEqual({ status: 'short', threshold: true, shortfall: null });
  });
});

describe('standardInForce and nextLevel', () => {
  const versions = [
    { id: 'a1', tier: 'center', level_id: 'none', version: 1, effective_from: '2020-01-01' },
    { id: 'a2', tier: 'center', level_id: 'none', version: 2, effective_from: '2026-03-01' },
    { id: 'b1', tier: 'base', level_id: 'none', version: 1, effective_from: '2020-01-01' },
  ];
  it('picks the highest version already effective on the date', () => {
    expect(standardInForce(versions, 'center', 'none', '2026-02-28')?.id).toBe('a1');
    expect(standardInForce(versions, 'center', 'none', '2026-03-01')?.id).toBe('a2');
    expect(standardInForce(versions, 'center', 'none', '2019-12-31')).toBeNull();
    expect(standardInForce(versions, 'center', 'provincial', '2026-03-01')).toBeNull();
  });
  it('the next level is one rank up; the top has none', () => {
    const levels = [{ id: 'provincial', rank: 2 }, { id: 'none', rank: 0 }, { id: 'prefecture', rank: 1 }];
    expect(nextLevel(levels, 'none')?.id).toBe('prefecture');
    expect(nextLevel(levels, 'prefecture')?.id).toBe('provincial');
    expect(nextLevel(levels, 'provincial')).toBeNull();
    expect(nextLevel(levels, 'unknown')).toBeNull();
  });
});

describe('local dates', () => {
  it('days are China Standard Time days', () => {
    expect(shanghaiDate(new Date('2026-03-01T15:59:59Z'))).toBe('2026-03-01');
    expect(shanghaiDate(new Date('2026-03-01T16:00:00Z'))).toBe('2026-03-02');
    expect(endOfShanghaiDay('2026-03-01')).toBe('2026-03-01T16:00:00.000Z');
  });
  it('only real calendar dates pass', () => {
    expect(isCalendarDate('2026-02-28')).toBe(true);
    for (const bad of ['2026-02-30', '2026-13-01', '26-01-01', '2026-1-01', '2026-01-01T00:00:00Z', '']) expect(isCalendarDate(bad)).toBe(false);
  });
});

describe('checkIndicatorValues', () => {
  const catalogue = new Map([area, rooms, rate, plan].map((i) => [i.code, i]));
  const entry = (code: string, value: unknown) => ({ code, value: value as number, version: 0 });
  it('accepts good values and stores booleans as 0/1', () => {
    const result = checkIndicatorValues([entry('building_area', 1200.5), entry('classrooms', 6), entry('participation_rate', 100), entry('annual_plan', true)], catalogue);
    expect(result.errors).toEqual([]);
    expect(result.values).toEqual([1200.5, 6, 100, 1]);
  });
  it('marks every bad field at once', () => {
    const result = checkIndicatorValues([
      entry('building_area', -1), entry('classrooms', 'six'), entry('classrooms', 2.5), entry('participation_rate', 101),
      entry('annual_plan', 1), entry('no_such_thing', 3), entry('building_area', Infinity),
    ], catalogue);
    expect(result.errors.map((e) => `${e.field}:${e.code}`)).toEqual([
      'values.0.value:negative', 'values.1.value:not_number', 'values.2.code:duplicate', 'values.2.value:not_integer',
      'values.3.value:out_of_range', 'values.4.value:not_boolean', 'values.5.code:unknown', 'values.6.code:duplicate', 'values.6.value:not_number',
    ]);
  });
});
