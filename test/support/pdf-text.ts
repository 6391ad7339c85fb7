import zlib from 'node:zlib';

/**
 * Just enough of a PDF reader to check what Chromium printed: each page's size and its text runs with their
 * positions. Handles what Chromium (Skia) writes: indirect objects, Flate streams, Type0/TrueType fonts with
 * ToUnicode CMaps, text shown with Tj / TJ after Tf and Tm/Td, inside q/Q and cm. Not a general PDF parser.
 */
export interface PdfText { text: string; x: number; y: number }
export interface PdfPage { width: number; height: number; texts: PdfText[] }

interface PdfObject { dict: string; stream: Buffer | null }

function readObjects(pdf: Buffer): Map<number, PdfObject> {
  const src = pdf.toString('latin1');
  const objects = new Map<number, PdfObject>();
  const re = /(\d+) 0 obj\s*([\s\S]*?)endobj/g;
  for (let m = re.exec(src); m; m = re.exec(src)) {
    const body = m[2];
    const s = body.indexOf('stream');
    if (s < 0) {
      objects.set(Number(m[1]), { dict: body, stream: null });
      continue;
    }
    const dict = body.slice(0, s);
    let start = s + 'stream'.length;
    if (body[start] === '\r') start++;
    if (body[start] === '\n') start++;
    const length = /\/Length (\d+)(?! 0 R)/.exec(dict);
    const end = length ? start + Number(length[1]) : body.lastIndexOf('endstream');
    let bytes = Buffer.from(body.slice(start, end), 'latin1');
    if (/\/FlateDecode/.test(dict)) bytes = zlib.inflateSync(bytes);
    objects.set(Number(m[1]), { dict, stream: bytes });
  }
  return objects;
}

function ref(dict: string, key: string): number | null {
  const m = new RegExp(`/${key}\\s+(\\d+) 0 R`).exec(dict);
  return m ? Number(m[1]) : null;
}

/** The `<< … >>` value of a key, nesting respected. */
function subDict(dict: string, key: string): string | null {
  const i = dict.indexOf(`/${key}`);
  if (i < 0) return null;
  const open = dict.indexOf('<<', i);
  if (open < 0 || /\d+ 0 R/.test(dict.slice(i + key.length + 1, open).trim()) && dict.slice(i + key.length + 1, open).trim().length > 0) return null;
  let depth = 0;
  for (let j = open; j < dict.length - 1; j++) {
    if (dict.startsWith('<<', j)) { depth++; j++; } else if (dict.startsWith('>>', j)) { depth--; j++; if (depth === 0) return dict.slice(open, j + 1); }
  }
  return null;
}

function parseCMap(cmap: string): Map<number, string> {
  const map = new Map<number, string>();
  const hexToString = (hex: string) => {
    let s = '';
    for (let i = 0; i + 4 <= hex.length; i += 4) s += String.fromCharCode(parseInt(hex.slice(i, i + 4), 16));
    return s;
  };
  for (const block of cmap.matchAll(/beginbfchar([\s\S]*?)endbfchar/g)) {
    for (const m of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>/g)) map.set(parseInt(m[1], 16), hexToString(m[2]));
  }
  for (const block of cmap.matchAll(/beginbfrange([\s\S]*?)endbfrange/g)) {
    for (const m of block[1].matchAll(/<([0-9a-fA-F]+)>\s*<([0-9a-fA-F]+)>\s*(<[0-9a-fA-F]+>|\[[^\]]*\])/g)) {
      const lo = parseInt(m[1], 16);
      const hi = parseInt(m[2], 16);
      if (m[3].startsWith('[')) {
        [...m[3].matchAll(/<([0-9a-fA-F]+)>/g)].forEach((d, k) => map.set(lo + k, hexToString(d[1])));
      } else {
        const base = hexToString(m[3].slice(1, -1));
        for (let c = lo; c <= hi; c++) map.set(c, base.slice(0, -1) + String.fromCharCode(base.charCodeAt(base.length - 1) + (c - lo)));
      }
    }
  }
  return map;
}

