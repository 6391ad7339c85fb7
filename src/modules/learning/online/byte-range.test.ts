import { describe, expect, it } from 'vitest';
import { checkFileType } from '../../content/files/file-types.js';
import { decideRange, ifRangeHolds } from './byte-range.js';

describe('decideRange', () => {
  it('serves one range, clipped to the file', () => {
    expect(decideRange('bytes=0-99', 1000)).toEqual({ kind: 'partial', start: 0, end: 99 });
    expect(decideRange('bytes=500-', 1000)).toEqual({ kind: 'partial', start: 500, end: 999 });
    expect(decideRange('bytes=900-5000', 1000)).toEqual({ kind: 'partial', start: 900, end: 999 });
    expect(decideRange('bytes=-100', 1000)).toEqual({ kind: 'partial', start: 900, end: 999 });
    expect(decideRange('bytes=-5000', 1000)).toEqual({ kind: 'partial', start: 0, end: 999 });
    expect(decideRange('Bytes = 5-5', 1000)).toEqual({ kind: 'partial', start: 5, end: 5 });
  });

  it('refuses ranges that start past the end, and empty suffixes', () => {
    expect(decideRange('bytes=1000-', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(decideRange('bytes=1000-2000', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(decideRange('bytes=-0', 1000)).toEqual({ kind: 'unsatisfiable' });
    expect(decideRange('bytes=0-', 0)).toEqual({ kind: 'unsatisfiable' });
  });

  it('ignores what it does not serve: no header, other units, junk, reversed and several ranges', () => {
    for (const header of [undefined, 'items=0-1', 'bytes=abc', 'bytes=', 'bytes=-', 'bytes=9-1', 'bytes=0-1,5-6', '0-99', 'bytes=99999999999999999999-']) {
      expect(decideRange(header, 1000), String(header)).toEqual({ kind: 'full' });
    }
  });
});

describe('ifRangeHolds', () => {
  const etag = '"abc"';
  const date = 'Mon, 02 Mar 2026 01:00:00 GMT';
  it('holds without If-Range, for the same strong ETag or the exact Last-Modified date', () => {
    expect(ifRangeHolds(undefined, etag, date)).toBe(true);
    expect(ifRangeHolds('"abc"', etag, date)).toBe(true);
    expect(ifRangeHolds(date, etag, date)).toBe(true);
  });
  it('does not hold for another or a weak ETag, or another date', () => {
    expect(ifRangeHolds('"abd"', etag, date)).toBe(false);
    expect(ifRangeHolds('W/"abc"', etag, date)).toBe(false);
    expect(ifRangeHolds('Tue, 03 Mar 2026 01:00:00 GMT', etag, date)).toBe(false);
  });
});

describe('video file types', () => {
  const mp4 = Buffer.concat([Buffer.from([0, 0, 0, 0x18]), Buffer.from('ftypisom'), Buffer.from([0, 0, 2, 0]), Buffer.from('isomiso2'), Buffer.alloc(64)]);
  it('are accepted only where a caller asks for video', async () => {
    await expect(checkFileType(mp4, 'clip.mp4', ['video'])).resolves.toMatchObject({ mime: 'video/mp4', kind: 'video' });
    await expect(checkFileType(mp4, 'clip.mp4')).rejects.toMatchObject({ status: 400 });
    await expect(checkFileType(mp4, 'clip.mp4', ['document'])).rejects.toMatchObject({ status: 400 });
    await expect(checkFileType(Buffer.from('%PDF-1.4\n'), 'fake.webm', ['video'])).rejects.toMatchObject({ status: 400 });
  });
});
