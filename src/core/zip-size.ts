import zlib from 'node:zlib';

/**
 * An .xlsx or .docx is a zip archive that its library (exceljs, mammoth) inflates completely in memory, so a small upload can
 * expand into gigabytes (a "zip bomb"). Before the library sees the bytes, every part is inflated here with a
 * hard output cap: the budget is what the parts really produce, not what the archive's directory claims
 * (a crafted directory can under-declare). Anything that is not a plain zip of stored or deflated parts is refused.
 */
export type UnpackedCheck =
  | { ok: true; parts: string[]; unpackedBytes: number }
  | { ok: false; reason: 'not_zip' | 'too_large' };

const END_OF_DIRECTORY = 0x06054b50;
const DIRECTORY_ENTRY = 0x02014b50;
const LOCAL_HEADER = 0x04034b50;
const STORED = 0;
const DEFLATED = 8;
const ZIP64_MARK = 0xffffffff;
/** An OOXML workbook has a few dozen parts; thousands of tiny ones are an attack on the per-part overhead. */
const MAX_PARTS = 2000;

function findEndOfDirectory(bytes: Buffer): number {
  // The record is 22 bytes plus a comment of up to 65535 bytes, at the very end of the file.
  const lowest = Math.max(0, bytes.length - 22 - 0xffff);
  for (let at = bytes.length - 22; at >= lowest; at--) {
    if (bytes.readUInt32LE(at) === END_OF_DIRECTORY) return at;
  }
  return -1;
}

export function checkUnpackedSize(bytes: Buffer, maxUnpackedBytes: number): UnpackedCheck {
  if (bytes.length < 22) return { ok: false, reason: 'not_zip' };
  const end = findEndOfDirectory(bytes);
  if (end < 0) return { ok: false, reason: 'not_zip' };
  const count = bytes.readUInt16LE(end + 10);
  if (count === 0 || count > MAX_PARTS) return { ok: false, reason: count === 0 ? 'not_zip' : 'too_large' };
  let cursor = bytes.readUInt32LE(end + 16);
  let budget = maxUnpackedBytes;
  const parts: string[] = [];
  for (let n = 0; n < count; n++) {
    if (cursor + 46 > bytes.length || bytes.readUInt32LE(cursor) !== DIRECTORY_ENTRY) return { ok: false, reason: 'not_zip' };
    const method = bytes.readUInt16LE(cursor + 10);
    const packedSize = bytes.readUInt32LE(cursor + 20);
    const nameLength = bytes.readUInt16LE(cursor + 28);
    const localAt = bytes.readUInt32LE(cursor + 42);
    const name = bytes.toString('utf8', cursor + 46, cursor + 46 + nameLength);
    if (packedSize === ZIP64_MARK || localAt === ZIP64_MARK) return { ok: false, reason: 'too_large' };
    cursor += 46 + nameLength + bytes.readUInt16LE(cursor + 30) + bytes.readUInt16LE(cursor + 32);

    if (localAt + 30 > bytes.length || bytes.readUInt32LE(localAt) !== LOCAL_HEADER) return { ok: false, reason: 'not_zip' };
    const dataAt = localAt + 30 + bytes.readUInt16LE(localAt + 26) + bytes.readUInt16LE(localAt + 28);
    if (dataAt + packedSize > bytes.length) return { ok: false, reason: 'not_zip' };
    const packed = bytes.subarray(dataAt, dataAt + packedSize);
    let produced: number;
    if (method === STORED) {
      produced = packed.length;
    } else if (method === DEFLATED) {
      try {
        // One byte over the remaining budget is enough to know it is too much.
        produced = zlib.inflateRawSync(packed, { maxOutputLength: budget + 1 }).length;
      } catch (error) {
        if (error instanceof RangeError || (error as { code?: string }).code === 'ERR_BUFFER_TOO_LARGE') return { ok: false, reason: 'too_large' };
        return { ok: false, reason: 'not_zip' };
      }
    } else {
      return { ok: false, reason: 'not_zip' };
    }
    budget -= produced;
    if (budget < 0) return { ok: false, reason: 'too_large' };
    parts.push(name);
  }
  return { ok: true, parts, unpackedBytes: maxUnpackedBytes - budget };
}
