import { h, raw } from '../../../../portal/jsx.js';
import { CsrfField, FormErrors, Layout, type PageContext } from '../../../../portal/layout.js';
import { t as coreT, type MessageId } from '../../../../core/i18n/i18n.js';
import { formatZhDateTime } from '../../../../core/time.js';
import type { SessionRow } from '../attendance-access.js';
import type { MyClassAttendance, RosterEntry, TeachSession } from '../attendance-queries.js';

// Phone first: whole rows are buttons at least 56 px high, status shown by word and colour.
const TEACH_CSS = raw(`<style>
.roster { list-style: none; padding: 0; margin: 0; }
.roster li { display: flex; gap: .5rem; align-items: stretch; margin: 0 0 .5rem; }
.roster form { margin: 0; }
.roster .toggle { flex: 1; }
.roster .toggle button { width: 100%; min-height: 56px; display: flex; justify-content: space-between; align-items: center; gap: .5rem;
  padding: .5rem 1rem; font: inherit; font-size: 1.15rem; border: 2px solid #7d8a96; border-radius: 8px; background: #fff; color: #1b1f23; cursor: pointer; text-align: left; }
.roster .mark-present button { background: #e6f4ea; border-color: #1e6b34; }
.roster .mark-absent button { background: #fdecea; border-color: #b00020; }
.roster .mark-late button, .roster .mark-excused button { background: #fff8e1; border-color: #8a6d00; }
.roster .badge { font-size: .95rem; font-weight: 600; white-space: nowrap; }
.roster .side button { min-height: 56px; min-width: 3.5rem; padding: 0 .5rem; font: inherit; border: 1px solid #7d8a96; border-radius: 8px; background: #f6f8fa; cursor: pointer; }
.sessions { list-style: none; padding: 0; margin: 0; }
.sessions li { border-bottom: 1px solid #e1e4e8; padding: .75rem 0; }
.sessions a.btn { margin-top: .25rem; }
.qr-box { max-width: 420px; margin: 0 auto; }
.qr-box svg { width: 100%; height: auto; display: block; }
.att-table { width: 100%; border-collapse: collapse; }
.att-table th, .att-table td { border-bottom: 1px solid #e1e4e8; padding: .4rem .25rem; text-align: left; }
</style>`);

export function L(ctx: PageContext, id: MessageId, params?: Record<string, string | number>) {
  return coreT(ctx.locale, id, params);
}

const hm = (iso: string) => formatZhDateTime(iso).slice(11, 16);
const when = (s: { startsAt: string; endsAt: string }) => `${formatZhDateTime(s.startsAt).slice(0, 16)}–${hm(s.endsAt)}`;

function SessionList(props: { ctx: PageContext; items: TeachSession[] }) {
  const { ctx } = props;
  if (props.items.length === 0) return <p>{L(ctx, 'learning.teach.empty')}</p>;
  return (
    <ul class="sessions">
      {props.items.map((s) => (
        <li>
          <strong>{s.classTitle}</strong> · {L(ctx, 'learning.teach.session', { seq: s.seq })}
          <div class="muted">{when(s)}{s.venue ? ` · ${s.venue}` : ''}</div>
          {s.status === 'cancelled' ? <div>{L(ctx, 'learning.teach.cancelled')}</div> : (
            <div>
              <span class="muted">{L(ctx, 'learning.teach.marked', { marked: s.marked, enrolled: s.enrolled })}</span>{' '}
              <a class="btn" href={`/teach/sessions/${s.id}`}>{L(ctx, 'learning.teach.open')}</a>
            </div>
          )}
        </li>
      ))}
    </ul>
  );
}

/** `/teach`: the teacher's sessions today and in the week around it. */
export function TeachHomePage(props: { ctx: PageContext; today: TeachSession[]; week: TeachSession[] }) {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={L(ctx, 'learning.teach.title')}>
      {TEACH_CSS}
      <section class="panel">
        <h1>{L(ctx, 'learning.teach.title')}</h1>
        <h2>{L(ctx, 'learning.teach.today')}</h2>
        <SessionList ctx={ctx} items={props.today} />
        <h2>{L(ctx, 'learning.teach.week')}</h2>
        <SessionList ctx={ctx} items={props.week} />
      </section>
    </Layout>
  );
}

