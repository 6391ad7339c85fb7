/** All times in the back office are shown in China Standard Time, whatever the browser's zone. */
export const DISPLAY_TIME_ZONE = 'Asia/Shanghai';

const partsFormatter = new Intl.DateTimeFormat('en-US', {
  timeZone: DISPLAY_TIME_ZONE,
  year: 'numeric',
  month: '2-digit',
  day: '2-digit',
  hour: '2-digit',
  minute: '2-digit',
  second: '2-digit',
  hourCycle: 'h23',
});

function toDate(value: string | number | Date): Date | null {
  const date = value instanceof Date ? value : new Date(value);
  return Number.isNaN(date.getTime()) ? null : date;
}

function parts(date: Date): Record<string, string> {
  const out: Record<string, string> = {};
  for (const part of partsFormatter.formatToParts(date)) out[part.type] = part.value;
  // Some engines still print midnight as "24" even with h23.
  if (out.hour === '24') out.hour = '00';
  return out;
}

/** `2023-04-23 12:20:07` in Asia/Shanghai; empty input gives `fallback`. */
export function formatDateTime(value: string | number | Date | null | undefined, fallback = '—'): string {
  if (value === null || value === undefined || value === '') return fallback;
  const date = toDate(value);
  if (!date) return String(value);
  const p = parts(date);
  return `${p.year}-${p.month}-${p.day} ${p.hour}:${p.minute}:${p.second}`;
}

/** `2023-04-23` in Asia/Shanghai. */
export function formatDate(value: string | number | Date | null | undefined, fallback = '—'): string {
  const full = formatDateTime(value, fallback);
  return full === fallback ? fallback : full.slice(0, 10);
}

/** The hour (0–23) of `date` in Asia/Shanghai. */
export function shanghaiHour(date: Date = new Date()): number {
  return Number(parts(date).hour);
}

/**
 * The instant a calendar day (`YYYY-MM-DD`) starts in Asia/Shanghai, as an ISO string in UTC.
 * China has had no daylight-saving time since 1991, so the offset is a constant +08:00.
 */
export function shanghaiDayStart(day: string): string {
  return new Date(`${day}T00:00:00.000+08:00`).toISOString();
}

/** The last millisecond of a calendar day (`YYYY-MM-DD`) in Asia/Shanghai, as an ISO string in UTC. */
export function shanghaiDayEnd(day: string): string {
  return new Date(`${day}T23:59:59.999+08:00`).toISOString();
}
