/**
 * RFC 6266 / RFC 8187: an ASCII fallback in `filename` for old clients and the exact UTF-8 name in
 * `filename*`, percent-encoded (so quotes, semicolons and non-ASCII cannot break the header).
 * In core because every module that answers a download needs it (content files, spreadsheet exports).
 */
export function contentDisposition(type: 'inline' | 'attachment', name: string): string {
  const fallback = name.replace(/[^\x20-\x7e]/g, '_').replace(/["\\%;]/g, '_');
  const encoded = encodeURIComponent(name).replace(/['()*]/g, (c) => `%${c.charCodeAt(0).toString(16).toUpperCase()}`);
  return `${type}; filename="${fallback}"; filename*=UTF-8''${encoded}`;
}
