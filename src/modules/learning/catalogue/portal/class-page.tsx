import { h, type SafeHtml } from '../../../../portal/jsx.js';
import { Layout, type PageContext } from '../../../../portal/layout.js';
import { formatZhDateTime } from '../../../../core/time.js';
import type { ClassRow } from '../catalogue-repository.js';
import { fromTenths } from '../catalogue-format.js';
import { classFacts } from './class-facts.js';
import { categoryLabel, classesT } from './i18n/classes-i18n.js';

export interface SessionLine { seq: number; starts_at: string; ends_at: string; status: string }

function Fact(props: { label: string; children?: unknown }) {
  return <div><dt>{props.label}</dt><dd>{props.children}</dd></div>;
}

/** One class: everything a resident needs to decide, the course description, the sessions, and the enrol area. */
export function ClassPage(props: { ctx: PageContext; row: ClassRow; sessions: SessionLine[]; prerequisiteTitle: string | null; sections: SafeHtml[] }) {
  const { ctx, row, sessions } = props;
  const t = classesT(ctx.locale);
  const facts = classFacts(row, t, ctx.locale, props.prerequisiteTitle);
  const when = (iso: string) => formatZhDateTime(iso).slice(0, 16);
  const status = row.status === 'cancelled' ? t('class.status_cancelled', { reason: row.cancel_reason ?? '' })
    : row.status === 'finished' ? t('class.status_finished') : row.status === 'draft' ? t('class.status_draft') : null;
  return (
    <Layout ctx={ctx} title={row.title} description={`${row.institution_name} · ${facts.schedule}`}
      breadcrumb={[{ label: ctx.t('site.title', { city: ctx.cityName }), href: '/' }, { label: t('classes.title'), href: '/classes' }, { label: row.title }]}
      head={{ columnName: t('classes.title'), articleTitle: row.title, contentSource: row.institution_name, noindex: row.status !== 'open' }}>
      <article class="panel" aria-labelledby="class-title">
        <h1 id="class-title">{row.title}</h1>
        {status ? <p class="alert" role="status">{status}</p> : null}
        <p class="muted">{[categoryLabel(t, row.category), row.term_name].join(' · ')}</p>
        <section aria-label={t('class.fields')}>
          <dl class="doc-fields">
            <Fact label={t('class.institution')}><a href={`/places/${row.institution_id}`}>{row.institution_name}</a></Fact>
            <Fact label={t('class.town')}>{row.town_name}</Fact>
            <Fact label={t('class.schedule')}>{facts.schedule}</Fact>
            <Fact label={t('class.period')}>{facts.dates}（{t('class.sessions_count', { n: sessions.length })}）</Fact>
            <Fact label={t('class.venue')}>{row.venue || '—'}</Fact>
            <Fact label={t('class.teacher')}>{row.teacher_name ?? t('class.teacher_tbd')}</Fact>
            <Fact label={t('class.seats')}>{t('class.seats_detail', { seats: row.seats, state: facts.seats })}</Fact>
            <Fact label={t('class.fee')}>{facts.fee}</Fact>
            <Fact label={t('class.eligibility')}>{facts.eligibility}</Fact>
            <Fact label={t('class.window')}>{t('class.window_detail', { from: when(row.enrol_opens_at), to: when(row.enrol_closes_at) })}</Fact>
            {row.returning_opens_at ? <Fact label={t('class.returning_window')}>{when(row.returning_opens_at)}（{t('class.returning_first')}）</Fact> : null}
            {row.mode === 'lottery' ? <Fact label={t('class.window')}>{t('class.lottery')}</Fact> : null}
            <Fact label={t('class.hours')}>{t('class.hours_detail', { hours: fromTenths(row.hours_tenths), credits: fromTenths(row.credits_tenths) })}</Fact>
          </dl>
        </section>
        {props.sections}
        {row.course_description.trim() ? (
          <section aria-labelledby="class-about">
            <h2 id="class-about">{t('class.about')}</h2>
            <p>{row.course_description}</p>
          </section>
        ) : null}
        <section aria-labelledby="class-sessions">
          <h2 id="class-sessions">{t('class.sessions')}</h2>
          <ol class="item-list">
            {sessions.map((s) => (
              <li>{t('class.session_line', { seq: s.seq })} · {when(s.starts_at)}–{formatZhDateTime(s.ends_at).slice(11, 16)}{s.status === 'cancelled' ? t('class.session_cancelled') : ''}</li>
            ))}
          </ol>
        </section>
      </article>
    </Layout>
  );
}
