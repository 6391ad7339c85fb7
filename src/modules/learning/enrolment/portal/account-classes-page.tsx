import { h } from '../../../../portal/jsx.js';
import { CsrfField, FormErrors, Layout, type PageContext } from '../../../../portal/layout.js';
import { t as coreT } from '../../../../core/i18n/i18n.js';
import { formatZhDateTime } from '../../../../core/time.js';
import type { MyEnrolment } from '../enrolment-queries.js';

const CURRENT = new Set(['enrolled', 'waitlisted', 'offered']);

/** `/account/classes`: my classes, waitlist places, offers to confirm before their deadline, and the history. */
export function AccountClassesPage(props: { ctx: PageContext; items: MyEnrolment[]; errors?: string[]; notice?: string }) {
  const { ctx } = props;
  const tr = (id: Parameters<typeof coreT>[1], params?: Record<string, string | number>) => coreT(ctx.locale, id, params);
  const current = props.items.filter((i) => CURRENT.has(i.status));
  const past = props.items.filter((i) => !CURRENT.has(i.status));
  // Leaving a waitlist is the same request as cancelling an enrolment, but residents call it 退出候补.
  const action = (e: MyEnrolment, name: 'confirm' | 'decline' | 'cancel', secondary: boolean) => (
    <form method="post" action={`/account/classes/${e.id}/${name}`} class="inline-form">
      <CsrfField token={ctx.csrfToken} />
      <button class={secondary ? 'btn secondary' : 'btn'} type="submit">
        {tr(name === 'cancel' && e.status === 'waitlisted' ? 'learning.account.classes.leave_waitlist' : `learning.account.classes.${name}`)}</button>
    </form>
  );
  const actedBy = (e: MyEnrolment) => e.actedBy
    ? <p class="muted">{tr('learning.account.classes.acted_by', { name: e.actedBy.name, at: formatZhDateTime(e.consentAt ?? e.createdAt),
      consent: e.consentMethod ? tr(`learning.enrol.consent.${e.consentMethod}` as never) : tr('learning.enrol.source.proxy') })}</p>
    : null;
  // Who acted for the resident (staff, a relative). An offer follows someone else's cancellation: never name them.
  const actedFor = (e: MyEnrolment) => e.events.filter((ev) => ev.actor && ev.event !== 'offered');
  const card = (e: MyEnrolment) => (
    <li>
      <h3><a href={`/classes/${e.classId}`}>{e.classTitle}</a></h3>
      <p class="muted">{e.institutionName} · {e.startsOn} – {e.endsOn} · {e.startTime}–{e.endTime}{e.venue ? ` · ${e.venue}` : ''}</p>
      <p><strong>{tr(`learning.enrol.status.${e.status}`)}</strong>
        {e.status === 'waitlisted' && e.waitlistPosition ? ` · ${tr('learning.account.classes.position', { position: e.waitlistPosition })}` : ''}
        {e.status === 'offered' && e.offerExpiresAt ? ` · ${tr('learning.account.classes.deadline', { deadline: formatZhDateTime(e.offerExpiresAt) })}` : ''}</p>
      {actedBy(e)}
      {actedFor(e).length > 0 ? <ul class="muted">{actedFor(e).map((ev) =>
        <li>{tr('learning.account.classes.event_by', { event: tr(`learning.enrol.event.${ev.event}` as never), at: formatZhDateTime(ev.at), name: ev.actor!.name })}</li>)}</ul> : null}
      {e.status === 'offered'
        ? <div class="actions">{action(e, 'confirm', false)}{action(e, 'decline', true)}</div>
        : CURRENT.has(e.status) ? <div class="actions">{action(e, 'cancel', true)}</div> : null}
    </li>
  );
  return (
    <Layout ctx={ctx} title={tr('learning.account.classes.title')}>
      <section class="panel" aria-labelledby="my-classes">
        <h1 id="my-classes">{tr('learning.account.classes.title')}</h1>
        <FormErrors ctx={ctx} errors={props.errors ?? []} />
        {props.notice ? <div class="alert ok" role="status">{props.notice}</div> : null}
        <h2>{tr('learning.account.classes.current')}</h2>
        {current.length === 0
          ? <p>{tr('learning.account.classes.empty')} <a href="/classes">{tr('learning.account.classes.browse')}</a></p>
          : <ol class="item-list cards">{current.map(card)}</ol>}
        {past.length > 0 ? <h2>{tr('learning.account.classes.history')}</h2> : null}
        {past.length > 0 ? <ol class="item-list cards">{past.map(card)}</ol> : null}
      </section>
    </Layout>
  );
}
