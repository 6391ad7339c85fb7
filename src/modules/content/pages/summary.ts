/**
 * The summary shown under an article's title: the editor's when there is one, else the first sentences of the
 * plain-text body, cut after a sentence mark (。！？；!?) so that no sentence is broken, within `maxChars`.
 * Lines that are not prose are skipped: the salutation (各镇人民政府：) and short numbered headings (一、总体要求).
 * When even the first sentence is longer, it is cut at the last clause mark (，、：,) with an ellipsis.
 */
const HEADING = /^(?:[一二三四五六七八九十]+、|[（(][一二三四五六七八九十\d]+[）)]|\d+[.．、])/;

export function summaryOf(editorSummary: string | null, bodyText: string, maxChars = 120): string {
  const own = editorSummary?.trim();
  if (own) return own;
  const lines = bodyText.split('\n').map((l) => l.replace(/\s+/g, ' ').trim()).filter(Boolean);
  const prose = lines.filter((l) => !/[：:]$/.test(l) && !(HEADING.test(l) && l.length <= 30 && !/[。！？]$/.test(l)));
  const text = (prose.length > 0 ? prose : lines).join('');
  if (text.length <= maxChars) return text;
  const window = text.slice(0, maxChars);
  const sentenceEnd = lastIndexOfAny(window, '。！？；!?');
  if (sentenceEnd >= 0) return window.slice(0, sentenceEnd + 1);
  const clauseEnd = lastIndexOfAny(window, '，、：,;:');
  return (clauseEnd > maxChars / 3 ? window.slice(0, clauseEnd) : window) + '……';
}

function lastIndexOfAny(text: string, marks: string): number {
  for (let i = text.length - 1; i >= 0; i--) if (marks.includes(text[i])) return i;
  return -1;
}
