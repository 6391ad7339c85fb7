/**
 * Turns pasted text into trimmed lines: the first step of the plain-text import. Web pages copied from a
 * browser bring list bullets, non-breaking and full-width spaces, zero-width characters and Windows line
 * ends; a PDF brings hard line breaks inside paragraphs. What comes out is one entry per visible line, with
 * the bullet removed but remembered (a short bulleted line is almost always a navigation link).
 */
export interface SourceLine {
  text: string;
  /** The line started with a list bullet (•, ·, ▪ …) in the source. */
  bulleted: boolean;
  /** Its position among the input lines (empty lines are skipped but counted). */
  line: number;
}

// Bullets browsers and word processors put in front of list items. '○' and '-' only count when a space
// follows: '○' is also the zero of Chinese dates (二○二三年) and '-' starts negative numbers.
const BULLET = /^(?:[•·●▪▫■□◆◇►▶※★☆√✓→]+\s*|[○\-*]\s+)/u;
const INVISIBLE = /[\u200B-\u200D\u2060\uFEFF\u00AD]/g;
const ODD_SPACES = /[\u00A0\u1680\u2000-\u200A\u202F\u205F\t]/g;

/** The text's lines, whatever the line ends (Windows, old Mac, Unicode separators). */
export function splitLines(text: string): string[] {
  return text.split(/\r\n?|\n|\u2028|\u2029/);
}

export function sourceLines(lines: string[]): SourceLine[] {
  const out: SourceLine[] = [];
  lines.forEach((raw, line) => {
    // Full-width spaces (U+3000) indent Chinese paragraphs; inside a line they separate words: keep one.
    let text = raw.replace(INVISIBLE, '').replace(ODD_SPACES, ' ').replace(/\u3000/g, ' ').trim();
    const bullet = BULLET.exec(text);
    if (bullet) text = text.slice(bullet[0].length).trim();
    text = text.replace(/ {2,}/g, ' ');
    if (text !== '') out.push({ text, bulleted: bullet !== null, line });
  });
  return out;
}

/** The line without spaces, for comparisons (Chinese has no spaces between words; pages add them freely). */
export function compact(text: string): string {
  return text.replace(/\s+/g, '');
}

/** Ends with punctuation that closes a sentence or clause: such a line is a finished paragraph. */
export function endsSentence(text: string): boolean {
  return /[。！？!?；;：:”」』…）)】]$/.test(text);
}

/** Contains punctuation that only running text has (navigation labels and headings have none). */
export function hasSentencePunctuation(text: string): boolean {
  return /[，。；：、？！,;:?!]/.test(text);
}

/** Character count that counts a CJK character (or a surrogate pair) as one. */
export function charLength(text: string): number {
  return [...text].length;
}
