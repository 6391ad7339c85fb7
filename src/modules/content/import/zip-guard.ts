/**
 * A .docx is a zip archive, and mammoth unpacks its parts in memory. A 20 MiB upload can declare gigabytes
 * of content (a "zip bomb"), so before mammoth sees it we read the archive's central directory and refuse
 * one whose parts add up to more than `maxUnpackedBytes`, or whose directory cannot be read at all.
 * (The sizes are what the archive declares; the unzip library checks each part against its declared size.)
 */
const EOCD_SIGNATURE = 0x06054b50;
const ENTRY_SIGNATURE = 0x02014b50;

export type ZipCheck = { ok: true; entries: number; unpackedBytes: number } | { ok: false; reason: 'not_zip' | 'too_large' };

export function checkZipSize(bytes: Buffer, maxUnpackedBytes: number): ZipCheck {
  // The end-of-central-directory record is in the last 22 bytes plus a comment of at most 65535 bytes.
  let eocd = -1;
  for (let i = bytes.length - 22; i >= Math.max(0, bytes.length - 22 - 0xffff); i--) {
    if (bytes.readUInt32LE(i) === EOCD_SIGNATURE) { eocd = i; break; }
  }
  if (eocd < 0) return { ok: false, reason: 'not_zip' };
  const entries = bytes.readUInt16LE(eocd + 10);
  let offset = bytes.readUInt32LE(eocd + 16);
  let unpackedBytes = 0;
  for (let n = 0; n < entries; n++) {
    if (offset + 46 > bytes.length || bytes.readUInt32LE(offset) !== ENTRY_SIGNATURE) return { ok: false, reason: 'not_zip' };
    const size = bytes.readUInt32LE(offset + 24);
    // 0xFFFFFFFF means the real size is in a ZIP64 field: no Word document needs that.
    if (size === 0xffffffff) return { ok: false, reason: 'too_large' };
    unpackedBytes += size;
    if (unpackedBytes > maxUnpackedBytes) return { ok: false, reason: 'too_large' };
    offset += 46 + bytes.readUInt16LE(offset + 28) + bytes.readUInt16LE(offset + 30) + bytes.readUInt16LE(offset + 32);
  }
  return { ok: true, entries, unpackedBytes };
}
