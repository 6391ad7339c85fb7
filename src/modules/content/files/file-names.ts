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

/**
 * RFC 6266 / RFC 8187: an ASCII fallback in `filename` for old clients and the exact UTF-8 name in
 * `filename*`, percent-encoded (so quotes, semicolons and non-ASCII cannot break the header).
 */
export function contentDisposition(type: 'inline' | 'attachment', name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%;]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
