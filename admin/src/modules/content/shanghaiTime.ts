import type { Dayjs } from 'dayjs';
import { formatDate } from '../../core/format/datetime';

/**
 * The back office shows and takes times in Asia/Shanghai whatever the browser's zone (see
 * core/format/datetime.ts). A picked date and time is a wall-clock reading in Shanghai: +08:00, no DST.
 */
export function shanghaiWallClockToIso(value: Dayjs): string {
  return new Date(`${value.format('YYYY-MM-DDTHH:mm:ss')}+08:00`).toISOString();
}

/** Today's date in Shanghai, `YYYY-MM-DD`. */
export function shanghaiToday(): string {
  return formatDate(new Date());
}
