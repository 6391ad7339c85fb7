import type { Kysely } from 'kysely';
import { h, type SafeHtml } from '../../../../portal/jsx.js';
import { CsrfField } from '../../../../portal/layout.js';
import { loginHref } from '../../../../portal/login-back.js';
import { t as coreT } from '../../../../core/i18n/i18n.js';
import { formatZhDateTime } from '../../../../core/time.js';
import type { ClassRow } from '../../catalogue/catalogue-repository.js';
import type { ClassPageVisitor } from '../../catalogue/class-page-sections.js';
import { windowPhase } from '../../enrolment/eligibility.js';
import type { LotteryDatabase } from '../lottery-schema.js';

type Tr = (id: Parameters<typeof coreT>[1], params?: Record<string, string | number>) => string;

/**
 * The lottery block of a lottery class's page (the first-come enrol panel renders nothing for these): the window,
 * the published seed hash, a link to the draw page, and for a signed-in resident their application with an apply or
 * withdraw form (plain POST forms). For anonymous visitors it is the same for everyone, as the page cache requires.
 */
export async function renderLotteryPanel(db: Kysely<LotteryDatabase>, cls: ClassRow, visitor: ClassPageVisitor, nowIso: string): Promise<SafeHtml | null> {
  if (cls.mode !== 'lottery' || cls.status === 'draft') return null;
  const { ctx, actor } = visitor;
  const tr: Tr = (id, params) => coreT(ctx.locale, id, params);
  const lottery = await db.selectFrom('learning_lotteries').select(['seed_hash', 'drawn_at']).where('class_id', '=', cls.id).executeTakeFirst();
  const mine = actor && lottery ? await db.selectFrom('learning_lottery_applications').select(['id', 'ticket', 'priority_group', 'status'])
    .where('class_id', '=', cls.id).where('user_id', '=', actor.userId).executeTakeFirst() : undefined;
  const phase = windowPhase(cls, nowIso);
  const canApply = cls.status === 'open' && lottery && !lottery.drawn_at && (phase === 'open' || phase === 'returning');
  return (
    <section class="panel" aria-labelledby="lottery-title">
      <h2 id="lottery-title">{tr('learning.lottery.panel.title')}</h2>
      <p>{tr('learning.lottery.panel.intro')}</p>
      <p class="muted">{tr('learning.lottery.panel.seats', { seats: cls.seats })} · {tr('learning.lottery.panel.window', { opens: formatZhDateTime(cls.enrol_opens_at), closes: formatZhDateTime(cls.enrol_closes_at) })}</p>
      {!lottery ? <p class="alert">{tr('learning.lottery.panel.not_set_up')}</p> : [
        <p>{tr('learning.lottery.panel.seed_hash')}<code style="word-break: break-all">{lottery.seed_hash}</code></p>,
        lottery.drawn_at ? <p>{tr('learning.lottery.panel.drawn', { at: formatZhDateTime(lottery.drawn_at) })}</p> : null,
        myStatus(tr, mine),
        actionFor(tr, ctx.path, ctx.csrfToken, cls.id, Boolean(canApply), actor, mine),
        <p><a href={`/classes/${cls.id}/draw`}>{tr('learning.lottery.panel.verify')}</a></p>,
      ]}
    </section>
  );
}

interface Mine { id: string; ticket: string; priority_group: number; status: string }

function myStatus(tr: Tr, mine: Mine | undefined) {
  if (!mine) return null;
  const text = mine.status === 'applied' ? tr('learning.lottery.panel.applied', { ticket: mine.ticket, group: tr('learning.lottery.group', { n: mine.priority_group }) })
    : mine.status === 'won' ? tr('learning.lottery.panel.won', { ticket: mine.ticket })
      : mine.status === 'lost' ? tr('learning.lottery.panel.lost', { ticket: mine.ticket }) : tr('learning.lottery.panel.withdrawn');
  return <p class="alert ok" role="status">{text}</p>;
}

function actionFor(tr: Tr, path: string, csrf: string, classId: string, canApply: boolean, actor: ClassPageVisitor['actor'], mine: Mine | undefined) {
  if (!canApply && mine?.status !== 'applied') return null;
  if (!actor) return <p><a class="btn" href={loginHref(path)}>{tr('learning.lottery.panel.login')}</a></p>;
  if (!actor.permissions.has('learning.enrol.self')) return null;
  if (mine?.status === 'applied') {
    return <form class="form" method="post" action={`/classes/${classId}/lottery/withdraw`}>
      <CsrfField token={csrf} />
      <button class="btn" type="submit">{tr('learning.lottery.panel.withdraw')}</button>
    </form>;
  }
  return <form class="form" method="post" action={`/classes/${classId}/lottery/apply`}>
    <CsrfField token={csrf} />
    <button class="btn" type="submit">{tr('learning.lottery.panel.apply')}</button>
  </form>;
}
