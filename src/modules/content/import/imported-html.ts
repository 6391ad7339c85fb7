import { sanitizeBody } from '../items/sanitize-html.js';
import { buildSections, type ImportedSection } from './document-structure.js';

/**
 * The body HTML of an imported document, in the shape the article page and the GB/T 9704 print view style
 * (see README.md in this folder): a heading on its own line is h2 (一、) h3 (（一）) h4 (1、 / 1.) h5
 * (（1）); a heading that runs into its paragraph is that paragraph's leading <strong>; text is <p>.
 * Only the text body is here: title, addressees, attachment notes, closing organ and date are fields.
 */
const HEADING_TAG = { 1: 'h2', 2: 'h3', 3: 'h4', 4: 'h5' } as const;

export function escapeHtml(text: string): string {
  return text.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

function sectionHtml(section: ImportedSection): string {
  const out: string[] = [];
  const [first, ...rest] = section.paragraphs;
  const label = escapeHtml(section.marker + section.heading + section.headingEnd);
  if (section.heading === '') {
    // A numbered paragraph: the number stays in front of its text.
    out.push(`<p>${escapeHtml(section.marker)}${escapeHtml(first ?? '')}</p>`);
  } else if (section.runIn) {
    out.push(`<p><strong>${label}</strong>${escapeHtml(first)}</p>`);
  } else {
    const tag = HEADING_TAG[section.level];
    out.push(`<${tag}>${label}</${tag}>`);
    if (first !== undefined) out.push(`<p>${escapeHtml(first)}</p>`);
  }
  for (const p of rest) out.push(`<p>${escapeHtml(p)}</p>`);
  for (const child of section.children) out.push(sectionHtml(child));
  return out.join('\n');
}

/** One paragraph's HTML, with a heading or run-in heading when it opens with a number (Word paragraphs). */
export function lineHtml(line: string): string {
  const { preamble, sections } = buildSections([line]);
  return preamble.length > 0 ? `<p>${escapeHtml(preamble[0])}</p>` : sectionHtml(sections[0]);
}

export function documentBodyHtml(preamble: string[], sections: ImportedSection[], notes: string[]): string {
  const parts = [
    ...preamble.map((p) => `<p>${escapeHtml(p)}</p>`),
    ...sections.map(sectionHtml),
    ...notes.map((n) => `<p>${escapeHtml(n)}</p>`),
  ];
  return sanitizeBody(parts.join('\n'));
}
