import { h, raw } from '../../../../portal/jsx.js';
import { CsrfField, FormErrors, Layout, type PageContext } from '../../../../portal/layout.js';
import { loginHref } from '../../../../portal/login-back.js';
import { t as coreT, type MessageId } from '../../../../core/i18n/i18n.js';
import { formatZhDateTime } from '../../../../core/time.js';
import type { SurveyForm } from '../survey-resident.js';

type Open = { id: string; title: string; description: string; regionName: string; villages: { name: string }[]; opensAt: string; closesAt: string; questionCount: number; answeredAt: string | null };

// Whole rows as touch targets (at least 48 px high) for radio buttons and check boxes; readable at 360 px.
const SURVEY_CSS = raw(`<style>
.survey-q { border: 1px solid #c9d1d9; border-radius: 8px; padding: .75rem 1rem 1rem; margin: 0 0 1rem; min-width: 0; }
.survey-q legend { font-weight: 600; padding: 0 .25rem; }
.survey-q .hint { color: #555; font-size: .9rem; margin: .1rem 0 .5rem; }
.survey-choice { display: flex; align-items: center; gap: .75rem; min-height: 48px; padding: .25rem .5rem; border-radius: 6px; cursor: pointer; }
.survey-choice:hover { background: #f2f6fa; }
.survey-choice input { width: 1.4rem; height: 1.4rem; flex: none; margin: 0; }
.survey-q textarea { width: 100%; box-sizing: border-box; min-height: 6rem; padding: .5rem .7rem; font: inherit; border: 2px solid #7d8a96; border-radius: 6px; }
.survey-q .error { color: #b00020; font-weight: 600; margin: .25rem 0 0; }
.survey-q[aria-invalid="true"] { border-color: #b00020; }
.survey-list { list-style: none; padding: 0; margin: 0; }
.survey-list li { border-bottom: 1px solid #e1e4e8; padding: .75rem 0; }
.survey-list h2 { font-size: 1.15rem; margin: 0 0 .25rem; }
.survey-done { display: inline-block; background: #e6f4ea; color: #1e6b34; border-radius: 4px; padding: 0 .5rem; font-weight: 600; }
</style>`);

function L(ctx: PageContext, id: MessageId, params?: Record<string, string | number>) {
  return coreT(ctx.locale, id, params);
}

function regionText(s: { regionName: string; villages: { name: string }[] }) {
  return s.villages.length > 0 ? `${s.regionName} · ${s.villages.map((v) => v.name).join('、')}` : s.regionName;
}

function crumbs(ctx: PageContext, last?: string) {
  const list = [{ label: ctx.t('site.title', { city: ctx.cityName }), href: '/' }, { label: L(ctx, 'learning.survey.portal.title'), href: '/surveys' }];
  return last ? [...list, { label: last }] : list;
}

/** 学习需求调查: the surveys open now for the visitor's region (all of them for anonymous visitors). */
export function SurveysPage(props: { ctx: PageContext; items: Open[] }) {
  const { ctx, items } = props;
  const title = L(ctx, 'learning.survey.portal.title');
  return (
    <Layout ctx={ctx} title={title} breadcrumb={crumbs(ctx)}>
      {SURVEY_CSS}
      <section class="panel">
        <h1>{title}</h1>
        <p>{L(ctx, 'learning.survey.portal.intro')}</p>
        {ctx.user ? <p class="muted">{L(ctx, 'learning.survey.portal.for_you')}</p>
          : <div class="alert" role="note">{L(ctx, 'learning.survey.portal.login_hint')} <a href={loginHref(ctx.path)}>{L(ctx, 'learning.survey.portal.login')}</a></div>}
        {items.length === 0 ? <p>{L(ctx, 'learning.survey.portal.empty')}</p> : (
          <ul class="survey-list">
            {items.map((s) => (
              <li>
                <h2><a href={`/surveys/${s.id}`}>{s.title}</a></h2>
                <p class="muted">{L(ctx, 'learning.survey.portal.region', { region: regionText(s) })} · {L(ctx, 'learning.survey.portal.questions', { count: s.questionCount })}</p>
                <p class="muted">{L(ctx, 'learning.survey.portal.window', { from: formatZhDateTime(s.opensAt), to: formatZhDateTime(s.closesAt) })}</p>
                {s.answeredAt ? <span class="survey-done">{L(ctx, 'learning.survey.portal.answered')}</span>
                  : <a class="btn" href={`/surveys/${s.id}`}>{ctx.user ? L(ctx, 'learning.survey.portal.answer') : L(ctx, 'learning.survey.portal.login')}</a>}
              </li>
            ))}
          </ul>
        )}
      </section>
    </Layout>
  );
}

export type FormValues = Record<string, string | string[]>;

