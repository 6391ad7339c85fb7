/** The one clock of the server, replaceable in tests (session expiry, lockout). */
export interface Clock {
  now(): Date;
}
export const systemClock: Clock = { now: () => new Date() };

/** Stored timestamps are ISO 8601 UTC strings with milliseconds, so they sort as text on both databases. */
export function isoNow(clock: Clock): string {
  return clock.now().toISOString();
}

export function addMs(iso: string, ms: number): string {
  return new Date(Date.parse(iso) + ms).toISOString();
}

const SHANGHAI = new Intl.DateTimeFormat('en-CA', {
  timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit',
  hour: '2-digit', minute: '2-digit', second: '2-digit', hour12: false,
});

/** 2023-04-23 12:20:07 in China Standard Time, the form Chinese users expect. */
export function formatZhDateTime(value: string | Date): string {
  const parts = Object.fromEntries(SHANGHAI.formatToParts(new Date(value)).map((p) => [p.type, p.value]));
  const hour = parts.hour === '24' ? '00' : parts.hour;
  return `${parts.year}-${parts.month}-${parts.day} ${hour}:${parts.minute}:${parts.second}`;
}

/** ISO 8601 with the +08:00 offset, for the audit log ("time with offset"). */
export function isoWithShanghaiOffset(value: string | Date): string {
  return formatZhDateTime(value).replace(' ', 'T') + '+08:00';
}
