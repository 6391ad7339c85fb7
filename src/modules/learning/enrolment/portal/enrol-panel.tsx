import { h, type SafeHtml } from '../../../../portal/jsx.js';
import { CsrfField } from '../../../../portal/layout.js';
import { loginHref } from '../../../../portal/login-back.js';
import { t as coreT } from '../../../../core/i18n/i18n.js';
import { formatZhDateTime } from '../../../../core/time.js';
import type { Kysely } from 'kysely';
import type { ClassRow } from '../../catalogue/catalogue-repository.js';
import type { ClassPageVisitor } from '../../catalogue/class-page-sections.js';
import { windowPhase } from '../eligibility.js';
import type { EnrolmentDatabase } from '../enrolment-schema.js';

/**
 * The enrol block of a class page: a plain POST form (works without JavaScript). For anonymous visitors it is the
 * same for everyone (the page is cached): seats, window and a sign-in link. A signed-in resident sees their status.
 */
export async function renderEnrolPanel(db: Kysely<EnrolmentDatabase>, cls: ClassRow, visitor: ClassPageVisitor, nowIso: string): Promise<SafeHtml | null> {
  if (cls.status !== 'open' || cls.mode !== 'first_come') return null;
  const { ctx, actor } = visitor;
  const tr = (id: Parameters<typeof coreT>[1], params?: Record<string, string | number>) => coreT(ctx.locale, id, params);
  const full = cls.seats_taken >= cls.seats;
  const phase = windowPhase(cls, nowIso);
  const mine = actor ? await db.selectFrom('learning_enrolments').select(['status']).where('class_id', '=', cls.id)
    .where('user_id', '=', actor.userId).executeTakeFirst() : undefined;
  const active = mine && ['enrolled', 'waitlisted', 'offered', 'completed'].includes(mine.status);
  const canTry = phase === 'open' || phase === 'returning';
  return (
    <section class="panel" aria-labelledby="enrol-title">
      <h2 id="enrol-title">{tr('learning.enrol.panel.title')}</h2>
      <p>{tr('learning.enrol.panel.seats', { taken: cls.seats_taken, seats: cls.seats })}{full ? ` · ${tr('learning.enrol.panel.full')}` : ''}</p>
      <p class="muted">{tr('learning.enrol.panel.window', { opens: formatZhDateTime(cls.enrol_opens_at), closes: formatZhDateTime(cls.enrol_closes_at) })}
        {cls.returning_opens_at ? ` · ${tr('learning.enrol.panel.returning', { from: formatZhDateTime(cls.returning_opens_at) })}` : ''}</p>
      {active
        ? <p class="alert ok" role="status">{tr('learning.enrol.panel.mine', { status: tr(`learning.enrol.status.${mine!.status}` as never) })} <a href="/account/classes">{tr('learning.enrol.panel.my_classes')}</a></p>
        : !actor
          ? (canTry ? <p><a class="btn" href={loginHref(ctx.path)}>{tr('learning.enrol.panel.login')}</a></p> : null)
          : actor.permissions.has('learning.enrol.self') && canTry
            ? <form class="form" method="post" action={`/classes/${cls.id}/enrol`}>
                <CsrfField token={ctx.csrfToken} />
                <button class="btn" type="submit">{tr(full ? 'learning.enrol.panel.submit_waitlist' : 'learning.enrol.panel.submit')}</button>
              </form>
            : null}
    </section>
  );
}
