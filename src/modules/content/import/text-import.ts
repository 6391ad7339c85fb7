import type { Disclosure, OfficialDocType } from '../content-schema.js';
import { sourceLines, splitLines, compact, charLength, hasSentencePunctuation } from './text-lines.js';
import { dropWebDebris } from './web-debris.js';
import {
  addresseeLine, attachmentHeader, attachmentName, ccLine, dateOnlyLine, disclosureNote, docNumberLine, docTypeOfTitle,
  findDate, hasCategoryTag, isOrganName, numberedListItem, printingLine, titleScore, withoutCategoryTag,
} from './official-patterns.js';
import { buildSections, headingMarker, type ImportedSection } from './document-structure.js';
import { documentBodyHtml } from './imported-html.js';

/**
 * Plain text of an official document → a structured draft. A pure function: the same text always gives
 * the same result, nothing is read or written.
 *
 * The text may be a clean document or a whole web page copied from a browser. The page's furniture is
 * dropped first (web-debris.ts); then the document is read in the order GB/T 9704-2012 lays it out:
 *   [red head, 发文字号, 签发人]  title  主送机关：  body (一、 （一） 1、 （1）)  附件：…  落款 organ(s)  成文日期
 *   [（此件公开发布）, notes]  [抄送：…  印发机关 印发日期]
 * Each part is optional except the title; what is not recognised stays in the body as paragraphs.
 */
export interface ImportedDocument {
  title: string;
  /** Guessed from the word the title ends with (…的意见 → opinion); null when it ends with none of the 15. */
  docType: OfficialDocType | null;
  /** 发文字号 normalised to 〔〕. */
  docNumber: string | null;
  docYear: number | null;
  signer: string | null;
  /** 主送机关 without its colon: groups joined by the separator the document uses (，or ,), members by 、. '' when none. */
  addressees: string;
  /** Paragraphs before the first numbered heading. */
  preamble: string[];
  sections: ImportedSection[];
  /** 附件说明: the attachments' names in order, numbering removed. */
  attachmentNotes: string[];
  /** 落款: the organ line(s) above the date. */
  closingOrgans: string[];
  /** 成文日期, YYYY-MM-DD. */
  writtenDate: string | null;
  /** 附注 and other lines after the date (联系人…), kept at the end of the body. */
  notes: string[];
  disclosure: Disclosure | null;
  cc: string | null;
  printingOrgan: string | null;
  printingDate: string | null;
  /** The text body (preamble, sections, notes) as sanitised HTML; see imported-html.ts. */
  bodyHtml: string;
  /** How many source lines were dropped as page furniture or unrecognised head matter. */
  droppedLines: number;
}

/** Lines with only rules or symbols (the lines around 版记 drawn with ─ or ———). */
const RULE_LINE = /^[\s\-─━—_=*~·.。]+$/u;

/**
 * What each input line turned out to be. The Word import uses this to keep exactly the body paragraphs of
 * the converted HTML (title, addressees, attachment notes and 落款 become fields, furniture goes).
 */
export type LineRole = 'dropped' | 'head' | 'title' | 'addressees' | 'body' | 'attachments' | 'closing' | 'tail';

export interface OfficialTextAnalysis {
  doc: ImportedDocument;
  /** One role per input line (empty lines are 'dropped'). */
  roles: LineRole[];
}

export function importOfficialText(text: string): ImportedDocument {
  return analyseOfficialLines(splitLines(text)).doc;
}

/** The import on a document already split into lines (a Word file's paragraphs). */
export function analyseOfficialLines(input: string[]): OfficialTextAnalysis {
  const { kept } = dropWebDebris(sourceLines(input));
  const clean = kept.filter((k) => !RULE_LINE.test(k.text));
  const lines = clean.map((k) => k.text);
  const roles: LineRole[] = input.map(() => 'dropped');
  const mark = (indices: Iterable<number>, role: LineRole) => { for (const i of indices) roles[clean[i].line] = role; };

  const head = locateHead(lines);
  // Head matter before the title: keep the document number and signer, drop the rest (red head, page headline).
  let docNumber: { text: string; year: number } | null = null;
  let signer: string | null = null;
  for (const i of head.headLines) {
    const found = docNumberLine(lines[i]);
    const signerOnly = /^签发人\s*[:：]\s*(.+)$/u.exec(lines[i]);
    if (found && !docNumber) docNumber = found.number;
    if (found?.signer) signer = found.signer;
    if (signerOnly) signer = signerOnly[1].trim();
    if (found || signerOnly) mark([i], 'head');
  }
  if (head.titleAt >= 0) mark(range(head.titleStart, head.titleAt + 1), 'title');
  if (head.addresseeAt >= 0) mark([head.addresseeAt], 'addressees');

  const tail = readTail(lines, head.bodyStart);
  mark(range(head.bodyStart, tail.bodyEnd), 'body');
  mark(tail.noteLines, 'body');
  mark(tail.attachmentLines, 'attachments');
  mark(tail.closingLines, 'closing');
  mark(tail.tailLines, 'tail');

  const { preamble, sections } = buildSections(lines.slice(head.bodyStart, tail.bodyEnd));
  const notes = tail.noteLines.map((i) => lines[i]);
  const doc: ImportedDocument = {
    title: head.title,
    docType: head.title ? docTypeOfTitle(head.title) : null,
    docNumber: docNumber?.text ?? null,
    docYear: docNumber?.year ?? null,
    signer,
    addressees: head.addressees,
    preamble,
    sections,
    attachmentNotes: tail.attachmentNotes,
    closingOrgans: tail.closingOrgans,
    writtenDate: tail.writtenDate,
    notes,
    disclosure: tail.disclosure,
    cc: tail.cc,
    printingOrgan: tail.printingOrgan,
    printingDate: tail.printingDate,
    bodyHtml: documentBodyHtml(preamble, sections, notes),
    droppedLines: roles.filter((r, i) => r === 'dropped' && input[i].trim() !== '').length,
  };
  return { doc, roles };
}