/** `/teach/sessions/<id>`: the roster; each name is a form button that toggles present/absent. */
export function TeachSessionPage(props: { ctx: PageContext; session: SessionRow; roster: RosterEntry[]; errors?: string[]; notice?: string }) {
  const { ctx, session, roster } = props;
  const count = (st: string | null) => roster.filter((r) => r.status === st).length;
  const title = `${session.class_title} · ${L(ctx, 'learning.teach.session', { seq: session.seq })}`;
  const action = `/teach/sessions/${session.id}/marks`;
  const button = (r: RosterEntry, status: string, label: string) => (
    <form method="post" action={action} class="side">
      <CsrfField token={ctx.csrfToken} />
      <input type="hidden" name="userId" value={r.userId} />
      <button type="submit" name="status" value={status}>{label}</button>
    </form>
  );
  return (
    <Layout ctx={ctx} title={title} breadcrumb={[{ label: L(ctx, 'learning.teach.title'), href: '/teach' }, { label: title }]}>
      {TEACH_CSS}
      <section class="panel">
        <h1>{title}</h1>
        <p class="muted">{when({ startsAt: session.starts_at, endsAt: session.ends_at })}{session.venue ? ` · ${session.venue}` : ''}</p>
        <FormErrors ctx={ctx} errors={props.errors ?? []} />
        {props.notice ? <div class="alert ok" role="status">{props.notice}</div> : null}
        <p><a class="btn secondary" href={`/teach/sessions/${session.id}/qr`}>{L(ctx, 'learning.teach.show_qr')}</a></p>
        <p>{L(ctx, 'learning.teach.hint')}</p>
        <p><strong>{L(ctx, 'learning.teach.summary', { present: count('present') + count('late'), absent: count('absent') + count('excused'), none: count(null) })}</strong></p>
        {roster.length === 0 ? <p>{L(ctx, 'learning.teach.roster_empty')}</p> : (
          <ul class="roster">
            {roster.map((r) => (
              <li id={`r-${r.userId}`}>
                <form method="post" action={action} class={`toggle mark-${r.status ?? 'none'}`}>
                  <CsrfField token={ctx.csrfToken} />
                  <input type="hidden" name="userId" value={r.userId} />
                  <button type="submit" name="status" value={r.status === 'present' ? 'absent' : 'present'}>
                    <span>{r.name}</span>
                    <span class="badge">{L(ctx, `learning.attendance.status.${r.status ?? 'none'}`)}</span>
                  </button>
                </form>
                {button(r, 'late', L(ctx, 'learning.teach.late'))}
                {button(r, 'excused', L(ctx, 'learning.teach.excused'))}
              </li>
            ))}
          </ul>
        )}
      </section>
    </Layout>
  );
}

/** `/teach/sessions/<id>/qr`: the current check-in code, large; the page reloads itself every 30 s (Refresh header). */
export function TeachQrPage(props: { ctx: PageContext; session: SessionRow; svg: string }) {
  const { ctx, session } = props;
  return (
    <Layout ctx={ctx} title={L(ctx, 'learning.teach.qr_title')}>
      {TEACH_CSS}
      <section class="panel">
        <h1>{session.class_title} · {L(ctx, 'learning.teach.session', { seq: session.seq })}</h1>
        <div class="qr-box" role="img" aria-label={L(ctx, 'learning.teach.qr_title')}>{raw(props.svg)}</div>
        <p>{L(ctx, 'learning.teach.qr_hint')}</p>
        <p><a class="btn secondary" href={`/teach/sessions/${session.id}`}>{L(ctx, 'learning.teach.back')}</a></p>
      </section>
    </Layout>
  );
}

/** `/checkin/<token>`: the outcome of a scan, in words a senior understands. */
export function CheckinPage(props: { ctx: PageContext; ok: boolean; message: string; login?: boolean }) {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={L(ctx, 'learning.checkin.title')}>
      <section class="panel">
        <h1>{L(ctx, 'learning.checkin.title')}</h1>
        <div class={props.ok ? 'alert ok' : 'alert error'} role={props.ok ? 'status' : 'alert'}>{props.message}</div>
        {props.login ? <p><a class="btn" href={`/login?back=${encodeURIComponent(ctx.path)}`}>{L(ctx, 'learning.checkin.login_link')}</a></p> : null}
        {props.ok ? <p><a class="btn secondary" href="/account/attendance">{L(ctx, 'learning.account.attendance.title')}</a></p> : null}
      </section>
    </Layout>
  );
}

/** `/account/attendance`: the resident's own marks per class. */
export function AccountAttendancePage(props: { ctx: PageContext; items: MyClassAttendance[]; now: string }) {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={L(ctx, 'learning.account.attendance.title')}>
      {TEACH_CSS}
      <section class="panel" aria-labelledby="my-attendance">
        <h1 id="my-attendance">{L(ctx, 'learning.account.attendance.title')}</h1>
        {props.items.length === 0 ? <p>{L(ctx, 'learning.account.attendance.empty')}</p> : props.items.map((c) => (
          <article>
            <h2><a href={`/classes/${c.classId}`}>{c.classTitle}</a></h2>
            <p class="muted">{c.institutionName} · {L(ctx, 'learning.account.attendance.rate', { held: c.held, attended: c.attended })}</p>
            <table class="att-table">
              <thead><tr><th scope="col">{L(ctx, 'learning.account.attendance.session')}</th><th scope="col">{L(ctx, 'learning.account.attendance.time')}</th><th scope="col">{L(ctx, 'learning.account.attendance.status')}</th></tr></thead>
              <tbody>
                {c.sessions.map((s) => (
                  <tr>
                    <td>{L(ctx, 'learning.teach.session', { seq: s.seq })}</td>
                    <td>{when(s)}</td>
                    <td>{s.cancelled ? L(ctx, 'learning.teach.cancelled') : s.status ? L(ctx, `learning.attendance.status.${s.status}`)
                      : s.startsAt > props.now ? L(ctx, 'learning.account.attendance.upcoming') : L(ctx, 'learning.attendance.status.none')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </article>
        ))}
      </section>
    </Layout>
  );
}
