import { charLength, compact, endsSentence, hasSentencePunctuation, type SourceLine } from './text-lines.js';
import { dateOnlyLine, docNumberLine, isOrganName } from './official-patterns.js';

/**
 * Removes what a web page wraps around a document when someone copies the whole page: navigation menus,
 * breadcrumbs, the time / source / view-count line, share and QR-code prompts, "recommended" and
 * previous/next blocks, promotional sentences ("下面是小编为大家整理的…"), copyright and ICP lines.
 * The rules look at the shape of lines (short, bulleted, in runs, no sentence punctuation) and at words
 * such pages use, never at one site's menu.
 */

/** Breadcrumb: "当前位置: 站名 > 栏目 > 正文", or any short line of three or more parts joined by > » › →. */
function isBreadcrumb(text: string): boolean {
  if (/^(当前位置|您的位置|你的位置|您现在的位置|您当前的位置|当前页面|所在位置|位置)\s*[:：]/u.test(text)) return true;
  const parts = text.split(/\s*[>»›→]\s*/u).filter((p) => p !== '');
  return parts.length >= 3 && charLength(text) <= 80 && parts.every((p) => charLength(p) <= 20);
}

/** The article's meta line: publication time, source, author, view counter, font size, print/close links. */
// Documents write dates as 2023年4月23日; page templates print 2023-04-23 12:20:07. Labels count only at the
// start of the line or after a space, so a notice's "报名时间：" or "经费来源：" is not taken for page furniture.
const META_PATTERNS = [
  /(^|\s)(发布|更新|录入|添加|上传)?(时间|日期)\s*[:：]\s*\d{4}[-/]\d{1,2}[-/]\d{1,2}/u,
  /(^|\s)(来源|出处|供稿|编辑|责任编辑|作者|发布者|发布人|信息来源)\s*[:：]/u,
  /(浏览|阅读|点击|访问|查看|围观)(次数|量|数|人次)\s*[:：]?\s*\d+/u,
  /(浏览|阅读|点击)\s*[:：]\s*\d+/u,
  /\d+\s*(人|次)(已)?(阅读|浏览|查看|围观|访问)/u,
  /本文已(影响|被浏览|被阅读)/u,
  /手机(站|版|网|访问|阅读)/u,
  /字号\s*[:：]?\s*[【\[]?\s*(大|小|中)/u,
  /[【\[]\s*(大|中|小|打印|关闭|收藏|返回)\s*[】\]]/u,
  /(打印本页|打印此页|关闭窗口|关闭本页|收藏本页|返回顶部|返回首页|加入收藏|设为首页|我要纠错|字体[:：]?[大中小])/u,
];
// A sentence of the document ends with a full stop; furniture never does.
function isMetaLine(text: string): boolean {
  return charLength(text) <= 120 && !/。$/u.test(text) && META_PATTERNS.some((p) => p.test(text));
}

const SHARE = /(分享到|一键分享|分享至|扫一扫|扫码|二维码|微信扫|手机扫描|长按识别|关注(我们|本站)?的?(微信)?公众号|用手机(打开|浏览|看))/u;
function isShareLine(text: string): boolean {
  return charLength(text) <= 60 && !/。$/u.test(text) && SHARE.test(text);
}

const FOOTER = /(版权所有|版权归|Copyright|©|\(c\)\s*\d{4}|ICP\s*(备|证)|公网安备|网站标识码|网站地图|联系我们|免责声明|关于我们|建议使用.{0,20}浏览器|最佳分辨率|Powered\s+by|技术支持\s*[:：])/iu;
function isFooterLine(text: string): boolean {
  return charLength(text) <= 200 && !/。$/u.test(text) && FOOTER.test(text);
}

/** Headers of link lists that follow an article on a portal: what comes under them is more links. */
const LINK_BLOCK_HEADER = /^(推荐访问|推荐阅读|推荐文章|相关(文章|阅读|推荐|文档|链接|资讯|新闻|范文|内容|下载)|热门(文章|推荐|阅读|文档|标签|排行)|猜你喜欢|延伸阅读|精彩推荐|为你推荐|最新(文章|发布|更新|推荐)|更多(相关|精彩|推荐|文章)|上一篇|下一篇|上一页|下一页|上一条|下一条|相关标签|标签|TAGS?)\s*([:：].*)?$/iu;

/** Sentences the site wrote about the article ("下面是小编为大家整理的…，供大家参考。"). */
const PROMOTION = /(小编|为(大家|您|你)(整理|收集|分享|准备|带来|推荐)|供(大家|您|你)(参考|借鉴|阅读|学习)|欢迎(阅读|下载|借鉴|参考|收藏)|希望(对|能)(你|您|大家)|仅供(参考|学习)|免费(下载|阅读|获取)|点击(下载|查看|阅读|进入|这里|此处|链接)|更多.{0,24}(请|敬请)(关注|访问|点击|查看)|本文(由|来自|来源于|转载).{0,24}(整理|网|站)|下载(全文|文档|本文|完整版)|全文阅读|查看全文|阅读全文|[本该]?文档(共|仅)?\d+页)/u;

/** Removes the promotional sentences from a line; '' when nothing else was in it. */
function withoutPromotion(text: string): string {
  if (!PROMOTION.test(text)) return text;
  const sentences = text.match(/[^。！？!?]+[。！？!?]*/gu) ?? [text];
  return sentences.filter((s) => !PROMOTION.test(s)).join('').trim();
}

/**
 * A navigation label: short, no sentence punctuation, not something an official document has on a line of
 * its own (a date, an organ's name, a document number, a numbered heading).
 */
function isNavLabel(text: string): boolean {
  const t = compact(text);
  return charLength(t) <= 8 && !hasSentencePunctuation(t) && !/^[（(]?[一二三四五六七八九十\d]+[）)、.．]/u.test(t)
    && dateOnlyLine(t) === null && docNumberLine(t) === null && !isOrganName(t) && !/^(附件|抄送)/u.test(t);
}

/**
 * "首页 | 新闻中心 | 通知公告 | 政策文件": a menu flattened into one line. Separated by spaces alone it needs
 * four labels, none with 关于 or 的: a title justified with spaces ("关于 加强 老年教育 工作的 意见") is not a menu.
 */
function isMenuLine(text: string): boolean {
  const piped = /[|｜丨]/u.test(text);
  const tokens = text.split(/\s*[|｜丨/]\s*|\s+/u).filter((t) => t !== '');
  if (tokens.length < (piped ? 3 : 4) || charLength(text) > 100) return false;
  if (!piped && tokens.some((t) => /关于|的/u.test(t))) return false;
  if (docNumberLine(text) !== null || dateOnlyLine(text) !== null) return false;
  if (tokens.filter(isOrganName).length * 2 >= tokens.length) return false; // joint issuing organs
  return tokens.every((t) => charLength(t) <= 8 && !hasSentencePunctuation(t) && dateOnlyLine(t) === null);
}

/** A line of a link list: a title, not a paragraph (no full stop, not long). */
function isLinkLike(text: string): boolean {
  return charLength(text) <= 60 && !endsSentence(text) && dateOnlyLine(text) === null && !isOrganName(text);
}

export interface CleanLine { text: string; /** Its position among the input lines. */ line: number }

/** The lines of the page that may belong to the document, and how many lines were dropped as debris. */
export function dropWebDebris(lines: SourceLine[]): { kept: CleanLine[]; dropped: number } {
  const keep: (string | null)[] = lines.map((l) => l.text);
  let inLinkBlock = false;
  lines.forEach((line, i) => {
    const text = line.text;
    if (LINK_BLOCK_HEADER.test(compact(text))) {
      keep[i] = null;
      inLinkBlock = true;
      return;
    }
    if (inLinkBlock) {
      if (isLinkLike(text) || line.bulleted) { keep[i] = null; return; }
      inLinkBlock = false;
    }
    if (isBreadcrumb(text) || isMetaLine(text) || isShareLine(text) || isFooterLine(text) || isMenuLine(text)
      || (line.bulleted && isNavLabel(text))) {
      keep[i] = null;
      return;
    }
    const cleaned = withoutPromotion(text);
    keep[i] = /[\p{L}\p{N}]/u.test(cleaned) ? cleaned : null;
  });
  dropNavigationRuns(keep);
  const kept = keep.flatMap((text, i) => (text === null ? [] : [{ text, line: lines[i].line }]));
  return { kept, dropped: lines.length - kept.length };
}

/** Three or more navigation labels in a row (bulleted or not) are a menu. */
function dropNavigationRuns(keep: (string | null)[]): void {
  let start = -1;
  const flush = (end: number) => {
    if (start >= 0 && end - start >= 3) for (let j = start; j < end; j++) keep[j] = null;
    start = -1;
  };
  keep.forEach((text, i) => {
    if (text !== null && isNavLabel(text)) {
      if (start < 0) start = i;
    } else if (text !== null) flush(i);
  });
  flush(keep.length);
}
