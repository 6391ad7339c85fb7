import { h } from '../../../portal/jsx.js';
import type { PageContext } from '../../../portal/layout.js';
import { formatZhDateTime } from '../../../core/time.js';
import { pagesT } from './i18n/pages-i18n.js';

/** Small pieces the content pages share: item lists, the pager, dates. */

export function articleHref(id: string): string {
  return `/a/${encodeURIComponent(id)}`;
}

/** YYYY-MM-DD in China time (lists); full `2023-04-23 12:20:07` on the article itself. */
export function zhDate(iso: string): string {
  return iso ? formatZhDateTime(iso).slice(0, 10) : '';
}

export function ItemList(props: { items: { id: string; title: string; published_at?: string | null }[]; empty: string; dates?: boolean }) {
  if (props.items.length === 0) return <p class="muted">{props.empty}</p>;
  return (
    <ul class="item-list">
      {props.items.map((item) => (
        <li>
          <a href={articleHref(item.id)}>{item.title}</a>
          {props.dates !== false && item.published_at ? <time datetime={item.published_at}>{zhDate(item.published_at)}</time> : null}
        </li>
      ))}
    </ul>
  );
}

/**
 * Numbered pages with stable URLs: page 1 is `base`, page n is `base/n` (category pages) or `base?page=n`
 * (listings with filters; `hrefOf` decides). Shows the first, last and two either side of the current page.
 */
export function Pager(props: { ctx: PageContext; page: number; pages: number; hrefOf: (n: number) => string }) {
  const { ctx, page, pages, hrefOf } = props;
  if (pages <= 1) return null;
  const pt = pagesT(ctx.locale);
  const shown = [...new Set([1, page - 2, page - 1, page, page + 1, page + 2, pages])].filter((n) => n >= 1 && n <= pages).sort((a, b) => a - b);
  const cells: unknown[] = [];
  let last = 0;
  for (const n of shown) {
    if (n - last > 1) cells.push(<li class="gap" aria-hidden="true">…</li>);
    cells.push(<li>{n === page
      ? <span class="current" aria-current="page" aria-label={pt('pager.page', { n })}>{n}</span>
      : <a href={hrefOf(n)} aria-label={pt('pager.page', { n })}>{n}</a>}</li>);
    last = n;
  }
  return (
    <nav class="pager" aria-label={pt('pager.label')}>
      <ul>
        {page > 1 ? <li><a href={hrefOf(page - 1)} rel="prev">{pt('pager.prev')}</a></li> : null}
        {cells}
        {page < pages ? <li><a href={hrefOf(page + 1)} rel="next">{pt('pager.next')}</a></li> : null}
      </ul>
    </nav>
  );
}
