import { h } from '../jsx.js';
import { CsrfField, FormErrors, Layout, type PageContext } from '../layout.js';
import { consentT } from './consent-fields.js';

/**
 * The confirmation before the ID-number consent is withdrawn: what the erasure changes (代办 look-up by ID number,
 * age limits now read the birth date alone) and what it does not.
 */
export function ConsentWithdrawPage(props: { ctx: PageContext; birthDate: string | null; errors?: string[] }) {
  const { ctx } = props;
  const ct = consentT(ctx);
  return (
    <Layout ctx={ctx} title={ct('consent.withdraw.title')} head={{ noindex: true }}>
      <section class="panel" aria-labelledby="withdraw-title">
        <h1 id="withdraw-title">{ct('consent.withdraw.title')}</h1>
        <FormErrors ctx={ctx} errors={props.errors ?? []} />
        <p>{ct('consent.withdraw.intro')}</p>
        <ul>
          <li>{ct('consent.withdraw.effect_erase')}</li>
          <li>{ct('consent.withdraw.effect_proxy')}</li>
          <li>{props.birthDate ? ct('consent.withdraw.effect_birth_keep', { date: props.birthDate }) : ct('consent.withdraw.effect_birth_none')}</li>
          <li>{ct('consent.withdraw.effect_keep')}</li>
        </ul>
        <form class="form" method="post" action="/account/consents/withdraw">
          <CsrfField token={ctx.csrfToken} />
          <div class="actions">
            <button class="btn" type="submit">{ct('consent.withdraw.confirm')}</button>
            <a class="btn secondary" href="/account">{ct('consent.withdraw.cancel')}</a>
          </div>
        </form>
      </section>
    </Layout>
  );
}
