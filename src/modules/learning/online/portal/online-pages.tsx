import { h, raw } from '../../../../portal/jsx.js';
import { CsrfField, Layout, type PageContext } from '../../../../portal/layout.js';
import { loginHref } from '../../../../portal/login-back.js';
import { t as coreT, type MessageId } from '../../../../core/i18n/i18n.js';
import { formatZhDateTime } from '../../../../core/time.js';
import { sanitizeBody } from '../../../content/items/sanitize-html.js';
import { COURSE_CATEGORIES } from '../../learning-schema.js';
import { fromTenths } from '../../catalogue/catalogue-format.js';
import { categoryLabel, classesT } from '../../catalogue/portal/i18n/classes-i18n.js';
import type { LessonRow, OnlineCourseRow } from '../online-repository.js';
import type { LearningOnlineLearnersTable, LearningOnlineProgressTable } from '../online-schema.js';
import type { CourseProgress } from '../progress-repository.js';
import { LESSON_SCRIPT_VERSION } from './lesson-script.js';

// Cards in one column on a phone, more on wider screens; rows of the outline are whole touch targets.
const ONLINE_CSS = raw(`<style>
.oc-cats { display: flex; flex-wrap: wrap; gap: .5rem; margin: 0 0 1rem; padding: 0; list-style: none; }
.oc-cats a { display: inline-flex; align-items: center; min-height: 44px; padding: 0 .9rem; border: 1px solid var(--line); border-radius: 999px; text-decoration: none; }
.oc-cats a[aria-current="page"] { background: var(--brand); color: #fff; border-color: var(--brand); }
.oc-cards { display: grid; gap: 1rem; grid-template-columns: repeat(auto-fill, minmax(min(16rem, 100%), 1fr)); list-style: none; padding: 0; margin: 0 0 1.5rem; }
.oc-card { border: 1px solid var(--line); border-radius: 8px; padding: 1rem; background: var(--paper); min-width: 0; }
.oc-card h3 { margin: 0 0 .4rem; font-size: 1.15rem; }
.oc-card p { margin: .25rem 0; }
.oc-bar { display: block; width: 100%; height: 1rem; margin: .5rem 0; }
.oc-outline { list-style: none; padding: 0; margin: 0; counter-reset: lesson; }
.oc-outline li { border-bottom: 1px solid var(--line); }
.oc-outline a, .oc-outline .oc-row { display: flex; gap: .75rem; align-items: center; min-height: 48px; padding: .4rem .25rem; text-decoration: none; }
.oc-outline .oc-title { flex: 1; min-width: 0; }
.oc-tag { display: inline-block; border-radius: 4px; padding: 0 .45rem; font-size: .85rem; font-weight: 600; background: #eef2f6; color: var(--ink); white-space: nowrap; }
.oc-tag.done { background: #e6f4ea; color: #1e6b34; }
.oc-body { line-height: 1.8; overflow-wrap: anywhere; }
.oc-video { width: 100%; max-height: 70vh; background: #000; border-radius: 6px; }
.oc-pdf { width: 100%; height: 75vh; border: 1px solid var(--line); border-radius: 6px; }
.oc-nav { display: flex; flex-wrap: wrap; gap: .75rem; justify-content: space-between; margin-top: 1.5rem; }
html.care .oc-tag { font-size: 1rem; }
html.care .oc-card { border-width: 2px; border-color: #000; }
</style>`);

function L(ctx: PageContext, id: MessageId, params?: Record<string, string | number>) {
  return coreT(ctx.locale, id, params);
}

function crumbs(ctx: PageContext, ...rest: { label: string; href?: string }[]) {
  return [{ label: ctx.t('site.title', { city: ctx.cityName }), href: '/' }, { label: L(ctx, 'learning.online.portal.title'), href: '/courses' }, ...rest];
}

function ProgressBar(props: { ctx: PageContext; p: CourseProgress }) {
  const label = L(props.ctx, 'learning.online.portal.progress', { percent: props.p.percent, done: props.p.done, total: props.p.total });
  return <div><progress class="oc-bar" max="100" value={String(props.p.percent)} aria-label={label}>{props.p.percent}%</progress><p class="muted">{label}</p></div>;
}

function facts(ctx: PageContext, row: OnlineCourseRow) {
  return L(ctx, 'learning.online.portal.card_facts', { lessons: Number(row.lesson_count ?? 0), hours: fromTenths(row.hours_tenths), credits: fromTenths(row.credits_tenths) });
}