type Matrix = [number, number, number, number, number, number];
const multiply = (a: Matrix, b: Matrix): Matrix => [
  a[0] * b[0] + a[1] * b[2], a[0] * b[1] + a[1] * b[3], a[2] * b[0] + a[3] * b[2], a[2] * b[1] + a[3] * b[3],
  a[4] * b[0] + a[5] * b[2] + b[4], a[4] * b[1] + a[5] * b[3] + b[5],
];

export function pdfPages(pdf: Buffer): PdfPage[] {
  const objects = readObjects(pdf);
  const fontMaps = new Map<number, { map: Map<number, string>; bytes: number }>();
  const fontMap = (id: number) => {
    if (!fontMaps.has(id)) {
      const font = objects.get(id)!;
      const toUnicode = ref(font.dict, 'ToUnicode');
      const cmap = toUnicode !== null ? objects.get(toUnicode)?.stream?.toString('latin1') ?? '' : '';
      fontMaps.set(id, { map: parseCMap(cmap), bytes: /\/Type0/.test(font.dict) ? 2 : 1 });
    }
    return fontMaps.get(id)!;
  };
  // Pages in document order: follow the page tree from the catalog's /Pages.
  const order: number[] = [];
  const walk = (id: number) => {
    const node = objects.get(id)!;
    if (/\/Type\s*\/Pages/.test(node.dict)) {
      const kids = /\/Kids\s*\[([^\]]*)\]/.exec(node.dict)![1];
      for (const k of kids.matchAll(/(\d+) 0 R/g)) walk(Number(k[1]));
    } else order.push(id);
  };
  const catalog = [...objects.values()].find((o) => /\/Type\s*\/Catalog/.test(o.dict))!;
  walk(ref(catalog.dict, 'Pages')!);

  return order.map((pageId) => {
    const page = objects.get(pageId)!;
    const box = /\/MediaBox\s*\[\s*([\d.]+)\s+([\d.]+)\s+([\d.]+)\s+([\d.]+)\s*\]/.exec(page.dict)!;
    const resId = ref(page.dict, 'Resources');
    const resources = resId !== null ? objects.get(resId)!.dict : subDict(page.dict, 'Resources') ?? '';
    const fontDictRef = ref(resources, 'Font');
    const fontDict = fontDictRef !== null ? objects.get(fontDictRef)!.dict : subDict(resources, 'Font') ?? '';
    const fonts = new Map([...fontDict.matchAll(/\/([\w.+-]+)\s+(\d+) 0 R/g)].map((m) => [m[1], Number(m[2])]));
    const contentIds = (/\/Contents\s*\[([^\]]*)\]/.exec(page.dict)?.[1] ?? /\/Contents\s+(\d+ 0 R)/.exec(page.dict)?.[1] ?? '')
      .split(/\s+0\s+R/).map((s) => s.trim()).filter(Boolean).map(Number);
    const content = contentIds.map((id) => objects.get(id)!.stream!.toString('latin1')).join('\n');
    return { width: Number(box[3]) - Number(box[1]), height: Number(box[4]) - Number(box[2]), texts: runText(content, fonts, fontMap) };
  });
}

