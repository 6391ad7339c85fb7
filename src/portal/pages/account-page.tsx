import { h } from '../jsx.js';
import { CsrfField, Field, FormErrors, Layout, type PageContext } from '../layout.js';

export interface AccountView { username: string; displayName: string; roles: string[]; staff: boolean; setupRequired: boolean }

export function AccountPage(props: { ctx: PageContext; account: AccountView; errors?: string[]; fieldErrors?: Record<string, string>; saved?: boolean; exportError?: string }) {
  const { ctx, account } = props;
  const { t } = ctx;
  const fe = props.fieldErrors ?? {};
  return (
    <Layout ctx={ctx} title={t('account.title')}>
      <section class="panel">
        <h1>{t('account.title')}</h1>
        {account.setupRequired ? <div class="alert error" role="alert">{t('account.setup_required')}</div> : null}
        {props.saved ? <div class="alert ok" role="status">{t('account.password_changed')}</div> : null}
        <table class="data">
          <tbody>
            <tr><th scope="row">{t('account.username')}</th><td>{account.username}</td></tr>
            <tr><th scope="row">{t('account.display_name')}</th><td>{account.displayName}</td></tr>
            <tr><th scope="row">{t('account.roles')}</th><td>{account.roles.join('、')}</td></tr>
          </tbody>
        </table>
        {account.staff ? <div class="actions"><a class="btn secondary" href="/admin/">{t('account.go_admin')}</a></div> : null}
      </section>
      <section class="panel" aria-labelledby="pw-title">
        <h2 id="pw-title">{t('account.change_password')}</h2>
        <FormErrors ctx={ctx} errors={props.errors ?? []} />
        <form class="form" method="post" action="/account/password">
          <CsrfField token={ctx.csrfToken} />
          <Field name="currentPassword" label={t('account.current_password')} type="password" autocomplete="current-password" required error={fe.currentPassword} />
          <Field name="newPassword" label={t('account.new_password')} type="password" hint={t('register.password_hint')} autocomplete="new-password" required error={fe.newPassword} />
          <button class="btn" type="submit">{t('account.save_password')}</button>
        </form>
      </section>
      <section class="panel" aria-labelledby="export-title">
        <h2 id="export-title">{t('account.export.title')}</h2>
        <p>{t('account.export.text')}</p>
        <form class="form" method="post" action="/account/export">
          <CsrfField token={ctx.csrfToken} />
          <Field name="exportPassword" label={t('account.current_password')} type="password" autocomplete="current-password" required error={props.exportError} />
          <button class="btn secondary" type="submit">{t('account.export.submit')}</button>
        </form>
      </section>
    </Layout>
  );
}
