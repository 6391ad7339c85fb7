import type { Disclosure, OfficialDocType } from '../content-schema.js';
import { charLength, compact, hasSentencePunctuation } from './text-lines.js';

/**
 * What the parts of a 公文 look like on a line (GB/T 9704-2012 and the 党政机关公文处理工作条例): the
 * document number, dates, the title, the addressees, organ names. Each recogniser looks at one line and
 * knows nothing of its neighbours; text-import.ts decides where in the document to look.
 */

// ---- 发文字号: <organ abbreviation + type characters>〔YYYY〕N号 --------------------------------------------
// Brackets are often typed as [] () （） 【】 ［］; the standard's are the hexagonal 〔〕.
const DOC_NUMBER = /([\p{Script=Han}A-Za-z]{1,15})\s*[〔［[（(【]\s*((?:19|20)\d{2})\s*[〕］\]）)】]\s*(\d{1,5})\s*号/u;

export interface DocNumber { text: string; year: number }

/** A document number anywhere in the text, normalised to 〔〕 (X教发 [2023] 12 号 → X教发〔2023〕12号). */
export function findDocNumber(text: string): DocNumber | null {
  const m = DOC_NUMBER.exec(text);
  if (!m) return null;
  return { text: `${m[1]}〔${m[2]}〕${Number(m[3])}号`, year: Number(m[2]) };
}

/**
 * A line that carries a document number and nothing else of substance — the number printed under the
 * red head or under the title, possibly in parentheses and possibly with the signer (签发人：…) beside it.
 * A sentence that cites another document's number is not such a line.
 */
export function docNumberLine(line: string): { number: DocNumber; signer: string | null } | null {
  const number = findDocNumber(line);
  if (!number) return null;
  const signer = signerOf(line);
  const rest = compact(line).replace(DOC_NUMBER, '').replace(/签发人[:：]?[\p{Script=Han}·]{0,12}/u, '').replace(/[（）()〔〕\[\]【】]/g, '');
  return charLength(rest) <= 2 ? { number, signer } : null;
}

export function signerOf(line: string): string | null {
  const m = /签发人\s*[:：]\s*([\p{Script=Han}·]{2,12}(?:[ 、，,][\p{Script=Han}·]{2,12})*)/u.exec(line);
  return m ? m[1].trim() : null;
}

// ---- dates --------------------------------------------------------------------------------------------------
const HAN_DIGITS: Record<string, number> = {
  '〇': 0, '○': 0, '零': 0, 'Ｏ': 0, 'O': 0, '一': 1, '二': 2, '三': 3, '四': 4, '五': 5, '六': 6, '七': 7, '八': 8, '九': 9,
};

/** 二十三 → 23, 十二 → 12, 十 → 10, 4 → 4 (month and day numbers in either script). */
function smallNumber(text: string): number | null {
  if (/^\d{1,2}$/.test(text)) return Number(text);
  const m = /^([一二三])?(十)?([一二三四五六七八九])?$/.exec(text);
  if (!m || text === '') return null;
  if (!m[2]) {
    const digit = m[1] ?? m[3];
    return m[1] && m[3] ? null : digit ? HAN_DIGITS[digit] : null;
  }
  return (m[1] ? HAN_DIGITS[m[1]] : 1) * 10 + (m[3] ? HAN_DIGITS[m[3]] : 0);
}

function yearNumber(text: string): number | null {
  if (/^\d{4}$/.test(text)) return Number(text);
  if (![...text].every((c) => c in HAN_DIGITS) || charLength(text) !== 4) return null;
  return Number([...text].map((c) => HAN_DIGITS[c]).join(''));
}

function isoDate(year: number, month: number, day: number): string | null {
  const date = new Date(Date.UTC(year, month - 1, day));
  if (year < 1949 || year > 2100 || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) return null;
  return `${year}-${String(month).padStart(2, '0')}-${String(day).padStart(2, '0')}`;
}

const HAN_YEAR = '[0-9〇○零ＯO一二三四五六七八九]{4}';
const HAN_SMALL = '[0-9]{1,2}|[一二三]?十?[一二三四五六七八九]?';
const CHINESE_DATE = new RegExp(`(${HAN_YEAR})\\s*年\\s*(${HAN_SMALL})\\s*月\\s*(${HAN_SMALL})\\s*日`, 'u');
const NUMERIC_DATE = /((?:19|20)\d{2})[-./](\d{1,2})[-./](\d{1,2})(?!\d)/;