function runText(content: string, fonts: Map<string, number>, fontMap: (id: number) => { map: Map<number, string>; bytes: number }): PdfText[] {
  const texts: PdfText[] = [];
  const stack: Matrix[] = [];
  let ctm: Matrix = [1, 0, 0, 1, 0, 0];
  let tm: Matrix = [1, 0, 0, 1, 0, 0];
  let lineStart: Matrix = tm;
  let font: { map: Map<number, string>; bytes: number } | null = null;
  const operands: string[] = [];
  const decode = (hexOrLiteral: string) => {
    if (!font) return '';
    let codes: number[] = [];
    if (hexOrLiteral.startsWith('<')) {
      const hex = hexOrLiteral.slice(1, -1).replace(/\s/g, '');
      const step = font.bytes * 2;
      for (let i = 0; i + step <= hex.length; i += step) codes.push(parseInt(hex.slice(i, i + step), 16));
    } else {
      codes = [...hexOrLiteral.slice(1, -1).replace(/\\(.)/g, '$1')].map((c) => c.charCodeAt(0));
    }
    return codes.map((c) => font!.map.get(c) ?? '').join('');
  };
  const show = (s: string) => {
    if (!s) return;
    const m = multiply(tm, ctm);
    texts.push({ text: s, x: m[4], y: m[5] });
  };
  const tokens = content.match(/<[0-9a-fA-F\s]*>|\((?:\\.|[^\\)])*\)|\[|\]|\/[^\s/[\]()<>]+|[-+]?\d*\.?\d+|[A-Za-z'"*]+/g) ?? [];
  let array: string[] | null = null;
  for (const tok of tokens) {
    if (tok === '[') { array = []; continue; }
    if (tok === ']') { operands.push(JSON.stringify(array)); array = null; continue; }
    if (array) { array.push(tok); continue; }
    if (/^[A-Za-z'"*]+$/.test(tok)) {
      const n = operands.map(Number);
      switch (tok) {
        case 'q': stack.push(ctm); break;
        case 'Q': ctm = stack.pop() ?? ctm; break;
        case 'cm': ctm = multiply(n.slice(-6) as Matrix, ctm); break;
        case 'BT': tm = [1, 0, 0, 1, 0, 0]; lineStart = tm; break;
        case 'Tm': tm = n.slice(-6) as Matrix; lineStart = tm; break;
        case 'Td': case 'TD': tm = multiply([1, 0, 0, 1, n[n.length - 2], n[n.length - 1]], lineStart); lineStart = tm; break;
        case 'Tf': { const id = fonts.get(operands[operands.length - 2].slice(1)); font = id !== undefined ? fontMap(id) : null; break; }
        case 'Tj': show(decode(operands[operands.length - 1])); break;
        case 'TJ': show((JSON.parse(operands[operands.length - 1]) as string[]).filter((x) => /^[<(]/.test(x)).map(decode).join('')); break;
      }
      operands.length = 0;
    } else operands.push(tok);
  }
  return texts;
}

/** A page's text as lines, top to bottom, each line's runs left to right (runs within 2 pt of height are one line). */
export function pdfLines(page: PdfPage): { text: string; x: number; y: number }[] {
  const lines: { y: number; runs: PdfText[] }[] = [];
  for (const run of page.texts) {
    const line = lines.find((l) => Math.abs(l.y - run.y) < 2);
    if (line) line.runs.push(run);
    else lines.push({ y: run.y, runs: [run] });
  }
  return lines.sort((a, b) => b.y - a.y).map((l) => {
    const runs = l.runs.sort((a, b) => a.x - b.x);
    return { text: foldRadicals(runs.map((r) => r.text).join('')), x: runs[0].x, y: l.y };
  });
}

/**
 * Noto CJK's ToUnicode maps some simplified-Chinese glyphs to radical code points (⾜ for 足, ⻘ for 青):
 * NFKC folds the Kangxi radicals back; the CJK Radicals Supplement ones need this table.
 */
const RADICAL_SUPPLEMENT: Record<string, string> = {
  '⺠': '民', '⻘': '青', '⻓': '长', '⻔': '门', '⻅': '见', '⻆': '角', '⻝': '食', '⻢': '马', '⻋': '车', '⻄': '西', '⻛': '风',
  '⻜': '飞', '⻉': '贝', '⻤': '鬼', '⻩': '黄', '⻬': '齐', '⻰': '龙', '⻚': '页', '⻨': '麦', '⻦': '鸟', '⻥': '鱼', '⻮': '齿',
  '⻈': '讠', '⻊': '足', '⺟': '母', '⻣': '骨', '⻧': '卤', '⻫': '斉', '⻙': '韦', '⻍': '辶',
};
export function foldRadicals(text: string): string {
  return text.replace(/[\u2F00-\u2FDF]/g, (c) => c.normalize('NFKC')).replace(/[\u2E80-\u2EFF]/g, (c) => RADICAL_SUPPLEMENT[c] ?? c);
}
