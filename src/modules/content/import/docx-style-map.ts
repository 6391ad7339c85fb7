/**
 * Mammoth's style map for official documents. The page has its own <h1> (the item's title), so a Word
 * Title becomes h1 only to be recognised and lifted out, and Word's heading levels shift down one:
 * Heading 1/2/3/4 → h2/h3/h4/h5 — the same levels the plain-text import gives 一、 （一） 1、 （1）.
 * Chinese Word writes the built-in names in English in styles.xml, but documents made from Chinese
 * templates (WPS, older Office) carry 标题 / 标题 1 …, so both are mapped. Lists (Word numbering) and tables
 * are converted by mammoth itself; "List Paragraph" without numbering stays a paragraph.
 */
const LEVELS: [string[], string][] = [
  [['Title', '标题', '文件标题', '公文标题'], 'h1:fresh'],
  [['Subtitle', '副标题'], 'p:fresh'],
  [['Heading 1', 'heading 1', '标题 1', '标题1', '一级标题'], 'h2:fresh'],
  [['Heading 2', 'heading 2', '标题 2', '标题2', '二级标题'], 'h3:fresh'],
  [['Heading 3', 'heading 3', '标题 3', '标题3', '三级标题'], 'h4:fresh'],
  [['Heading 4', 'heading 4', '标题 4', '标题4', '四级标题'], 'h5:fresh'],
  [['Heading 5', 'heading 5', '标题 5', '标题5', 'Heading 6', 'heading 6', '标题 6', '标题6'], 'h6:fresh'],
];

export const OFFICIAL_DOCUMENT_STYLE_MAP: string[] = [
  ...LEVELS.flatMap(([names, target]) => names.map((name) => `p[style-name='${name}'] => ${target}`)),
  // Word's emphasis styles; underline is kept as <u> (documents underline blanks to fill in).
  "r[style-name='Strong'] => strong",
  "r[style-name='Emphasis'] => em",
  'u => u',
  // Comments and tracked deletions are the drafters' notes, never the published text.
  'comment-reference => !',
];

/** Word styles whose paragraph is the document's title. */
export function isTitleStyle(styleName: string | null): boolean {
  return styleName !== null && LEVELS[0][0].some((n) => n.toLowerCase() === styleName.toLowerCase());
}
