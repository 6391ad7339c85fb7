/**
 * Highlighted text for result lists: every character is HTML-escaped, and the query's pieces are wrapped
 * in <mark>. Matching ignores case and works on the text as the visitor reads it (no segmentation needed:
 * a match of the index is a match of one of these pieces in the text, or of its bigrams across punctuation).
 */
const ESCAPES: Record<string, string> = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' };
export function escapeHtml(text: string): string {
  return text.replace(/[&<>"']/g, (c) => ESCAPES[c]);
}

/** Character ranges [start, end) of every occurrence of any needle, merged. */
function matchRanges(text: string, needles: string[]): [number, number][] {
  const lower = text.toLowerCase();
  const ranges: [number, number][] = [];
  for (const needle of needles) {
    const n = needle.toLowerCase();
    if (!n) continue;
    for (let i = lower.indexOf(n); i >= 0; i = lower.indexOf(n, i + n.length)) ranges.push([i, i + n.length]);
  }
  ranges.sort((a, b) => a[0] - b[0] || b[1] - a[1]);
  const merged: [number, number][] = [];
  for (const r of ranges) {
    const last = merged[merged.length - 1];
    if (last && r[0] <= last[1]) last[1] = Math.max(last[1], r[1]);
    else merged.push([r[0], r[1]]);
  }
  return merged;
}

/** The whole text, escaped, with the needles marked. */
export function highlight(text: string, needles: string[]): string {
  let out = '';
  let at = 0;
  for (const [s, e] of matchRanges(text, needles)) {
    out += escapeHtml(text.slice(at, s)) + '<mark>' + escapeHtml(text.slice(s, e)) + '</mark>';
    at = e;
  }
  return out + escapeHtml(text.slice(at));
}

/**
 * About `length` characters around the first place where the most needles meet (the start of the text
 * when none occurs), escaped and marked, with … where it was cut.
 */
export function snippet(text: string, needles: string[], length = 120): string {
  const flat = text.replace(/\s+/g, ' ').trim();
  const ranges = matchRanges(flat, needles);
  let start = 0;
  if (ranges.length > 0) {
    // The window that covers the most distinct matches, starting a little before its first one.
    let best = ranges[0][0];
    let bestCount = 0;
    for (let i = 0; i < ranges.length; i++) {
      let count = 0;
      for (let j = i; j < ranges.length && ranges[j][1] <= ranges[i][0] + length; j++) count++;
      if (count > bestCount) { bestCount = count; best = ranges[i][0]; }
    }
    start = Math.max(0, best - Math.floor(length / 5));
  }
  const end = Math.min(flat.length, start + length);
  const piece = flat.slice(start, end);
  return (start > 0 ? '…' : '') + highlight(piece, needles) + (end < flat.length ? '…' : '');
}
