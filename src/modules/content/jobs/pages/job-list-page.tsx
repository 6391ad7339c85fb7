import { h } from '../../../../portal/jsx.js';
import { Layout, type PageContext } from '../../../../portal/layout.js';
import type { JobsT } from '../i18n/jobs-i18n.js';
import { placeOf, type JobRow } from '../job-repository.js';
import { formatSalary } from '../salary.js';
import { JobPager } from './job-pager.js';

export interface TownLink { id: string; name: string }

/** 招聘大全: open postings, newest first, 20 a page, with links that narrow the list to one town. */
export function JobListPage(props: {
  ctx: PageContext; t: JobsT; jobs: JobRow[]; towns: TownLink[]; town: TownLink | null;
  page: number; pages: number; total: number; base: string;
}) {
  const { ctx, t, jobs, towns, town, page, pages, total, base } = props;
  const siteTitle = ctx.t('site.title', { city: ctx.cityName });
  const title = town ? t('jobs.town_title', { town: town.name }) : t('jobs.title');
  const trail = town
    ? [{ label: siteTitle, href: '/' }, { label: t('jobs.title'), href: '/jobs' }, { label: town.name }]
    : [{ label: siteTitle, href: '/' }, { label: t('jobs.title') }];
  return (
    <Layout ctx={ctx} title={page > 1 ? `${title} ${t('jobs.pager.page', { n: page })}` : title}
      description={t('jobs.description', { city: ctx.cityName })} breadcrumb={trail} head={{ columnName: t('jobs.title') }}>
      <section class="panel">
        <div class="list-head">
          <h1>{title}</h1>
          {jobs.length > 0 ? <span class="muted">{t('jobs.count', { total, page, pages })}</span> : null}
        </div>
        <nav class="subcategories" aria-label={t('jobs.filter.label')}>
          <ul>
            <li><a href="/jobs" aria-current={town ? null : 'page'}>{t('jobs.filter.all')}</a></li>
            {towns.map((tw) => <li><a href={`/jobs/town/${tw.id}`} aria-current={town?.id === tw.id ? 'page' : null}>{tw.name}</a></li>)}
          </ul>
        </nav>
        {jobs.length === 0
          ? <p>{t('jobs.empty')}</p>
          : (
            <ul class="item-list">
              {jobs.map((job) => (
                <li>
                  <a href={`/jobs/${job.id}`}>{job.position}</a>
                  <span class="muted">{formatSalary(t, job.salary_min, job.salary_max)}</span>
                  <p>
                    {[job.employer_name, placeOf(job), t('jobs.headcount', { n: job.headcount }), t('jobs.valid_until', { date: job.valid_until })].join(' · ')}
                  </p>
                </li>
              ))}
            </ul>
          )}
        <JobPager t={t} base={base} page={page} pages={pages} />
      </section>
    </Layout>
  );
}
