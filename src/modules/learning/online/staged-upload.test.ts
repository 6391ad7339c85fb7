import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { STALE_UPLOAD_MS, sweepStaleUploads } from './staged-upload.js';

describe('stale upload sweep', () => {
  const dirs: string[] = [];
  afterEach(() => { for (const d of dirs.splice(0)) fs.rmSync(d, { recursive: true, force: true }); });

  it('removes only .part files older than the limit, and looks at a folder at most once an hour', async () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'lc-sweep-'));
    dirs.push(dir);
    const now = Date.now();
    const write = (name: string, ageMs: number) => {
      const file = path.join(dir, name);
      fs.writeFileSync(file, 'x');
      fs.utimesSync(file, new Date(now - ageMs), new Date(now - ageMs));
    };
    write('left-by-a-crash.part', STALE_UPLOAD_MS + 60_000);
    write('still-arriving.part', 60_000);
    write('not-an-upload.txt', STALE_UPLOAD_MS * 4);
    expect(await sweepStaleUploads(dir, now)).toBe(1);
    expect(fs.readdirSync(dir).sort()).toEqual(['not-an-upload.txt', 'still-arriving.part']);
    write('another-crash.part', STALE_UPLOAD_MS * 2);
    expect(await sweepStaleUploads(dir, now + 60_000)).toBe(0);
    expect(await sweepStaleUploads(dir, now + 3_600_000)).toBe(1);
    expect(fs.readdirSync(dir).sort()).toEqual(['not-an-upload.txt', 'still-arriving.part']);
  });
});