const range = (from: number, to: number) => Array.from({ length: Math.max(0, to - from) }, (_, k) => from + k);

interface Head {
  title: string;
  /** Line indices of the title (two when it was broken over two lines) and of the addressee line (-1: none). */
  titleStart: number;
  titleAt: number;
  addresseeAt: number;
  addressees: string;
  headLines: number[];
  bodyStart: number;
}

/**
 * Finds the title and the 主送机关. The addressee line is the surest landmark (organ names closed by a colon);
 * the title is the title-like line just above it, perhaps broken over two lines. Without addressees (公告,
 * 通告, 纪要 have none) the title is the most title-like line before the body begins. Everything above the
 * title is head matter: a red head, a document number, or the page's own headline and teaser.
 */
function locateHead(lines: string[]): Head {
  const firstHeading = lines.findIndex((l) => headingMarker(l) !== null);
  // A page's teaser (the document's opening run together) may stand above the title: look past it for addressees.
  const addresseeAt = lines.slice(0, firstHeading < 0 ? lines.length : firstHeading).findIndex((l) => addresseeLine(l) !== null);
  const firstBody = lines.findIndex((l) => headingMarker(l) !== null || (charLength(l) > 60 && /。$/u.test(l)));
  const searchEnd = firstBody < 0 ? lines.length : firstBody;

  let titleAt = -1;
  if (addresseeAt >= 0) {
    for (let j = addresseeAt - 1; j >= Math.max(0, addresseeAt - 3) && titleAt < 0; j--) {
      if (docNumberLine(lines[j])) continue;
      if (titleScore(withoutCategoryTag(lines[j])) > 0) titleAt = j;
    }
  } else {
    let best = 0;
    for (let j = 0; j < searchEnd; j++) {
      const score = titleScore(withoutCategoryTag(lines[j])) + (hasCategoryTag(lines[j]) ? 0 : 0.5);
      // Later lines win ties: a copied page shows its own headline above the document's title.
      if (score >= best && score >= 2) { best = score; titleAt = j; }
    }
  }

  let title = titleAt >= 0 ? withoutCategoryTag(lines[titleAt]) : '';
  let titleStart = titleAt;
  if (titleAt > 0 && continuesTitle(lines[titleAt - 1], title)) {
    title = lines[titleAt - 1] + title;
    titleStart = titleAt - 1;
  }
  if (titleAt < 0 && lines.length > 0 && addresseeAt !== 0) {
    // No line looks like a title: the first line is the best guess, and the editor will see it.
    titleAt = titleStart = 0;
    title = withoutCategoryTag(lines[0]);
  }

  // Between the title and the body: a document number printed under the title belongs to the head.
  const headLines = Array.from({ length: Math.max(titleStart, 0) }, (_, i) => i);
  let bodyStart = titleAt + 1;
  if (addresseeAt > titleAt) {
    for (let j = titleAt + 1; j < addresseeAt; j++) headLines.push(j);
    bodyStart = addresseeAt + 1;
  } else {
    while (bodyStart < lines.length && docNumberLine(lines[bodyStart])) headLines.push(bodyStart++);
  }
  return {
    title: compactTitle(title), titleStart, titleAt, addresseeAt,
    addressees: addresseeAt >= 0 ? joinAddressees(lines[addresseeAt], addresseeLine(lines[addresseeAt])!) : '',
    headLines,
    bodyStart: Math.max(bodyStart, 0),
  };
}

/**
 * The addressee groups joined with the separator the document itself uses between them (the first of ，
 * , ；), so a mixed line reads consistently and the text stays as its author wrote it.
 */
function joinAddressees(line: string, groups: string[]): string {
  const separator = /[，,；;]/u.exec(line)?.[0] ?? '，';
  return groups.join(separator);
}