/** 网络课程: published courses by category (a category filter as plain links), with the learner's progress. */
export function CoursesPage(props: { ctx: PageContext; rows: OnlineCourseRow[]; category: string; progress: Map<string, CourseProgress> }) {
  const { ctx, rows, category } = props;
  const ct = classesT(ctx.locale);
  const title = L(ctx, 'learning.online.portal.title');
  const categories = COURSE_CATEGORIES.filter((c) => rows.some((r) => r.category === c) || c === category);
  const groups = categories.map((c) => ({ category: c, rows: rows.filter((r) => r.category === c) })).filter((g) => g.rows.length > 0);
  return (
    <Layout ctx={ctx} title={title} breadcrumb={crumbs(ctx)} head={{ columnName: title }}>
      {ONLINE_CSS}
      <section class="panel">
        <h1>{title}</h1>
        <p>{L(ctx, 'learning.online.portal.intro')}</p>
        {ctx.user ? null : <div class="alert" role="note">{L(ctx, 'learning.online.portal.login_hint')} <a href={loginHref('/courses')}>{L(ctx, 'learning.online.portal.login')}</a></div>}
        <nav aria-label={ct('classes.category')}>
          <ul class="oc-cats">
            <li><a href="/courses" aria-current={category === '' ? 'page' : undefined}>{L(ctx, 'learning.online.portal.all')}</a></li>
            {categories.map((c) => <li><a href={`/courses?category=${c}`} aria-current={category === c ? 'page' : undefined}>{categoryLabel(ct, c)}</a></li>)}
          </ul>
        </nav>
        {groups.length === 0 ? <p>{L(ctx, 'learning.online.portal.empty')}</p> : groups.map((g) => (
          <section aria-labelledby={`cat-${g.category}`}>
            <h2 id={`cat-${g.category}`}>{categoryLabel(ct, g.category)}</h2>
            <ul class="oc-cards">
              {g.rows.map((r) => {
                const p = props.progress.get(r.id);
                return (
                  <li class="oc-card">
                    <h3><a href={`/courses/${r.id}`}>{r.title}</a></h3>
                    {r.cover_text ? <p>{r.cover_text}</p> : null}
                    <p class="muted">{facts(ctx, r)}</p>
                    <p class="muted">{L(ctx, 'learning.online.portal.institution', { name: r.institution_name })}</p>
                    {p ? <ProgressBar ctx={ctx} p={p} /> : null}
                  </li>
                );
              })}
            </ul>
          </section>
        ))}
      </section>
    </Layout>
  );
}

function kindTag(ctx: PageContext, lesson: LessonRow) {
  const minutes = lesson.kind === 'video' && lesson.duration_seconds > 0 ? ` · ${L(ctx, 'learning.online.portal.minutes', { minutes: Math.max(1, Math.round(lesson.duration_seconds / 60)) })}` : '';
  return `${L(ctx, `learning.online.kind.${lesson.kind}` as MessageId)}${minutes}`;
}

function statusTag(ctx: PageContext, p: LearningOnlineProgressTable | undefined) {
  if (!p) return null;
  return p.status === 'completed' ? <span class="oc-tag done">{L(ctx, 'learning.online.portal.done')}</span>
    : <span class="oc-tag">{L(ctx, 'learning.online.portal.in_progress')}</span>;
}

export interface Learner { row: LearningOnlineLearnersTable | undefined; lessons: Map<string, LearningOnlineProgressTable>; progress: CourseProgress }

/** One course: what it is, the outline, and for a signed-in learner their progress and where to continue. */
export function CoursePage(props: { ctx: PageContext; course: OnlineCourseRow; lessons: LessonRow[]; learner: Learner | null }) {
  const { ctx, course, lessons, learner } = props;
  const ct = classesT(ctx.locale);
  const next = lessons.find((l) => learner?.lessons.get(l.id)?.status !== 'completed') ?? lessons[0];
  const started = Boolean(learner?.row);
  return (
    <Layout ctx={ctx} title={course.title} description={course.cover_text || course.description.slice(0, 120)} breadcrumb={crumbs(ctx, { label: course.title })}
      head={{ columnName: L(ctx, 'learning.online.portal.title'), articleTitle: course.title, contentSource: course.institution_name }}>
      {ONLINE_CSS}
      <article class="panel" aria-labelledby="course-title">
        <h1 id="course-title">{course.title}</h1>
        <p class="muted">{categoryLabel(ct, course.category)} · {facts(ctx, course)}</p>
        <p class="muted">{L(ctx, 'learning.online.portal.institution', { name: course.institution_name })}</p>
        {course.description ? <p>{course.description}</p> : null}
        {learner ? <ProgressBar ctx={ctx} p={learner.progress} /> : null}
        {learner?.row?.completed_at ? (
          <p class="alert" role="status">{L(ctx, 'learning.online.portal.completed', { at: formatZhDateTime(learner.row.completed_at), credits: fromTenths(learner.row.credits_tenths ?? 0) })}</p>
        ) : null}
        {!ctx.user ? (
          <div class="alert" role="note">{L(ctx, 'learning.online.portal.login_hint')} <a class="btn" href={loginHref(`/courses/${course.id}`)}>{L(ctx, 'learning.online.portal.login')}</a></div>
        ) : next ? (
          <p><a class="btn" href={`/courses/${course.id}/lessons/${next.id}`}>{started ? L(ctx, 'learning.online.portal.continue') : L(ctx, 'learning.online.portal.start')}</a></p>
        ) : null}
        <section aria-labelledby="course-outline">
          <h2 id="course-outline">{L(ctx, 'learning.online.portal.outline')}</h2>
          <ol class="oc-outline">
            {lessons.map((l, i) => {
              const inner = [
                <span class="oc-title">{L(ctx, 'learning.online.portal.lesson_n', { n: i + 1 })} {l.title}</span>,
                <span class="oc-tag">{kindTag(ctx, l)}</span>,
                l.required === 1 ? null : <span class="oc-tag">{L(ctx, 'learning.online.portal.optional')}</span>,
                statusTag(ctx, learner?.lessons.get(l.id)),
              ];
              return <li>{ctx.user ? <a href={`/courses/${course.id}/lessons/${l.id}`}>{inner}</a> : <span class="oc-row">{inner}</span>}</li>;
            })}
          </ol>
        </section>
      </article>
    </Layout>
  );
}

