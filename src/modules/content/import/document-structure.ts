import { charLength, endsSentence } from './text-lines.js';

/**
 * The body of a 公文 as a tree of numbered sections. GB/T 9704-2012 §7.3.3 numbers the levels 一、 （一）
 * 1. （1）; documents also write 1、 for the third level, and pages copied from Word or PDF mix half- and
 * full-width brackets and dots. A heading either stands on its own line or runs into its paragraph
 * ("1、加强组织领导。社区教育是…"): then `runIn` is true and the paragraph's text is the first entry of
 * `paragraphs`.
 */
export type SectionLevel = 1 | 2 | 3 | 4;

export interface ImportedSection {
  level: SectionLevel;
  /** The numbering as written, normalised: 一、 （一） 1、 1. （1）. */
  marker: string;
  /** The heading without its numbering and closing punctuation ('' for a numbered paragraph without one). */
  heading: string;
  /** The punctuation that closed a run-in heading (。 or ：), kept so the text reads as written. */
  headingEnd: string;
  runIn: boolean;
  paragraphs: string[];
  children: ImportedSection[];
}

const HAN_NUMBER = '[一二三四五六七八九十百]+';
const MARKERS: { level: SectionLevel; pattern: RegExp; normalise: (n: string, sep: string) => string }[] = [
  { level: 1, pattern: new RegExp(`^(${HAN_NUMBER})\\s*([、，,．.])\\s*`, 'u'), normalise: (n) => `${n}、` },
  { level: 2, pattern: new RegExp(`^[（(]\\s*(${HAN_NUMBER})\\s*[）)]\\s*([、]?)\\s*`, 'u'), normalise: (n) => `（${n}）` },
  // 1、 1. 1． but not 1.5 or 2023.4.23 (a digit after the dot is a number, not a heading).
  { level: 3, pattern: /^(\d{1,2})\s*([、．.])(?!\d)\s*/u, normalise: (n, sep) => `${n}${sep === '、' ? '、' : '.'}` },
  { level: 4, pattern: /^[（(]\s*(\d{1,2})\s*[）)]\s*([、]?)\s*/u, normalise: (n) => `（${n}）` },
];

export function headingMarker(line: string): { level: SectionLevel; marker: string; rest: string } | null {
  for (const m of MARKERS) {
    const found = m.pattern.exec(line);
    if (found && found[0].length < line.length) {
      return { level: m.level, marker: m.normalise(found[1], found[2] ?? ''), rest: line.slice(found[0].length).trim() };
    }
  }
  return null;
}

/** Splits "加强组织领导。社区教育是…" into a run-in heading and its text; a long opening sentence is no heading. */
function splitHeading(rest: string): { heading: string; headingEnd: string; text: string | null } {
  const stop = /[。：:；;！？]/u.exec(rest);
  if (stop && stop.index > 0 && charLength(rest.slice(0, stop.index)) <= 30) {
    const text = rest.slice(stop.index + 1).trim();
    return { heading: rest.slice(0, stop.index), headingEnd: stop[0], text: text === '' ? null : text };
  }
  // No early stop: a short line is a heading on its own; a long one is a numbered paragraph.
  if (!endsSentence(rest) && charLength(rest) <= 40) return { heading: rest, headingEnd: '', text: null };
  return { heading: '', headingEnd: '', text: rest };
}

/**
 * Joins lines a PDF or a narrow text box broke inside a paragraph: a line that does not end a sentence
 * and is followed by one that starts no heading continues into it.
 */
export function joinBrokenLines(lines: string[]): string[] {
  const out: string[] = [];
  // Judged on the last physical line, not on the paragraph joined so far (a short line ends a paragraph).
  let last: string | null = null;
  let lastStartsParagraph = false;
  for (const line of lines) {
    const lastIsShortHeading = last !== null && lastStartsParagraph && headingMarker(last) !== null && charLength(last) <= 40;
    if (last !== null && !endsSentence(last) && charLength(last) >= 20 && !lastIsShortHeading && headingMarker(line) === null) {
      out[out.length - 1] += line;
      lastStartsParagraph = false;
    } else {
      out.push(line);
      lastStartsParagraph = true;
    }
    last = line;
  }
  return out;
}

/** Builds the section tree; text before the first heading is the preamble (the document's opening). */
export function buildSections(lines: string[]): { preamble: string[]; sections: ImportedSection[] } {
  const preamble: string[] = [];
  const sections: ImportedSection[] = [];
  const open: ImportedSection[] = [];
  for (const line of joinBrokenLines(lines)) {
    const marker = headingMarker(line);
    if (!marker) {
      (open.at(-1)?.paragraphs ?? preamble).push(line);
      continue;
    }
    const { heading, headingEnd, text } = splitHeading(marker.rest);
    const section: ImportedSection = {
      level: marker.level, marker: marker.marker, heading, headingEnd, runIn: heading !== '' && text !== null,
      paragraphs: text === null ? [] : [text], children: [],
    };
    while (open.length > 0 && open.at(-1)!.level >= section.level) open.pop();
    (open.at(-1)?.children ?? sections).push(section);
    open.push(section);
  }
  return { preamble, sections };
}