/** A title broken over two lines: the first half has the 关于, the second the type word. */
function continuesTitle(previous: string, title: string): boolean {
  return !hasCategoryTag(previous) && charLength(previous) <= 40 && !hasSentencePunctuation(previous.replace(/[《》“”、]/g, ''))
    && /关于/u.test(previous) && !/关于/u.test(title) && docTypeOfTitle(previous) === null && !docNumberLine(previous)
    && !/文件$/u.test(previous);
}

/** Titles are set without spaces; pages insert them (关于 进一步 加强…) when they justify text. */
function compactTitle(title: string): string {
  return title.replace(/(?<=[\p{Script=Han}《》“”（）])\s+(?=[\p{Script=Han}《》“”（）])/gu, '').trim();
}

interface Tail {
  /** Where the text body ends (the 附件说明 or the 落款 begins). */
  bodyEnd: number;
  attachmentLines: number[];
  closingLines: number[];
  /** Lines after the date that are not 版记 or a disclosure note: kept at the end of the body. */
  noteLines: number[];
  tailLines: number[];
  attachmentNotes: string[];
  closingOrgans: string[];
  writtenDate: string | null;
  disclosure: Disclosure | null;
  cc: string | null;
  printingOrgan: string | null;
  printingDate: string | null;
}

/**
 * Reads the end of the document: the 落款 (organ lines, then the date on a line of its own), what follows it
 * (disclosure note, 附注, 抄送, 印发), and the 附件说明 just above the 落款.
 */
function readTail(lines: string[], bodyStart: number): Tail {
  const tail: Tail = {
    bodyEnd: lines.length, attachmentLines: [], closingLines: [], noteLines: [], tailLines: [], attachmentNotes: [],
    closingOrgans: [], writtenDate: null, disclosure: null, cc: null, printingOrgan: null, printingDate: null,
  };
  let dateAt = -1;
  for (let i = lines.length - 1; i >= bodyStart && dateAt < 0; i--) {
    const closing = closingDateLine(lines[i]);
    if (closing) {
      dateAt = i;
      tail.writtenDate = closing.date;
      if (closing.organ) tail.closingOrgans.push(closing.organ);
    }
  }
  let afterBody = lines.length;
  if (dateAt >= 0) {
    let organStart = dateAt;
    while (organStart - 1 >= bodyStart && tail.closingOrgans.length < 4 && isOrganName(lines[organStart - 1])) {
      tail.closingOrgans.unshift(compact(lines[--organStart]));
    }
    tail.closingLines = range(organStart, dateAt + 1);
    tail.bodyEnd = organStart;
    afterBody = dateAt + 1;
  } else {
    // No 落款 date: a 版记 may still close the text.
    while (tail.bodyEnd - 1 >= bodyStart && (ccLine(lines[tail.bodyEnd - 1]) || printingLine(lines[tail.bodyEnd - 1]))) tail.bodyEnd--;
    afterBody = tail.bodyEnd;
  }
  for (let i = afterBody; i < lines.length; i++) readAfterDate(lines[i], i, tail);
  // 附件说明: "附件：1．…" and further numbered names, the last such block above the 落款.
  for (let h = tail.bodyEnd - 1; h >= bodyStart; h--) {
    const first = attachmentHeader(lines[h]);
    if (first === null) continue;
    const following = lines.slice(h + 1, tail.bodyEnd);
    if (!following.every((l) => numberedListItem(l) && charLength(l) <= 80)) break;
    tail.attachmentNotes = [first, ...following].filter((n) => n !== '').map(attachmentName).filter((n) => n !== '')
      .concat(tail.attachmentNotes);
    tail.attachmentLines = range(h, tail.bodyEnd);
    tail.bodyEnd = h;
    break;
  }
  return tail;
}

/** The 成文日期 line: a date alone, or the closing organ and the date on one line. */
function closingDateLine(line: string): { date: string; organ: string | null } | null {
  const alone = dateOnlyLine(line);
  if (alone) return { date: alone, organ: null };
  const found = findDate(line);
  if (!found || found.index + found.length !== line.length) return null;
  const organ = compact(line.slice(0, found.index));
  return isOrganName(organ) ? { date: found.iso, organ } : null;
}

function readAfterDate(line: string, index: number, tail: Tail): void {
  const disclosure = disclosureNote(line);
  const cc = ccLine(line);
  const printing = printingLine(line);
  const attachment = attachmentHeader(line);
  if (disclosure) tail.disclosure = disclosure;
  else if (cc) tail.cc = cc;
  else if (printing) { tail.printingOrgan = printing.organ; tail.printingDate = printing.date; }
  else if (attachment) tail.attachmentNotes.push(attachmentName(attachment));
  else { tail.noteLines.push(index); return; }
  (attachment ? tail.attachmentLines : tail.tailLines).push(index);
}
