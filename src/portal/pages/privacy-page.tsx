import { h } from '../jsx.js';
import { Layout, type PageContext } from '../layout.js';
import type { NoticeText } from '../../core/consent/privacy-notice-texts.js';
import { consentT } from './consent-fields.js';

export interface NoticeRef { version: number; effectiveOn: string }

/** `/privacy` and `/privacy?version=N`: one version of the notice, its date, and links to every version. */
export function PrivacyPage(props: { ctx: PageContext; notice: NoticeRef; text: NoticeText; current: NoticeRef; versions: NoticeRef[] }) {
  const { ctx, notice, text, current } = props;
  const ct = consentT(ctx);
  const isCurrent = notice.version === current.version;
  return (
    <Layout ctx={ctx} title={text.title} head={{ canonicalPath: isCurrent ? '/privacy' : `/privacy?version=${notice.version}`, noindex: !isCurrent }}>
      <article class="panel">
        <h1>{text.title}</h1>
        <p class="hint">{ct('consent.page.version', { version: notice.version, date: notice.effectiveOn })}{isCurrent ? (ctx.locale === 'en' ? ` (${ct('consent.page.current')})` : `（${ct('consent.page.current')}）`) : ''}</p>
        {isCurrent ? null : (
          <div class="alert error" role="note">{ct('consent.page.old_version')} <a href="/privacy">{ct('consent.page.read_current')}</a></div>
        )}
        {text.sections.map((s) => [<h2>{s.heading}</h2>, s.paragraphs.map((p) => <p>{p}</p>)])}
        <h2>{ct('consent.page.versions')}</h2>
        <ul>
          {props.versions.map((v) => (
            <li>{v.version === notice.version
              ? <span aria-current="page">{ct('consent.page.version_link', { version: v.version, date: v.effectiveOn })}</span>
              : <a href={v.version === current.version ? '/privacy' : `/privacy?version=${v.version}`}>{ct('consent.page.version_link', { version: v.version, date: v.effectiveOn })}</a>}</li>
          ))}
        </ul>
      </article>
    </Layout>
  );
}
