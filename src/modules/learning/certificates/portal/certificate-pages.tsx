import { h } from '../../../../portal/jsx.js';
import { Layout, type PageContext } from '../../../../portal/layout.js';
import { t as coreT, type MessageId } from '../../../../core/i18n/i18n.js';
import { formatZhDateTime } from '../../../../core/time.js';
import { shanghaiDateOf } from '../../catalogue/schedule.js';
import type { CertificateView } from '../certificate-queries.js';
import type { Verified } from '../verify-lookup.js';
import type { AwardView } from '../../credits/award-view.js';
import { AwardList, awardFacts } from '../../credits/portal/award-pages.js';
import { PrintSheet } from './print-sheet.js';

function L(ctx: { locale: PageContext['locale'] }, id: MessageId, params?: Record<string, string | number>) {
  return coreT(ctx.locale, id, params);
}
const day = (iso: string) => shanghaiDateOf(iso);
const tenths = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** `/account/certificates`: the holder's certificates, then their credit-bank awards, with print and verify links. */
export function AccountCertificatesPage(props: { ctx: PageContext; items: CertificateView[]; awards: AwardView[] }) {
  const { ctx } = props;
  return (
    <Layout ctx={ctx} title={L(ctx, 'learning.certificate.mine.title')}>
      <section class="panel" aria-labelledby="my-certs">
        <h1 id="my-certs">{L(ctx, 'learning.certificate.mine.title')}</h1>
        {props.items.length === 0 ? <p>{L(ctx, 'learning.certificate.mine.empty')}</p> : (
          <ol class="item-list cards">
            {props.items.map((c) => (
              <li>
                <h2>{c.classTitle}</h2>
                <p class="muted">{c.institutionName} · {L(ctx, 'learning.certificate.number')} <span class="nowrap">{c.number}</span> · {day(c.issuedAt)}</p>
                <p>{L(ctx, 'learning.certificate.hours')} {tenths(c.hours)} · {L(ctx, 'learning.certificate.credits')} {tenths(c.credits)} ·{' '}
                  <strong>{c.valid ? L(ctx, 'learning.certificate.valid') : L(ctx, 'learning.certificate.revoked', { date: formatZhDateTime(c.revokedAt!) })}</strong></p>
                <div class="actions">
                  {c.valid ? <a class="btn" href={`/certificates/${c.id}/print`}>{L(ctx, 'learning.certificate.print')}</a> : null}
                  <a class="btn secondary" href={`/verify/${c.code}`}>{L(ctx, 'learning.certificate.verify_link')}</a>
                </div>
              </li>
            ))}
          </ol>
        )}
      </section>
      {props.awards.length === 0 ? null : <AwardList ctx={ctx} awards={props.awards} />}
    </Layout>
  );
}

/** `/certificates/<id>/print`: the class certificate on the shared A4 sheet. */
export function CertificatePrintPage(props: { locale: PageContext['locale']; c: CertificateView; qrSvg: string; verifyUrl: string }) {
  const { c, locale } = props;
  const ctx = { locale };
  return PrintSheet({
    locale, title: `${L(ctx, 'learning.certificate.heading')} ${c.number}`, heading: L(ctx, 'learning.certificate.heading'),
    body: L(ctx, 'learning.certificate.body', { name: c.holderName, date: day(c.issuedAt), class: c.classTitle, course: c.courseTitle,
      hours: tenths(c.hours), credits: tenths(c.credits) }),
    facts: [
      [L(ctx, 'learning.certificate.holder'), c.holderName], [L(ctx, 'learning.certificate.class'), c.classTitle],
      [L(ctx, 'learning.certificate.course'), c.courseTitle], [L(ctx, 'learning.certificate.hours'), tenths(c.hours)],
      [L(ctx, 'learning.certificate.credits'), tenths(c.credits)], [L(ctx, 'learning.certificate.number'), c.number],
    ],
    issuer: c.institutionName, date: day(c.issuedAt), qrSvg: props.qrSvg, verifyUrl: props.verifyUrl,
    scanLabel: L(ctx, 'learning.certificate.scan'), back: { href: '/account/certificates', label: L(ctx, 'learning.certificate.mine.title') },
  });
}

/** The rows a verify page shows for what a code names: the kind, status, then the document's own facts. */
function verifiedRows(ctx: { locale: PageContext['locale'] }, found: Verified): [string, string][] {
  const status = found.valid ? L(ctx, 'learning.certificate.valid') : L(ctx, 'learning.certificate.revoked', { date: formatZhDateTime(found.revokedAt!) });
  const head: [string, string][] = [
    [L(ctx, 'learning.certificate.status'), status], [L(ctx, 'learning.certificate.kind'), L(ctx, `learning.certificate.kind.${found.kind}`)],
  ];
  if (found.kind === 'award') return [...head, ...awardFacts(ctx.locale, found)];
  return [
    ...head,
    [L(ctx, 'learning.certificate.number'), found.number], [L(ctx, 'learning.certificate.holder'), found.holderName],
    [L(ctx, 'learning.certificate.class'), found.classTitle], [L(ctx, 'learning.certificate.course'), found.courseTitle],
    [L(ctx, 'learning.certificate.hours'), tenths(found.hours)], [L(ctx, 'learning.certificate.credits'), tenths(found.credits)],
    [L(ctx, 'learning.certificate.institution'), found.institutionName], [L(ctx, 'learning.certificate.date'), day(found.issuedAt)],
  ];
}

/** `/verify/<code>`: what anyone may know about a certificate or award; every miss renders the same page. */
export function VerifyPage(props: { ctx: PageContext; found: Verified | null; limited?: boolean }) {
  const { ctx, found } = props;
  const title = L(ctx, 'learning.certificate.verify.title');
  return (
    <Layout ctx={ctx} title={title} head={{ noindex: true }}>
      <section class="panel">
        <h1>{title}</h1>
        {props.limited ? <div class="alert error" role="alert">{L(ctx, 'request.rate_limited')}</div>
          : !found ? <div class="alert error" role="alert">{L(ctx, 'learning.certificate.verify.not_found')}</div> : (
          <div>
            <p>{L(ctx, 'learning.certificate.verify.found')}</p>
            {found.valid ? null : <div class="alert error" role="alert">{L(ctx, 'learning.certificate.verify.revoked_note')}</div>}
            <table class="data">
              <tbody>{verifiedRows(ctx, found).map(([label, value], i) => <tr><th scope="row">{label}</th><td>{i === 0 ? <strong>{value}</strong> : value}</td></tr>)}</tbody>
            </table>
          </div>
        )}
      </section>
    </Layout>
  );
}
