import { describe, expect, it } from 'vitest';
import { loadConfig } from '../config.js';

const base = { NODE_ENV: 'test', DATA_DIR: '/nonexistent-unused', DATA_KEY: Buffer.alloc(32).toString('base64') };

describe('security alert settings', () => {
  it('defaults: 5 lockouts in 15 min, 1000 rows, 20 exports an hour, office hours 07:00–22:00', () => {
    expect(loadConfig(base).alerts).toEqual({
      lockoutCount: 5, lockoutWindowMinutes: 15, exportRows: 1000, exportsPerHour: 20, officeHours: { startMinute: 420, endMinute: 1320 },
    });
  });

  it('reads each setting; office hours may end at 24:00', () => {
    const c = loadConfig({ ...base, ALERT_LOCKOUT_COUNT: '8', ALERT_LOCKOUT_WINDOW_MIN: '30', ALERT_EXPORT_ROWS: '200', ALERT_EXPORTS_PER_HOUR: '4', ALERT_OFFICE_HOURS: '06:30-24:00' });
    expect(c.alerts).toEqual({ lockoutCount: 8, lockoutWindowMinutes: 30, exportRows: 200, exportsPerHour: 4, officeHours: { startMinute: 390, endMinute: 1440 } });
  });

  it('a bad value stops the start naming it', () => {
    for (const [name, bad] of [['ALERT_LOCKOUT_COUNT', '0'], ['ALERT_LOCKOUT_COUNT', '2.5'], ['ALERT_EXPORT_ROWS', 'many'], ['ALERT_EXPORTS_PER_HOUR', '-1'],
      ['ALERT_OFFICE_HOURS', '22:00-07:00'], ['ALERT_OFFICE_HOURS', '7-22'], ['ALERT_OFFICE_HOURS', '07:00-24:30']]) {
      expect(() => loadConfig({ ...base, [name]: bad }), `${name}=${bad}`).toThrow(new RegExp(name));
    }
  });
});