/** The first date in a line: 2023年4月23日, 二〇二三年四月二十三日, 2023-04-23 or 2023.4.23 → YYYY-MM-DD. */
export function findDate(text: string): { iso: string; index: number; length: number } | null {
  const zh = CHINESE_DATE.exec(text);
  if (zh) {
    const year = yearNumber(zh[1]);
    const month = smallNumber(zh[2]);
    const day = smallNumber(zh[3]);
    const iso = year !== null && month !== null && day !== null ? isoDate(year, month, day) : null;
    if (iso) return { iso, index: zh.index, length: zh[0].length };
  }
  const num = NUMERIC_DATE.exec(text);
  if (num) {
    const iso = isoDate(Number(num[1]), Number(num[2]), Number(num[3]));
    if (iso) return { iso, index: num.index, length: num[0].length };
  }
  return null;
}

/** A line that is only a date (the 成文日期 under the closing organ), perhaps in parentheses. */
export function dateOnlyLine(line: string): string | null {
  const found = findDate(line);
  if (!found) return null;
  const rest = compact(line.slice(0, found.index) + line.slice(found.index + found.length)).replace(/[（）()]/g, '');
  return rest === '' ? found.iso : null;
}

// ---- organs, addressees, titles ---------------------------------------------------------------------------
/** Words an organ's or unit's name ends with (人民政府, 教育局, 委员会, 办公室, 社区教育中心 …). */
const ORGAN_END = /(政府|委员会|委|局|厅|部|办公室|办|室|处|科|院|会|所|站|中心|学校|学院|大学|小学|中学|幼儿园|公司|集团|街道|社区|村|镇|乡|组|队|馆|单位|部门|机关|机构|团体|党委|党组|支部|总支|协会|联合会|学会|研究会|企业)$/u;

export function isOrganName(text: string): boolean {
  const t = compact(text);
  const n = charLength(t);
  return n >= 2 && n <= 40 && !hasSentencePunctuation(t) && ORGAN_END.test(t);
}

const ADDRESSEE_EXCLUDED = /^(附件|抄送|抄报|主题词|关键词|联系人|联系电话|电话|地址|邮编|签发人|来源|时间|发布时间|作者|备注|注|说明|标签|当前位置|您的位置)/u;

/**
 * The 主送机关 line: organ names separated by ，, 、 or ; and closed by a colon ("各镇人民政府，市各有关单位：").
 * Returns the names as groups (，/,/；) of members (、), or null.
 */
export function addresseeLine(line: string): string[] | null {
  const t = compact(line);
  if (!/[：:]$/.test(t) || ADDRESSEE_EXCLUDED.test(t) || /[。！？]/.test(t)) return null;
  const body = t.slice(0, -1);
  if (charLength(body) < 2 || charLength(body) > 200) return null;
  const groups = body.split(/[，,；;]/).filter((g) => g !== '');
  if (groups.length === 0) return null;
  const names = groups.flatMap((g) => g.split('、'));
  // Every name must read as an organ or a group of organs (各镇…, 市各有关单位, 各位委员 are addressees too).
  const organLike = (n: string) => isOrganName(n) || (/^(各|全体|有关|市|县|区|省)/u.test(n) && charLength(n) <= 20 && !/[：:]/.test(n));
  return names.every(organLike) ? groups : null;
}

/** The 15 types by the word a title ends with, longest first so 复函 and 实施意见 resolve right. */
const TITLE_TYPE_ENDINGS: [string, OfficialDocType][] = [
  ['实施意见', 'opinion'], ['指导意见', 'opinion'], ['复函', 'letter'], ['决议', 'resolution'], ['决定', 'decision'],
  ['命令', 'order'], ['公报', 'communique'], ['公告', 'announcement'], ['通告', 'public_notice'], ['意见', 'opinion'],
  ['通知', 'notice'], ['通报', 'circular'], ['报告', 'report'], ['请示', 'request'], ['批复', 'reply'], ['议案', 'motion'],
  ['纪要', 'minutes'], ['函', 'letter'], ['令', 'order'],
];
/** Other documents a government site files as 公文 (a regulation is issued with a 通知 but often pasted alone). */
const OTHER_TITLE_ENDINGS = ['办法', '规定', '方案', '细则', '规划', '计划', '要点', '条例', '规则', '纲要', '制度', '标准', '章程', '总结', '规范', '指南', '须知'];

