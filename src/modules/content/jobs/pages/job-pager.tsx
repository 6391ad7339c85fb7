import { h } from '../../../../portal/jsx.js';
import type { JobsT } from '../i18n/jobs-i18n.js';

/** The address of page n of a job listing: page 1 is the listing itself, the others `<base>/page/<n>`. */
export function jobListPageHref(base: string, n: number): string {
  return n <= 1 ? base : `${base}/page/${n}`;
}

/** Previous / numbered / next links; a window of pages around the current one keeps it short on a phone. */
export function JobPager(props: { t: JobsT; base: string; page: number; pages: number }) {
  const { t, base, page, pages } = props;
  if (pages <= 1) return null;
  const first = Math.max(1, Math.min(page - 2, pages - 4));
  const numbers = Array.from({ length: Math.min(5, pages) }, (_, i) => first + i);
  return (
    <nav class="pager" aria-label={t('jobs.pager.label')}>
      <ul>
        {page > 1 ? <li><a href={jobListPageHref(base, page - 1)} rel="prev">{t('jobs.pager.prev')}</a></li> : null}
        {numbers.map((n) => (
          <li>{n === page
            ? <span class="current" aria-current="page">{String(n)}</span>
            : <a href={jobListPageHref(base, n)} aria-label={t('jobs.pager.page', { n })}>{String(n)}</a>}</li>
        ))}
        {page < pages ? <li><a href={jobListPageHref(base, page + 1)} rel="next">{t('jobs.pager.next')}</a></li> : null}
      </ul>
    </nav>
  );
}
