import type { FieldError } from '../../../core/http/errors.js';
import type { IndicatorDef } from './gap-rules.js';

/** One entry of a PUT of indicator values, as the client sent it (value not yet trusted). */
export interface IndicatorValueEntry {
  code: string;
  value: number | boolean | string;
  evidenceNote?: string;
  evidenceFileId?: string | null;
  version: number;
}

/** Units that count whole things (rooms, seats, books, people): fractions are a typing mistake. */
const WHOLE_UNITS = new Set(['间', '座', '册', '人', '人次']);
/** Large enough for any real building or head count, small enough to stay exact in a double. */
export const MAX_INDICATOR_VALUE = 1e12;

/**
 * Checks every entry against the catalogue and returns the stored numbers (booleans as 0/1) or the field errors.
 * All entries are checked so the form can mark every bad field at once; nothing is written if any is bad.
 */
export function checkIndicatorValues(entries: IndicatorValueEntry[], catalogue: Map<string, IndicatorDef>):
  { errors: FieldError[]; values: number[] } {
  const errors: FieldError[] = [];
  const values: number[] = [];
  const seen = new Set<string>();
  entries.forEach((entry, i) => {
    const at = (name: string) => `values.${i}.${name}`;
    const indicator = catalogue.get(entry.code);
    if (!indicator) {
      errors.push({ field: at('code'), code: 'unknown', messageId: 'network.indicator.unknown', params: { code: entry.code.slice(0, 40) } });
      return;
    }
    if (seen.has(entry.code)) errors.push({ field: at('code'), code: 'duplicate', messageId: 'network.indicator.duplicate', params: { code: entry.code } });
    seen.add(entry.code);
    const value = entry.value;
    if (indicator.valueType === 'boolean') {
      if (typeof value !== 'boolean') errors.push({ field: at('value'), code: 'not_boolean', messageId: 'network.indicator.not_boolean' });
      else values[i] = value ? 1 : 0;
      return;
    }
    if (typeof value !== 'number' || !Number.isFinite(value)) {
      errors.push({ field: at('value'), code: 'not_number', messageId: 'network.indicator.not_number' });
    } else if (value < 0) {
      errors.push({ field: at('value'), code: 'negative', messageId: 'network.indicator.negative' });
    } else if (indicator.unit === '%' && value > 100) {
      errors.push({ field: at('value'), code: 'out_of_range', messageId: 'network.indicator.percent_range' });
    } else if (value > MAX_INDICATOR_VALUE) {
      errors.push({ field: at('value'), code: 'out_of_range', messageId: 'field.out_of_range' });
    } else if (WHOLE_UNITS.has(indicator.unit) && !Number.isInteger(value)) {
      errors.push({ field: at('value'), code: 'not_integer', messageId: 'network.indicator.not_integer', params: { unit: indicator.unit } });
    } else {
      values[i] = value;
    }
  });
  return { errors, values };
}
