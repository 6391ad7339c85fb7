import type { CSSProperties } from 'react';
import type { GapStatus, GapValue } from './gapTypes';

/** The matrix colours: met green, short red, missing grey, not applicable blank. */
export const GAP_CELL_STYLE: Record<GapStatus, CSSProperties> = {
  met: { background: '#d9f7be', color: '#135200' },
  short: { background: '#ffccc7', color: '#a8071a' },
  missing: { background: '#f0f0f0', color: 'rgba(0,0,0,0.45)' },
  not_applicable: {},
};

/** A recorded value as text: numbers as they are, yes/no as ✓/✗, nothing as a dash. */
export function gapValueText(value: GapValue, yes: string, no: string): string {
  if (value === null) return '—';
  if (typeof value === 'boolean') return value ? yes : no;
  return String(value);
}