/** One lesson: the text, the document (open inline or download) or the video, with "done" and the neighbours. */
export function LessonPage(props: { ctx: PageContext; course: OnlineCourseRow; lessons: LessonRow[]; lesson: LessonRow; progress: LearningOnlineProgressTable | undefined }) {
  const { ctx, course, lessons, lesson, progress } = props;
  const index = lessons.findIndex((l) => l.id === lesson.id);
  const prev = lessons[index - 1];
  const next = lessons[index + 1];
  const done = progress?.status === 'completed';
  const fileUrl = `/courses/${course.id}/lessons/${lesson.id}/file`;
  const lessonPath = `/courses/${course.id}/lessons/${lesson.id}`;
  return (
    <Layout ctx={ctx} title={`${lesson.title} - ${course.title}`} breadcrumb={crumbs(ctx, { label: course.title, href: `/courses/${course.id}` }, { label: lesson.title })}
      head={{ columnName: L(ctx, 'learning.online.portal.title'), articleTitle: lesson.title, contentSource: course.institution_name, noindex: true }}>
      {ONLINE_CSS}
      <article class="panel" aria-labelledby="lesson-title">
        <p class="muted">{L(ctx, 'learning.online.portal.lesson_n', { n: index + 1 })} · {kindTag(ctx, lesson)}</p>
        <h1 id="lesson-title">{lesson.title}</h1>
        {lesson.kind === 'text' ? <div class="oc-body article-body">{raw(sanitizeBody(lesson.body))}</div> : null}
        {lesson.kind === 'document' && lesson.file_id ? (
          <div>
            {lesson.file_mime === 'application/pdf' ? <iframe class="oc-pdf" src={fileUrl} title={L(ctx, 'learning.online.portal.pdf_frame')}></iframe> : null}
            <p><a class="btn secondary" href={fileUrl} download={lesson.file_name ?? ''}>{L(ctx, 'learning.online.portal.download', { name: lesson.file_name ?? '' })}</a></p>
          </div>
        ) : null}
        {lesson.kind === 'video' && lesson.file_id ? (
          <div>
            <video id="lesson-video" class="oc-video" controls preload="metadata" src={fileUrl}
              data-progress-url={`/api/v1/learning/online/lessons/${lesson.id}/progress`} data-csrf={ctx.csrfToken}
              data-position={String(progress?.position_seconds ?? 0)}>
              {L(ctx, 'learning.online.portal.video_unsupported')} <a href={fileUrl} download={lesson.file_name ?? ''}>{lesson.file_name}</a>
            </video>
            <p class="muted">{L(ctx, 'learning.online.portal.video_hint')}</p>
            <p id="lesson-status" class="alert" role="status" hidden={!done}>{L(ctx, 'learning.online.portal.marked_done')}</p>
            <script src={`/assets/online-lesson.js?v=${LESSON_SCRIPT_VERSION}`} defer></script>
          </div>
        ) : null}
        {lesson.kind !== 'video' ? (done ? <p class="alert" role="status">{L(ctx, 'learning.online.portal.marked_done')}</p> : (
          <form method="post" action={`${lessonPath}/done`}>
            <CsrfField token={ctx.csrfToken} />
            <button class="btn" type="submit">{L(ctx, 'learning.online.portal.mark_done')}</button>
          </form>
        )) : null}
        <nav class="oc-nav" aria-label={L(ctx, 'learning.online.portal.outline')}>
          {prev ? <a class="btn secondary" href={`/courses/${course.id}/lessons/${prev.id}`}>{L(ctx, 'learning.online.portal.prev')}</a> : <span></span>}
          <a class="btn secondary" href={`/courses/${course.id}`}>{L(ctx, 'learning.online.portal.back')}</a>
          {next ? <a class="btn" href={`/courses/${course.id}/lessons/${next.id}`}>{L(ctx, 'learning.online.portal.next')}</a> : <span></span>}
        </nav>
      </article>
    </Layout>
  );
}
