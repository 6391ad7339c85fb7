import { h } from '../jsx.js';
import { CsrfField, Field, FormErrors, Layout, type PageContext } from '../layout.js';
import { HomeRegionFields, type TownChoice } from './home-region-fields.js';
import { CheckField, consentT } from './consent-fields.js';
import { GUARDIAN_RELATIONS } from '../../core/consent/consent-schema.js';

/** What the form sends back after an error (the password and the ID number are never echoed into the page; consent boxes start unticked again). */
export interface RegisterValues {
  username?: string; phone?: string; realName?: string; birthDate?: string; homeTownId?: string; homeVillageId?: string;
  guardianName?: string; guardianRelation?: string; guardianPhone?: string;
}

/** The privacy notice version the form shows; the form sends it back so the consent names what was read. */
export interface NoticeShown { version: number; effectiveOn: string }

export function RegisterPage(props: { ctx: PageContext; towns: TownChoice[]; notice: NoticeShown; values?: RegisterValues; errors?: string[]; fieldErrors?: Record<string, string> }) {
  const { ctx, notice } = props;
  const { t } = ctx;
  const ct = consentT(ctx);
  const v = props.values ?? {};
  const fe = props.fieldErrors ?? {};
  const guardianOpen = Boolean(fe.guardian || fe.guardianName || fe.guardianRelation || fe.guardianPhone || fe.guardianConsent || v.guardianName || v.guardianPhone);
  const noticeHref = `/privacy?version=${notice.version}`;
  return (
    <Layout ctx={ctx} title={t('register.title')}>
      <section class="panel">
        <h1>{t('register.title')}</h1>
        <FormErrors ctx={ctx} errors={props.errors ?? []} />
        <form class="form" method="post" action="/register" novalidate>
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="noticeVersion" value={String(notice.version)} />
          <p>{ct('consent.register.notice_intro', { version: notice.version, date: notice.effectiveOn })} <a href={noticeHref} target="_blank" rel="noopener">{ct('consent.register.notice_link')}</a></p>
          <Field name="username" label={t('register.username')} hint={t('register.username_hint')} value={v.username} autocomplete="username" error={fe.username} />
          <Field name="phone" label={t('register.phone')} type="tel" inputmode="numeric" value={v.phone} autocomplete="tel" error={fe.phone} />
          <Field name="password" label={t('register.password')} type="password" hint={t('register.password_hint')} autocomplete="new-password" required error={fe.password} />
          <Field name="realName" label={t('register.real_name')} value={v.realName} autocomplete="name" error={fe.realName} />
          <Field name="idNumber" label={t('profile.id_number')} hint={t('profile.id_number_hint')} autocomplete="off" error={fe.idNumber} />
          <CheckField name="sensitiveConsent" label={ct('consent.register.sensitive_label')} hint={ct('consent.register.sensitive_hint')} error={fe.sensitiveConsent} />
          <Field name="birthDate" label={t('profile.birth_date')} type="date" hint={t('profile.birth_date_hint')} value={v.birthDate} autocomplete="bday" error={fe.birthDate} />
          <details class="field" open={guardianOpen}>
            <summary>{ct('consent.register.guardian_summary')}</summary>
            <p class="hint">{ct('consent.register.guardian_intro')}</p>
            {fe.guardian ? <p class="error" id="guardian-error">{fe.guardian}</p> : null}
            <Field name="guardianName" label={ct('consent.register.guardian_name')} value={v.guardianName} autocomplete="off" error={fe.guardianName} />
            <div class="field">
              <label htmlFor="guardianRelation">{ct('consent.register.guardian_relation')}</label>
              <select id="guardianRelation" name="guardianRelation" aria-invalid={fe.guardianRelation ? 'true' : null} aria-describedby={fe.guardianRelation ? 'guardianRelation-error' : null}>
                <option value="">{ct('consent.choose')}</option>
                {GUARDIAN_RELATIONS.map((r) => <option value={r} selected={r === v.guardianRelation}>{ct(`consent.relation.${r}`)}</option>)}
              </select>
              {fe.guardianRelation ? <p class="error" id="guardianRelation-error">{fe.guardianRelation}</p> : null}
            </div>
            <Field name="guardianPhone" label={ct('consent.register.guardian_phone')} type="tel" inputmode="numeric" value={v.guardianPhone} autocomplete="off" error={fe.guardianPhone} />
            <CheckField name="guardianConsent" label={ct('consent.register.guardian_consent')} error={fe.guardianConsent} />
          </details>
          <HomeRegionFields ctx={ctx} towns={props.towns} townId={v.homeTownId} villageId={v.homeVillageId} errors={fe} />
          <CheckField name="privacyConsent" label={ct('consent.register.privacy_label')} error={fe.privacyConsent} />
          <button class="btn" type="submit">{t('register.submit')}</button>
        </form>
        <p>{t('register.have_account')} <a href="/login">{t('account.login')}</a></p>
      </section>
    </Layout>
  );
}