function Question(props: { ctx: PageContext; q: SurveyForm['questions'][number]; index: number; values: FormValues; error?: string; disabled: boolean }) {
  const { ctx, q, values } = props;
  const name = `q_${q.id}`;
  const given = ([] as string[]).concat(values[name] ?? []);
  const hint = q.kind === 'single' ? L(ctx, 'learning.survey.portal.choose_one')
    : q.kind === 'multiple' ? (q.maxChoices ? L(ctx, 'learning.survey.portal.choose_max', { max: q.maxChoices }) : L(ctx, 'learning.survey.portal.choose_many'))
      : L(ctx, 'learning.survey.portal.text_max', { max: q.maxLength ?? 500 });
  const hintId = `${name}-hint`;
  const errorId = props.error ? `${name}-error` : null;
  return (
    <fieldset class="survey-q" id={name} aria-invalid={props.error ? 'true' : null} aria-describedby={[hintId, errorId].filter(Boolean).join(' ')}>
      <legend>{`${props.index + 1}. ${q.title}`}{q.required ? L(ctx, 'learning.survey.portal.required') : ''}</legend>
      <p class="hint" id={hintId}>{hint}</p>
      {q.kind === 'text'
        ? <textarea name={name} aria-label={q.title} maxlength={String(q.maxLength ?? 500)} required={q.required} disabled={props.disabled}>{given[0] ?? ''}</textarea>
        : q.options.map((o) => (
          <label class="survey-choice">
            <input type={q.kind === 'single' ? 'radio' : 'checkbox'} name={name} value={o.id} checked={given.includes(o.id)}
              required={q.kind === 'single' && q.required} disabled={props.disabled} />
            <span>{o.label}</span>
          </label>
        ))}
      {props.error ? <p class="error" id={errorId}>{props.error}</p> : null}
    </fieldset>
  );
}

/**
 * One survey as a plain HTML form (works without JavaScript): radio buttons, check boxes and text areas, posted
 * with the session's CSRF token. After answering, or when the visitor may not answer, the reason is shown instead.
 */
export function SurveyFormPage(props: {
  ctx: PageContext; form: SurveyForm; values?: FormValues; errors?: string[]; fieldErrors?: Record<string, string>;
  /** Why the visitor cannot answer (outside the region, closed, not yet open); null when they can. */
  blocked: string | null;
}) {
  const { ctx, form } = props;
  const fe = props.fieldErrors ?? {};
  const canAnswer = props.blocked === null && !form.answeredAt && Boolean(ctx.user);
  return (
    <Layout ctx={ctx} title={form.title} breadcrumb={crumbs(ctx, form.title)} head={{ noindex: true }}>
      {SURVEY_CSS}
      <section class="panel">
        <h1>{form.title}</h1>
        {form.description ? <p>{form.description}</p> : null}
        <p class="muted">{L(ctx, 'learning.survey.portal.region', { region: regionText(form) })}</p>
        <p class="muted">{L(ctx, 'learning.survey.portal.window', { from: formatZhDateTime(form.opensAt), to: formatZhDateTime(form.closesAt) })}</p>
        {form.answeredAt ? (
          <div class="alert ok" role="status"><strong>{L(ctx, 'learning.survey.portal.answered')}</strong> {L(ctx, 'learning.survey.portal.answered_text', { at: formatZhDateTime(form.answeredAt) })}</div>
        ) : null}
        {!ctx.user ? <div class="alert" role="note">{L(ctx, 'learning.survey.portal.login_hint')} <a class="btn" href={loginHref(ctx.path)}>{L(ctx, 'learning.survey.portal.login')}</a></div> : null}
        {ctx.user && !form.answeredAt && props.blocked ? (
          <div class="alert error" role="alert"><strong>{L(ctx, 'learning.survey.portal.cannot_answer')}</strong> {props.blocked}</div>
        ) : null}
        <FormErrors ctx={ctx} errors={props.errors ?? []} />
        <form class="form" method="post" action={`/surveys/${form.id}`}>
          {canAnswer ? <CsrfField token={ctx.csrfToken} /> : null}
          {form.questions.map((q, i) => <Question ctx={ctx} q={q} index={i} values={props.values ?? {}} error={fe[`answers.${q.id}`]} disabled={!canAnswer} />)}
          {canAnswer ? <button class="btn" type="submit">{L(ctx, 'learning.survey.portal.submit')}</button> : null}
        </form>
        <p><a href="/surveys">{L(ctx, 'learning.survey.portal.back')}</a></p>
      </section>
    </Layout>
  );
}

export function SurveyThanksPage(props: { ctx: PageContext; title: string }) {
  const { ctx } = props;
  const heading = L(ctx, 'learning.survey.portal.thanks_title');
  return (
    <Layout ctx={ctx} title={heading} breadcrumb={crumbs(ctx, heading)} head={{ noindex: true }}>
      <section class="panel">
        <h1>{heading}</h1>
        <div class="alert ok" role="status"><strong>{L(ctx, 'learning.survey.portal.answered')}</strong></div>
        <p>{L(ctx, 'learning.survey.portal.thanks_text', { title: props.title })}</p>
        <p><a class="btn secondary" href="/surveys">{L(ctx, 'learning.survey.portal.back')}</a></p>
      </section>
    </Layout>
  );
}
