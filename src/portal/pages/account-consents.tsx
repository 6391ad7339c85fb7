import { h } from '../jsx.js';
import type { PageContext } from '../layout.js';
import type { OwnConsents } from '../../core/consent/consent-view.js';
import type { ConsentMessageId } from '../../core/consent/i18n/zh-CN.js';
import { formatZhDateTime } from '../../core/time.js';
import { consentT } from './consent-fields.js';

const paren = (ctx: PageContext, text: string) => (ctx.locale === 'en' ? ` (${text})` : `（${text}）`);

/** The account page's consent block: every consent (what, version, when, status), the minor flag, and the way out. */
export function AccountConsents(props: { ctx: PageContext; view: OwnConsents; withdrawn?: boolean; accepted?: boolean }) {
  const { ctx, view } = props;
  const ct = consentT(ctx);
  return (
    <section class="panel" aria-labelledby="consent-title" id="consents">
      <h2 id="consent-title">{ct('consent.account.title')}</h2>
      {props.withdrawn ? <div class="alert ok" role="status">{ct('consent.account.withdrawn_done')}</div> : null}
      {props.accepted ? <div class="alert ok" role="status">{ct('consent.update.accepted', { version: view.currentNoticeVersion })}</div> : null}
      {view.noticePending ? (
        <div class="alert error" role="note">
          <p>{ct('consent.account.pending', { version: view.currentNoticeVersion })} <a href="/privacy">{ct('consent.update.read')}</a></p>
          <form method="post" action="/privacy/accept">
            <input type="hidden" name="_csrf" value={ctx.csrfToken} />
            <input type="hidden" name="version" value={String(view.currentNoticeVersion)} />
            <input type="hidden" name="back" value="/account#consents" />
            <button class="btn" type="submit">{ct('consent.update.accept')}</button>
          </form>
        </div>
      ) : null}
      {view.minor ? <p>{ct('consent.account.minor', { date: view.minor.until, name: view.minor.guardianName, relation: ct(`consent.relation.${view.minor.relation}` as ConsentMessageId) })}</p> : null}
      {view.consents.length === 0 ? <p>{ct('consent.account.none')}</p> : (
        <div class="table-scroll">
          <table class="data">
            <caption>{ct('consent.account.intro')}</caption>
            <thead><tr><th scope="col">{ct('consent.account.what')}</th><th scope="col">{ct('consent.account.version')}</th><th scope="col">{ct('consent.account.when')}</th><th scope="col">{ct('consent.account.status')}</th></tr></thead>
            <tbody>
              {view.consents.map((c) => (
                <tr>
                  <td>{ct(`consent.purpose.${c.purpose}` as ConsentMessageId)}</td>
                  <td><a href={`/privacy?version=${c.noticeVersion}`}>{ct('consent.account.version_value', { version: c.noticeVersion })}</a></td>
                  <td>{formatZhDateTime(c.givenAt)}{paren(ctx, ct(`consent.channel.${c.channel}` as ConsentMessageId))}</td>
                  <td>{c.withdrawnAt ? ct('consent.account.withdrawn', { at: formatZhDateTime(c.withdrawnAt) }) : ct('consent.account.active')}</td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      )}
      {view.sensitiveActive ? <div class="actions"><a class="btn secondary" href="/account/consents/withdraw">{ct('consent.account.withdraw_link')}</a></div> : null}
    </section>
  );
}
