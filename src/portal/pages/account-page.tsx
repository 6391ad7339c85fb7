import { h } from '../jsx.js';
import { CsrfField, Field, FormErrors, Layout, type PageContext } from '../layout.js';
import type { OwnProfile } from '../../core/auth/commands/own-profile.js';
import { HomeRegionFields, type TownChoice } from './home-region-fields.js';
import { AccountConsents } from './account-consents.js';
import { CheckField, consentT } from './consent-fields.js';
import type { OwnConsents } from '../../core/consent/consent-view.js';

export interface AccountView { username: string; displayName: string; roles: string[]; staff: boolean; setupRequired: boolean }

/** The link to the inbox (`/account/messages`), its texts already in the reader's language. */
export interface MessagesLink { label: string; unreadLabel: string | null }

/** The profile block: what is stored (ID masked), the towns to choose from, and the last attempt's values and errors. */
export interface ProfileBlock {
  view: OwnProfile;
  towns: TownChoice[];
  values?: { realName?: string; birthDate?: string; homeTownId?: string; homeVillageId?: string };
  errors?: string[];
  fieldErrors?: Record<string, string>;
  saved?: boolean;
  /** The separate consent for the ID number is in force, so entering one needs no new tick. */
  sensitiveConsentGiven?: boolean;
}

export function AccountPage(props: { ctx: PageContext; account: AccountView; errors?: string[]; fieldErrors?: Record<string, string>; saved?: boolean; exportError?: string; messages?: MessagesLink; profile?: ProfileBlock;
  links?: Array<{ href: string; label: string }>; consents?: { view: OwnConsents; accepted?: boolean; withdrawn?: boolean } }) {
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
        {props.messages ? (
          <div class="actions">
            <a class="btn secondary" href="/account/messages">{props.messages.label}{props.messages.unreadLabel ? <strong>{ctx.locale === 'en' ? ` (${props.messages.unreadLabel})` : `（${props.messages.unreadLabel}）`}</strong> : null}</a>
          </div>
        ) : null}
        {props.links && props.links.length > 0 ? (
          <nav class="actions" aria-label={t('account.links')}>{props.links.map((l) => <a class="btn secondary" href={l.href}>{l.label}</a>)}</nav>
        ) : null}
        {account.staff ? <div class="actions"><a class="btn secondary" href="/admin/">{t('account.go_admin')}</a></div> : null}
      </section>
      {props.profile ? <ProfileSection ctx={ctx} profile={props.profile} /> : null}
      {props.consents ? <AccountConsents ctx={ctx} view={props.consents.view} accepted={props.consents.accepted} withdrawn={props.consents.withdrawn} /> : null}
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

function homeText(ctx: PageContext, view: OwnProfile): string {
  const parts = [view.homeTownName, view.homeVillageName].filter((p): p is string => Boolean(p));
  return parts.length > 0 ? parts.join(' · ') : ctx.t('profile.not_given');
}

/** `/account/profile`: shows the profile (ID number masked) and edits it; the ID number is write-only. */
function ProfileSection(props: { ctx: PageContext; profile: ProfileBlock }) {
  const { ctx, profile } = props;
  const { t } = ctx;
  const { view } = profile;
  const v = profile.values ?? {};
  const fe = profile.fieldErrors ?? {};
  const ct = consentT(ctx);
  const none = t('profile.not_given');
  return (
    <section class="panel" aria-labelledby="profile-title">
      <h2 id="profile-title">{t('profile.title')}</h2>
      {profile.saved ? <div class="alert ok" role="status">{t('profile.saved')}</div> : null}
      <table class="data">
        <tbody>
          <tr><th scope="row">{t('profile.real_name')}</th><td>{view.realName ?? none}</td></tr>
          <tr><th scope="row">{t('profile.id_number_short')}</th><td>{view.idNumber ?? none}</td></tr>
          <tr><th scope="row">{t('profile.birth_date_short')}</th><td>{view.birthDate ?? none}</td></tr>
          <tr><th scope="row">{t('profile.home')}</th><td>{homeText(ctx, view)}</td></tr>
        </tbody>
      </table>
      <h3>{t('profile.edit_title')}</h3>
      <FormErrors ctx={ctx} errors={profile.errors ?? []} />
      <form class="form" method="post" action="/account/profile" novalidate>
        <CsrfField token={ctx.csrfToken} />
        <Field name="realName" label={t('profile.real_name')} value={v.realName ?? view.realName ?? ''} autocomplete="name" error={fe.realName} />
        <Field name="idNumber" label={t('profile.id_number')} autocomplete="off" error={fe.idNumber}
          hint={view.idNumber ? t('profile.id_number_current', { masked: view.idNumber }) : t('profile.id_number_hint')} />
        {profile.sensitiveConsentGiven ? null
          : <CheckField name="sensitiveConsent" label={ct('consent.register.sensitive_label')} hint={ct('consent.register.sensitive_hint')} error={fe.sensitiveConsent} />}
        {view.birthDateFromIdNumber
          ? <p class="hint">{t('profile.birth_date_from_id')}</p>
          : <Field name="birthDate" label={t('profile.birth_date')} type="date" hint={t('profile.birth_date_hint')} value={v.birthDate ?? view.birthDate ?? ''} autocomplete="bday" error={fe.birthDate} />}
        {view.homeEditable
          ? <HomeRegionFields ctx={ctx} towns={profile.towns} townId={v.homeTownId ?? view.homeTownId ?? undefined} villageId={v.homeVillageId ?? view.homeVillageId ?? undefined} errors={fe} />
          : <p class="hint">{t('profile.home_staff')}</p>}
        <Field name="profilePassword" label={t('profile.current_password')} type="password" autocomplete="current-password" error={fe.profilePassword} />
        <button class="btn" type="submit">{t('profile.submit')}</button>
      </form>
    </section>
  );
}
