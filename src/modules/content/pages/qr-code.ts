import QRCode from 'qrcode';

/**
 * QR codes as inline SVG markup (no request of its own, scales sharply when printed or zoomed), generated on
 * the server from the page's absolute URL. The markup comes from the qrcode package (paths only, no text from
 * the URL), so it is safe to embed. Kept per URL: a URL's code never changes.
 */
const cache = new Map<string, string>();
const MAX_CACHED = 5_000;

export async function qrSvg(url: string): Promise<string> {
  const hit = cache.get(url);
  if (hit) return hit;
  const svg = await QRCode.toString(url, { type: 'svg', errorCorrectionLevel: 'M', margin: 2 });
  if (cache.size >= MAX_CACHED) cache.delete(cache.keys().next().value!);
  cache.set(url, svg);
  return svg;
}