export function docTypeOfTitle(title: string): OfficialDocType | null {
  // A closing parenthetical (（试行）, （2024年修订）) is not the type; the inner class excludes opening brackets so a
  // line of many brackets cannot make the search quadratic.
  const t = compact(title).replace(/[（(][^（(）)]*[）)]$/u, '');
  for (const [ending, type] of TITLE_TYPE_ENDINGS) {
    // 令 alone is too common an ending (e.g. 口令); only 第N号令-style titles count.
    if (ending === '令' && !/第.{1,6}号令$/u.test(t)) continue;
    if (t.endsWith(ending)) return type;
  }
  return null;
}

/** Could this line be a document's title? (No sentence end, not too long, a 关于… or a known type at the end.) */
export function titleScore(line: string): number {
  const t = compact(line);
  const n = charLength(t);
  if (n < 4 || n > 90 || /[。！？；：:]$/.test(t) || /^[（(]?[一二三四五六七八九十\d]+[）)、.．]/u.test(t)) return 0;
  let score = 0;
  if (/^关于/u.test(t) || /^.{2,30}?关于.+的/u.test(t)) score += 2;
  if (docTypeOfTitle(t) || OTHER_TITLE_ENDINGS.some((e) => t.endsWith(e) || t.endsWith(e + '》'))) score += 2;
  if (!hasSentencePunctuation(t.replace(/[《》“”"、]/g, ''))) score += 1;
  return score;
}

/** Strips a page's category tag in front of a headline: "【教育意见】关于…" → "关于…". */
export function withoutCategoryTag(line: string): string {
  return line.replace(/^[【\[][^】\]]{1,12}[】\]]\s*/u, '');
}

export function hasCategoryTag(line: string): boolean {
  return withoutCategoryTag(line) !== line;
}

// ---- the closing block (版记) and notes --------------------------------------------------------------------
export function ccLine(line: string): string | null {
  const m = /^抄\s*送\s*[:：]\s*(.+?)[。.]?$/u.exec(line.trim());
  return m ? m[1].trim() : null;
}

/** "市教育局办公室 2023年4月23日印发" → organ and date. */
export function printingLine(line: string): { organ: string; date: string | null } | null {
  const t = line.trim();
  if (!/印\s*发$/u.test(t)) return null;
  const date = findDate(t);
  const organ = (date ? t.slice(0, date.index) : t.replace(/印\s*发$/u, '')).trim();
  if (!organ || charLength(organ) > 40) return null;
  return { organ, date: date?.iso ?? null };
}

/** "（此件公开发布）" and its variants say how the document is disclosed. */
export function disclosureNote(line: string): Disclosure | null {
  const t = compact(line);
  if (!/^[（(].*[）)]$/u.test(t) || charLength(t) > 20 || !/此件|本件/u.test(t)) return null;
  if (/不予公开|不公开/u.test(t)) return 'not_public';
  if (/依申请公开/u.test(t)) return 'on_request';
  if (/公开发布|主动公开|公开/u.test(t)) return 'proactive';
  return null;
}

/** "附件：1．xxx" → the rest after the colon ('' when the list starts on the next line), or null. */
export function attachmentHeader(line: string): string | null {
  const m = /^附\s*件\s*[:：]\s*(.*)$/u.exec(line.trim());
  return m ? m[1].trim() : null;
}

/** Strips "1．" / "2、" / "(3)" in front of one attachment name and a closing full stop. */
export function attachmentName(text: string): string {
  return text.trim().replace(/^(?:\d{1,2}\s*[.．、]|[（(]\d{1,2}[）)])\s*/u, '').replace(/[。；;]$/u, '').trim();
}

export function numberedListItem(line: string): boolean {
  return /^(?:\d{1,2}\s*[.．、](?!\d)|[（(]\d{1,2}[）)])/u.test(line.trim());
}
