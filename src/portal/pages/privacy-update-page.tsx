import { h } from '../jsx.js';
import { CsrfField, FormErrors, Layout, type PageContext } from '../layout.js';
import { consentT } from './consent-fields.js';

/** Asked once after a new notice version: what changed, a link to the full text, accept or carry on. */
export function PrivacyUpdatePage(props: { ctx: PageContext; version: number; effectiveOn: string; changes: string; back: string; errors?: string[] }) {
  const { ctx } = props;
  const ct = consentT(ctx);
  return (
    <Layout ctx={ctx} title={ct('consent.update.title')} head={{ noindex: true }}>
      <section class="panel" aria-labelledby="update-title">
        <h1 id="update-title">{ct('consent.update.title')}</h1>
        <FormErrors ctx={ctx} errors={props.errors ?? []} />
        <p>{ct('consent.update.intro', { version: props.version, date: props.effectiveOn })}</p>
        <p>{props.changes}</p>
        <p><a href="/privacy">{ct('consent.update.read')}</a></p>
        <form class="form" method="post" action="/privacy/accept">
          <CsrfField token={ctx.csrfToken} />
          <input type="hidden" name="version" value={String(props.version)} />
          <input type="hidden" name="back" value={props.back} />
          <div class="actions">
            <button class="btn" type="submit">{ct('consent.update.accept')}</button>
            <a class="btn secondary" href={props.back}>{ct('consent.update.later')}</a>
          </div>
        </form>
        <p class="hint">{ct('consent.update.later_hint')}</p>
      </section>
    </Layout>
  );
}
