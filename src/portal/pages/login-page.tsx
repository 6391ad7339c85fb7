import { h } from '../jsx.js';
import { CsrfField, Field, FormErrors, Layout, type PageContext } from '../layout.js';

/** `back`: an already checked same-site path to return to after login (see login-back.ts). */
export function LoginPage(props: { ctx: PageContext; username?: string; errors?: string[]; mfaTicket?: string; back?: string }) {
  const { ctx } = props;
  const { t } = ctx;
  const back = props.back ? <input type="hidden" name="back" value={props.back} /> : null;
  return (
    <Layout ctx={ctx} title={t('login.title')}>
      <section class="panel">
        <h1>{t('login.title')}</h1>
        <FormErrors ctx={ctx} errors={props.errors ?? []} />
        {props.mfaTicket
          ? (
            <form class="form" method="post" action="/login/mfa">
              <CsrfField token={ctx.csrfToken} />
              <input type="hidden" name="ticket" value={props.mfaTicket} />
              {back}
              <Field name="code" label={t('login.mfa_code')} hint={t('login.mfa_hint')} autocomplete="one-time-code" inputmode="numeric" required />
              <button class="btn" type="submit">{t('login.submit')}</button>
            </form>
          )
          : (
            <form class="form" method="post" action="/login">
              <CsrfField token={ctx.csrfToken} />
              {back}
              <Field name="username" label={t('login.username')} value={props.username} autocomplete="username" required />
              <Field name="password" label={t('login.password')} type="password" autocomplete="current-password" required />
              <button class="btn" type="submit">{t('login.submit')}</button>
            </form>
          )}
        <p>{t('login.no_account')} <a href="/register">{t('login.register_link')}</a></p>
        <p class="hint">{t('login.staff_hint')}</p>
      </section>
    </Layout>
  );
}
