/**
 * Uploaded files keep the name the user gave them for display and download only: bytes are stored under a
 * random key, so a name can never choose a path. The name is still cleaned (no folders, no control
 * characters, bounded length) because it is shown in pages, headers and the audit log.
 */
const MAX_NAME_CHARS = 120;

export function safeFileName(name: string, extension: string): string {
  const base = (name.split(/[\\/]/).pop() ?? '')
    // Control and format characters (bidi overrides make "exe.txt" read as "txt.exe").
    .replace(/[\p{Cc}\p{Cf}\u2028\u2029]/gu, '')
    .replace(/["<>:|?*]/g, '_')
    .replace(/\s+/g, ' ')
    .trim()
    .replace(/^\.+/, '');
  const stem = base.replace(/\.[^.]*$/, '').trim();
  const chars = [...(stem || 'file')];
  const shortStem = chars.length > MAX_NAME_CHARS ? chars.slice(0, MAX_NAME_CHARS).join('') : chars.join('');
  return `${shortStem}.${extension}`;
}

/** The name without its extension: the default title of an attachment. */
export function fileStem(name: string): string {
  return name.replace(/\.[^.]*$/, '');
}

/** Moved to core (spreadsheet exports answer downloads too); re-exported so the content module's imports stay. */
export { contentDisposition } from '../../../core/http/content-disposition.js';
