import { h } from '../jsx.js';
import { CsrfField, Field, FormErrors, Layout, type PageContext } from '../layout.js';
import { HomeRegionFields, type TownChoice } from './home-region-fields.js';

/** What the form sends back after an error (the password and the ID number are never echoed into the page). */
export interface RegisterValues { username?: string; phone?: string; realName?: string; birthDate?: string; homeTownId?: string; homeVillageId?: string }

export function RegisterPage(props: { ctx: PageContext; towns: TownChoice[]; values?: RegisterValues; errors?: string[]; fieldErrors?: Record<string, string> }) {
  const { ctx } = props;
  const { t } = ctx;
  const v = props.values ?? {};
  const fe = props.fieldErrors ?? {};
  return (
    <Layout ctx={ctx} title={t('register.title')}>
      <section class="panel">
        <h1>{t('register.title')}</h1>
        <FormErrors ctx={ctx} errors={props.errors ?? []} />
        <form class="form" method="post" action="/register" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <Field name="username" label={t('register.username')} hint={t('register.username_hint')} value={v.username} autocomplete="username" error={fe.username} />
          <Field name="phone" label={t('register.phone')} type="tel" inputmode="numeric" value={v.phone} autocomplete="tel" error={fe.phone} />
          <Field name="password" label={t('register.password')} type="password" hint={t('register.password_hint')} autocomplete="new-password" required error={fe.password} />
          <Field name="realName" label={t('register.real_name')} value={v.realName} autocomplete="name" error={fe.realName} />
          <Field name="idNumber" label={t('profile.id_number')} hint={t('profile.id_number_hint')} autocomplete="off" error={fe.idNumber} />
          <Field name="birthDate" label={t('profile.birth_date')} type="date" hint={t('profile.birth_date_hint')} value={v.birthDate} autocomplete="bday" error={fe.birthDate} />
          <HomeRegionFields ctx={ctx} towns={props.towns} townId={v.homeTownId} villageId={v.homeVillageId} errors={fe} />
          <button class="btn" type="submit">{t('register.submit')}</button>
        </form>
        <p>{t('register.have_account')} <a href="/login">{t('account.login')}</a></p>
      </section>
    </Layout>
  );
}
