/** Money and tenths as residents and staff read them; amounts are integers (fen, tenths) everywhere else. */

/** 免费 for a free class, else ¥120.00 (both locales use the yuan sign). */
export function feeLabel(locale: 'zh-CN' | 'en', fen: number): string {
  if (fen === 0) return locale === 'en' ? 'Free' : '免费';
  return `¥${Math.floor(fen / 100)}.${String(fen % 100).padStart(2, '0')}`;
}

/** A decimal entered with at most one decimal place, in tenths; null when it has more (12.25) or is not finite. */
export function toTenths(value: number): number | null {
  if (!Number.isFinite(value)) return null;
  const tenths = Math.round(value * 10);
  return Math.abs(value * 10 - tenths) < 1e-6 ? tenths : null;
}

/** 12.5 from 125; 8 from 80. */
export function fromTenths(tenths: number): number {
  return tenths / 10;
}
