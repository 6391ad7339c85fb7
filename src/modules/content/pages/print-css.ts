/**
 * The GB/T 9704-2012 (党政机关公文格式) print layout, as CSS for Chromium's print engine.
 *
 * Page: A4, top margin (天头) 37 mm, left margin (订口) 28 mm, type area (版心) 156 × 225 mm, so the right
 * margin is 26 mm and the bottom 35 mm. 22 lines of 28 characters: line pitch 225 / 22 = 10.227 mm, character
 * pitch 156 / 28 = 5.571 mm, i.e. a 3号 (16 pt = 5.644 mm) body with −0.073 mm letter spacing.
 *
 * Fonts (open stand-ins from fonts-noto-cjk for the fonts the standard names; the proprietary ones are
 * used first when a reader's machine has them):
 *   方正小标宋 (title, organ mark) → Noto Serif CJK SC, weight 900 (Black) / 700 (Bold)
 *   仿宋 (body)                    → Noto Serif CJK SC, weight 400 (a light serif like 仿宋)
 *   黑体 (first-level headings 一、) → Noto Sans CJK SC, weight 500
 *   楷体 (second-level headings （一）) → Noto Serif CJK SC, weight 600: Noto has no Kai face; the heavier
 *                                   serif keeps the level visibly distinct from the body
 *
 * Page numbers: 4号 (14 pt) `— n —`, the rule's top 7 mm below the type area, odd pages at the right and even
 * pages at the left, one character in from the type area's edge. Chromium (since 131) prints @page margin
 * boxes and honours the :left / :right page selectors (the first page is a right page), so
 * @bottom-right / @bottom-left with counter(page) do it without script.
 */
export const PRINT_CSS = `
@page {
  size: 210mm 297mm;
  margin: 37mm 26mm 35mm 28mm;
}
@page :right {
  @bottom-right {
    content: "— " counter(page) " —";
    font: 14pt "Noto Serif CJK SC", "SimSun", serif;
    vertical-align: top; text-align: right;
    padding-top: 7mm; padding-right: 1em;
  }
}
@page :left {
  @bottom-left {
    content: "— " counter(page) " —";
    font: 14pt "Noto Serif CJK SC", "SimSun", serif;
    vertical-align: top; text-align: left;
    padding-top: 7mm; padding-left: 1em;
  }
}
:root {
  --fangsong: "FangSong_GB2312", "FangSong", "STFangsong", "Noto Serif CJK SC", serif;
  --xiaobiaosong: "FZXiaoBiaoSong-B05S", "方正小标宋简体", "Noto Serif CJK SC", serif;
  --heiti: "SimHei", "STHeiti", "Noto Sans CJK SC", sans-serif;
  --kaiti: "KaiTi_GB2312", "KaiTi", "STKaiti", "Noto Serif CJK SC", serif;
  --line: 10.227mm;
}
html { background: #e9ecef; }
body { margin: 0; color: #000; }
.print-tools { font: 16px/1.5 system-ui, "Noto Sans CJK SC", sans-serif; display: flex; gap: 1rem; justify-content: center; padding: 1rem; }
.print-tools a, .print-tools button { min-height: 44px; display: inline-flex; align-items: center; padding: 0 1rem; border: 2px solid #0b4f9c; border-radius: 6px; background: #fff; color: #0b4f9c; font: inherit; cursor: pointer; text-decoration: none; }
.sheet {
  box-sizing: content-box; width: 156mm; margin: 0 auto 2rem; padding: 37mm 26mm 35mm 28mm; background: #fff;
  box-shadow: 0 1px 6px rgba(0,0,0,.25);
  font-family: var(--fangsong); font-weight: 400; font-size: 16pt; line-height: var(--line); letter-spacing: -0.073mm;
}
.sheet p { margin: 0; text-indent: 2em; text-align: justify; }
.sheet .organ-mark { text-indent: 0; font-family: var(--xiaobiaosong); font-weight: 900; color: #c00; text-align: center; font-size: 26pt; line-height: 1.2; letter-spacing: .1em; margin: 0 0 var(--line); }
.sheet .doc-number { text-indent: 0; text-align: center; margin: 0; }
.red-rule { border: 0; border-top: 0.5mm solid #c00; margin: 4mm 0 var(--line); }
.doc-title { font-family: var(--xiaobiaosong); font-weight: 700; font-size: 22pt; line-height: 1.5; text-align: center; margin: 0 0 var(--line); letter-spacing: 0; }
.sheet p.addressees { text-indent: 0; }
.sheet h2, .sheet p.l1 { font-family: var(--heiti); font-weight: 500; font-size: 16pt; margin: 0; text-indent: 2em; line-height: var(--line); }
.sheet h3, .sheet p.l2 { font-family: var(--kaiti); font-weight: 600; font-size: 16pt; margin: 0; text-indent: 2em; line-height: var(--line); }
.sheet h4, .sheet p.l3 { font-weight: 700; font-size: 16pt; margin: 0; text-indent: 2em; line-height: var(--line); }
.sheet ul, .sheet ol { margin: 0; padding-left: 2em; }
.sheet table { border-collapse: collapse; width: 100%; font-size: 12pt; line-height: 1.5; }
.sheet td, .sheet th { border: 0.25mm solid #000; padding: 1mm 2mm; }
.sheet img { max-width: 100%; }
.attachment-notes { margin-top: var(--line); }
.signature { margin-top: calc(var(--line) * 2); text-align: right; padding-right: 4em; text-indent: 0; }
.sheet .signature p { text-indent: 0; text-align: right; }
.closing { margin-top: calc(var(--line) * 2); border-top: 0.35mm solid #000; border-bottom: 0.35mm solid #000; font-size: 14pt; line-height: 7mm; break-inside: avoid; }
.closing p { text-indent: 0; padding: 0 1em; margin: 0; }
.closing .cc { border-bottom: 0.25mm solid #000; }
.closing .printed { display: flex; justify-content: space-between; }
@media print {
  html { background: none; }
  .print-tools { display: none; }
  .sheet { width: auto; margin: 0; padding: 0; box-shadow: none; }
}
@media screen and (max-width: 760px) {
  .sheet { width: auto; padding: 1.5rem 1rem; font-size: 18px; line-height: 1.8; letter-spacing: 0; }
  .sheet h2, .sheet h3, .sheet h4, .sheet p.l1, .sheet p.l2, .sheet p.l3 { font-size: 18px; line-height: 1.8; }
  .doc-title { font-size: 24px; }
  .sheet .organ-mark { font-size: 28px; }
  .closing { font-size: 16px; line-height: 1.8; }
}
`;
