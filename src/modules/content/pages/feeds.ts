/**
 * Machine-readable views of the portal: sitemaps (sitemaps.org 0.9), RSS 2.0 per category, robots.txt.
 * Every URL in them is absolute, built on the configured public base URL (never the request's Host header).
 */

/** The protocol's limit of URLs per sitemap file; past it /sitemap.xml becomes an index of numbered parts. */
export const SITEMAP_MAX_URLS = 50_000;

export interface SitemapEntry { path: string; lastmod?: string | null }

export function escapeXml(text: string): string {
  return text.replace(/[<>&'"]/g, (c) => ({ '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' })[c]!)
    // XML 1.0 forbids most control characters even when escaped.
    .replace(/[\u0000-\u0008\u000b\u000c\u000e-\u001f\ufffe\uffff]/g, '');
}

const XML_DECL = '<?xml version="1.0" encoding="UTF-8"?>\n';
const NS = 'http://www.sitemaps.org/schemas/sitemap/0.9';

/** W3C datetime (the protocol's lastmod format): ISO 8601 in UTC, seconds precision. */
function w3cDate(iso: string): string {
  return new Date(iso).toISOString().replace(/\.\d{3}Z$/, 'Z');
}

export function urlset(baseUrl: string, entries: SitemapEntry[]): string {
  let xml = `${XML_DECL}<urlset xmlns="${NS}">\n`;
  for (const e of entries) {
    xml += `<url><loc>${escapeXml(baseUrl + e.path)}</loc>${e.lastmod ? `<lastmod>${w3cDate(e.lastmod)}</lastmod>` : ''}</url>\n`;
  }
  return `${xml}</urlset>\n`;
}

export function sitemapIndex(baseUrl: string, parts: { path: string; lastmod?: string | null }[]): string {
  let xml = `${XML_DECL}<sitemapindex xmlns="${NS}">\n`;
  for (const p of parts) {
    xml += `<sitemap><loc>${escapeXml(baseUrl + p.path)}</loc>${p.lastmod ? `<lastmod>${w3cDate(p.lastmod)}</lastmod>` : ''}</sitemap>\n`;
  }
  return `${xml}</sitemapindex>\n`;
}

export function sitemapPartPath(n: number): string {
  return `/sitemap/${n}.xml`;
}

/**
 * `/sitemap.xml`: one urlset while the entries fit in `maxUrls`, else an index of parts `/sitemap/<n>.xml`
 * (1-based), each with at most `maxUrls` entries. `part(n)` gives a part's XML, or null past the last part.
 */
export function planSitemap(baseUrl: string, entries: SitemapEntry[], maxUrls = SITEMAP_MAX_URLS) {
  const partCount = Math.ceil(entries.length / maxUrls);
  const split = partCount > 1;
  const slice = (n: number) => entries.slice((n - 1) * maxUrls, n * maxUrls);
  const newest = (list: SitemapEntry[]) => list.reduce<string | null>((m, e) => (e.lastmod && (!m || e.lastmod > m) ? e.lastmod : m), null);
  return {
    split,
    root: split
      ? sitemapIndex(baseUrl, Array.from({ length: partCount }, (_, i) => ({ path: sitemapPartPath(i + 1), lastmod: newest(slice(i + 1)) })))
      : urlset(baseUrl, entries),
    part: (n: number) => (split && Number.isInteger(n) && n >= 1 && n <= partCount ? urlset(baseUrl, slice(n)) : null),
  };
}

export interface RssItem { title: string; path: string; description: string; pubDate: string; category?: string }

/** RSS 2.0: channel title, link, description, language, lastBuildDate; items with guid and RFC 822 dates. */
export function rssFeed(channel: { title: string; path: string; description: string; baseUrl: string; language: string; selfPath: string }, items: RssItem[]): string {
  const abs = (p: string) => escapeXml(channel.baseUrl + p);
  let xml = `${XML_DECL}<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">\n<channel>\n`;
  xml += `<title>${escapeXml(channel.title)}</title>\n<link>${abs(channel.path)}</link>\n`;
  xml += `<description>${escapeXml(channel.description)}</description>\n<language>${escapeXml(channel.language)}</language>\n`;
  xml += `<atom:link href="${abs(channel.selfPath)}" rel="self" type="application/rss+xml"/>\n`;
  if (items[0]) xml += `<lastBuildDate>${new Date(items[0].pubDate).toUTCString()}</lastBuildDate>\n`;
  for (const item of items) {
    xml += `<item><title>${escapeXml(item.title)}</title><link>${abs(item.path)}</link>`
      + `<description>${escapeXml(item.description)}</description>`
      + (item.category ? `<category>${escapeXml(item.category)}</category>` : '')
      + `<pubDate>${new Date(item.pubDate).toUTCString()}</pubDate><guid isPermaLink="true">${abs(item.path)}</guid></item>\n`;
  }
  return `${xml}</channel>\n</rss>\n`;
}

/** Crawlers may read the portal; the back office and the API are not for them. */
export function robotsTxt(baseUrl: string): string {
  return ['User-agent: *', 'Allow: /', 'Disallow: /admin', 'Disallow: /api/', 'Disallow: /account', 'Disallow: /a/*/print', '', `Sitemap: ${baseUrl}/sitemap.xml`, ''].join('\n');
}
