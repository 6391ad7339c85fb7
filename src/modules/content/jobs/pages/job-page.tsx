import { h, raw } from '../../../../portal/jsx.js';
import { Layout, type PageContext } from '../../../../portal/layout.js';
import { absoluteUrl, jobPostingLd } from '../../../../portal/seo.js';
import { formatZhDateTime, isoWithShanghaiOffset } from '../../../../core/time.js';
import type { JobsT } from '../i18n/jobs-i18n.js';
import { isNavigableLink } from '../job-fields.js';
import { placeOf, type JobRow } from '../job-repository.js';
import { formatSalary } from '../salary.js';

/**
 * One posting. An expired posting keeps its page (links and search results still lead here), marked 已过期
 * and without the JobPosting data, which search engines read as an open position.
 */
export function JobPage(props: { ctx: PageContext; t: JobsT; job: JobRow; expired: boolean }) {
  const { ctx, t, job, expired } = props;
  const siteTitle = ctx.t('site.title', { city: ctx.cityName });
  const place = placeOf(job);
  const salary = formatSalary(t, job.salary_min, job.salary_max);
  const published = job.published_at ? formatZhDateTime(job.published_at) : '';
  const description = `${job.employer_name} · ${job.position} · ${t('jobs.headcount', { n: job.headcount })} · ${salary} · ${place}`;
  const url = absoluteUrl(ctx.baseUrl, `/jobs/${job.id}`);
  const jsonLd = expired || !job.published_at ? [] : [jobPostingLd({
    url, title: job.position, descriptionHtml: job.requirements_html, datePosted: isoWithShanghaiOffset(job.published_at),
    validThrough: `${job.valid_until}T23:59:59+08:00`, employer: job.employer_name, locality: place, region: ctx.cityName,
    headcount: job.headcount, salaryMin: job.salary_min, salaryMax: job.salary_max,
  })];
  const training = job.training_link;
  return (
    <Layout ctx={ctx} title={job.position} description={description}
      breadcrumb={[{ label: siteTitle, href: '/' }, { label: t('jobs.title'), href: '/jobs' }, { label: job.position }]}
      head={{ columnName: t('jobs.title'), articleTitle: job.position, pubDate: published, contentSource: job.employer_name, jsonLd, noindex: expired }}>
      <article class="panel article">
        <h1>{job.position}{expired ? `（${t('job.expired')}）` : ''}</h1>
        <p class="article-meta"><span>{t('jobs.posted', { date: published })}</span><span>{job.employer_name}</span></p>
        {expired ? <p class="summary" role="note"><strong>{t('job.expired')}</strong> {t('job.expired_note')}</p> : null}
        <table class="doc-fields">
          <tbody>
            <tr><th scope="row">{t('job.employer')}</th><td>{job.employer_name}</td></tr>
            <tr><th scope="row">{t('job.headcount')}</th><td>{t('job.headcount_value', { n: job.headcount })}</td></tr>
            <tr><th scope="row">{t('job.location')}</th><td>{place}</td></tr>
            <tr><th scope="row">{t('job.salary')}</th><td>{salary}</td></tr>
            <tr><th scope="row">{t('job.contact')}</th><td>{job.contact}</td></tr>
            <tr><th scope="row">{t('job.valid_until')}</th><td>{job.valid_until}{expired ? `（${t('job.expired')}）` : ''}</td></tr>
            {training ? (
              <tr><th scope="row">{t('job.training')}</th><td>{isNavigableLink(training)
                ? <a href={training} rel={training.startsWith('/') ? null : 'noopener nofollow'}>{training}</a>
                : training}</td></tr>
            ) : null}
          </tbody>
        </table>
        <h2>{t('job.requirements')}</h2>
        {/* Sanitised with the allowlist when it was saved (items/sanitize-html.ts). */}
        <div class="article-body">{raw(job.requirements_html)}</div>
        <p><a href="/jobs">{t('job.back')}</a></p>
      </article>
    </Layout>
  );
}
