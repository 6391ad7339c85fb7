import { h, raw, type SafeHtml } from '../../../portal/jsx.js';
import type { PageContext } from '../../../portal/layout.js';
import type { ContentOfficialDocumentsTable } from '../content-schema.js';
import { pagesT } from './i18n/pages-i18n.js';
import type { PublishedItem } from './page-queries.js';
import { articleHref } from './page-parts.js';
import { PRINT_CSS } from './print-css.js';

/**
 * Marks paragraphs that open with a 公文 heading number so the print CSS can set their font:
 * 一、 (l1, 黑体), （一） (l2, 楷体), 1. / 1、 (l3, 仿宋 bold); （1） stays body text. Only a class attribute
 * is added to already-sanitised markup, and only to bare `<p>` tags.
 */
export function markHeadingLevels(bodyHtml: string): string {
  return bodyHtml.replace(/<p>(\s*)(?=([一二三四五六七八九十]+、)|([（(][一二三四五六七八九十]+[）)])|(\d+[.．、](?!\d)))/g,
    (_m, space: string, l1?: string, l2?: string) => `<p class="${l1 ? 'l1' : l2 ? 'l2' : 'l3'}">${space}`);
}

/** 2023-04-20 → 2023年4月20日 (the standard writes dates with Arabic numerals, no leading zeros). */
export function chineseDate(ymd: string | null): string {
  const m = ymd ? /^(\d{4})-(\d{2})-(\d{2})/.exec(ymd) : null;
  return m ? `${m[1]}年${Number(m[2])}月${Number(m[3])}日` : '';
}

/** The document in the GB/T 9704-2012 layout; a standalone page (no portal shell) so it prints as the paper would. */
export function PrintPage(props: { ctx: PageContext; item: PublishedItem; official: ContentOfficialDocumentsTable | null }): SafeHtml {
  const { ctx, item, official: o } = props;
  const pt = pagesT(ctx.locale);
  const organ = o?.issuing_organ ?? item.source;
  const written = chineseDate(o?.written_date ?? item.published_at);
  const page = (
    <body>
      <nav class="print-tools" aria-label={pt('print.button')}>
        <a href={articleHref(item.id)}>{pt('print.back')}</a>
        <button type="button" id="print-page" hidden>{pt('print.button')}</button>
      </nav>
      <main class="sheet" lang="zh-CN">
        {o ? [<p class="organ-mark">{`${organ}文件`}</p>, o.doc_number ? <p class="doc-number">{o.doc_number}</p> : null, <hr class="red-rule" />] : null}
        <h1 class="doc-title">{item.title}</h1>
        {o?.addressees ? <p class="addressees">{`${o.addressees}：`}</p> : null}
        <div class="doc-body">{raw(markHeadingLevels(item.body_html))}</div>
        {o?.attachment_notes ? <p class="attachment-notes">{o.attachment_notes}</p> : null}
        <div class="signature">
          <p>{organ}</p>
          {written ? <p>{written}</p> : null}
        </div>
        {o && (o.cc || o.printing_organ)
          ? (
            <div class="closing">
              {o.cc ? <p class="cc">{pt('print.cc')}{o.cc}</p> : null}
              {o.printing_organ
                ? <p class="printed"><span>{o.printing_organ}</span><span>{`${chineseDate(o.printing_date)}印发`}</span></p>
                : null}
            </div>
          )
          : null}
      </main>
      <script src={`/assets/portal.js?v=${ctx.assetVersion}`} defer></script>
    </body>
  );
  const head = (
    <head>
      <meta charset="utf-8" />
      <meta name="viewport" content="width=device-width, initial-scale=1" />
      <meta name="robots" content="noindex" />
      <title>{item.title}</title>
      <link rel="canonical" href={`${ctx.baseUrl}${articleHref(item.id)}`} />
      <style>{raw(PRINT_CSS)}</style>
    </head>
  );
  return raw(`<!doctype html><html lang="${ctx.locale}">${head.html}${page.html}</html>`);
}
