const SHANGHAI_DATE = new Intl.DateTimeFormat('en-CA', { timeZone: 'Asia/Shanghai', year: 'numeric', month: '2-digit', day: '2-digit' });

/** The calendar year in China time: a document published at 2023-12-31T20:00Z belongs to 2024. */
export function shanghaiYear(at: Date): number {
  return Number(shanghaiDate(at).slice(0, 4));
}

/** YYYY-MM-DD in China time. */
export function shanghaiDate(at: Date): string {
  return SHANGHAI_DATE.format(at);
}
