import { h } from '../../../../portal/jsx.js';
import { Layout, type PageContext } from '../../../../portal/layout.js';
import { COURSE_CATEGORIES } from '../../learning-schema.js';
import type { ClassRow } from '../catalogue-repository.js';
import { weekdayName } from '../schedule.js';
import { classFacts } from './class-facts.js';
import { classesHref } from './classes-href.js';
import { categoryLabel, classesT, type ClassesT } from './i18n/classes-i18n.js';
import type { ClassesFilter } from './portal-queries.js';

interface Option { value: string; label: string }

function Select(props: { name: string; label: string; value: string; allLabel: string; options: Option[] }) {
  return (
    <div class="field">
      <label htmlFor={`f-${props.name}`}>{props.label}</label>
      <select id={`f-${props.name}`} name={props.name}>
        <option value="">{props.allLabel}</option>
        {props.options.map((o) => <option value={o.value} selected={o.value === props.value}>{o.label}</option>)}
      </select>
    </div>
  );
}

function ClassCard(props: { row: ClassRow; t: ClassesT; locale: PageContext['locale'] }) {
  const { row, t, locale } = props;
  const facts = classFacts(row, t, locale);
  return (
    <li>
      <a href={`/classes/${row.id}`}>{row.title}</a>
      <span class="muted">{[row.institution_name, row.town_name, categoryLabel(t, row.category)].join(' · ')}</span>
      <p><span class="nowrap">{facts.schedule}</span> · <span class="nowrap">{facts.dates}</span></p>
      <p><strong>{facts.seats}</strong> · {facts.fee} · {facts.eligibility}</p>
    </li>
  );
}

function Pager(props: { t: ClassesT; filter: ClassesFilter; pages: number }) {
  const { t, filter, pages } = props;
  const page = filter.page;
  if (pages <= 1) return null;
  const first = Math.max(1, Math.min(page - 2, pages - 4));
  const numbers = Array.from({ length: Math.min(5, pages) }, (_, i) => first + i);
  return (
    <nav class="pager" aria-label={t('classes.pager.label')}>
      <ul>
        {page > 1 ? <li><a href={classesHref(filter, page - 1)} rel="prev">{t('classes.pager.prev')}</a></li> : null}
        {numbers.map((n) => (
          <li>{n === page
            ? <span class="current" aria-current="page">{String(n)}</span>
            : <a href={classesHref(filter, n)} aria-label={t('classes.pager.page', { n })}>{String(n)}</a>}</li>
        ))}
        {page < pages ? <li><a href={classesHref(filter, page + 1)} rel="next">{t('classes.pager.next')}</a></li> : null}
      </ul>
    </nav>
  );
}

/** 学习班级: open classes with plain GET filters (town, village, category, day, has seats, term), 20 a page. */
export function ClassesPage(props: {
  ctx: PageContext; filter: ClassesFilter; rows: ClassRow[]; total: number;
  towns: Option[]; villages: Option[]; terms: Option[];
}) {
  const { ctx, filter, rows, total } = props;
  const t = classesT(ctx.locale);
  const filtered = Boolean(filter.town || filter.village || filter.category || filter.day || filter.seats || filter.term);
  const pages = Math.max(1, Math.ceil(total / 20));
  const categories = COURSE_CATEGORIES.map((c) => ({ value: c, label: categoryLabel(t, c) }));
  const days = [1, 2, 3, 4, 5, 6, 7].map((d) => ({ value: String(d), label: weekdayName(ctx.locale, d) }));
  return (
    <Layout ctx={ctx} title={filter.page > 1 ? `${t('classes.title')} ${t('classes.pager.page', { n: filter.page })}` : t('classes.title')}
      description={t('classes.intro')}
      breadcrumb={[{ label: ctx.t('site.title', { city: ctx.cityName }), href: '/' }, { label: t('classes.title') }]}
      head={{ canonicalPath: classesHref(filter), columnName: t('classes.title'), noindex: filtered || filter.page > 1 }}>
      <section class="panel" aria-labelledby="classes-title">
        <div class="list-head"><h1 id="classes-title">{t('classes.title')}</h1></div>
        <p class="muted">{t('classes.intro')}</p>
        <form class="disclosure-filters" method="get" action="/classes" aria-label={t('classes.filter')}>
          <Select name="town" label={t('classes.town')} value={filter.town} allLabel={t('classes.all')} options={props.towns} />
          <Select name="village" label={t('classes.village')} value={filter.village} allLabel={t('classes.all')} options={props.villages} />
          <Select name="category" label={t('classes.category')} value={filter.category} allLabel={t('classes.all')} options={categories} />
          <Select name="day" label={t('classes.day')} value={filter.day} allLabel={t('classes.all')} options={days} />
          <Select name="term" label={t('classes.term')} value={filter.term} allLabel={t('classes.all')} options={props.terms} />
          <div class="field">
            <label class="check"><input type="checkbox" name="seats" value="1" checked={filter.seats === '1'} /> {t('classes.has_seats')}</label>
          </div>
          <div class="actions">
            <button class="btn" type="submit">{t('classes.apply')}</button>
            {filtered ? <a class="btn secondary" href="/classes">{t('classes.reset')}</a> : null}
          </div>
        </form>
        <p class="muted" role="status">{t('classes.results', { total })}</p>
        {rows.length === 0 ? <p>{t('classes.empty')}</p> : <ul class="item-list cards">{rows.map((row) => <ClassCard row={row} t={t} locale={ctx.locale} />)}</ul>}
        <Pager t={t} filter={filter} pages={pages} />
      </section>
    </Layout>
  );
}

/** 400 for a listing address whose filter cannot mean anything (an unknown town, a malformed value). */
export function BadClassesFilterPage(props: { ctx: PageContext }) {
  const { ctx } = props;
  const t = classesT(ctx.locale);
  return (
    <Layout ctx={ctx} title={ctx.t('error.title')} head={{ noindex: true }}>
      <section class="panel">
        <h1>{ctx.t('error.title')}</h1>
        <p>{t('classes.bad_filter')}</p>
        <p><a class="btn" href="/classes">{t('classes.title')}</a></p>
      </section>
    </Layout>
  );
}
