import { h, raw } from '../../../../portal/jsx.js';
import { Layout, type PageContext } from '../../../../portal/layout.js';
import { t as coreT, type MessageId } from '../../../../core/i18n/i18n.js';
import { formatZhDateTime } from '../../../../core/time.js';
import { shanghaiDateOf } from '../../catalogue/schedule.js';
import type { CertificateView } from '../certificate-queries.js';

function L(ctx: { locale: PageContext['locale'] }, id: MessageId, params?: Record<string, string | number>) {
  return coreT(ctx.locale, id, params);
}
const day = (iso: string) => shanghaiDateOf(iso);
const tenths = (n: number) => (Number.isInteger(n) ? String(n) : n.toFixed(1));

/** `/account/certificates`: the holder's certificates with print and verify links. */
export function AccountCertificatesPage(props: { ctx: PageContext; items: CertificateView[] }) {
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
    </Layout>
  );
}

// A4 landscape with a double border; the screen shows the same sheet scaled to the window.
const PRINT_CSS = `
@page { size: A4 landscape; margin: 12mm; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "Songti SC", "SimSun", "Noto Serif CJK SC", serif; color: #222; background: #eee; }
.sheet { width: 273mm; height: 186mm; margin: 8mm auto; background: #fffdf6; border: 3mm double #a4161a; padding: 14mm 18mm; position: relative; display: flex; flex-direction: column; }
h1 { text-align: center; font-size: 30pt; letter-spacing: .5em; color: #a4161a; margin: 4mm 0 10mm; }
.body { font-size: 15pt; line-height: 2; text-indent: 2em; flex: 1; }
dl { display: grid; grid-template-columns: max-content 1fr; gap: 1mm 6mm; font-size: 11pt; margin: 0; }
dt { color: #555; }
dd { margin: 0; }
.foot { display: flex; justify-content: space-between; align-items: flex-end; }
.qr { width: 32mm; text-align: center; font-size: 8pt; color: #555; }
.qr svg { width: 32mm; height: 32mm; display: block; }
.issuer { text-align: right; font-size: 13pt; }
.qr .url { word-break: break-all; }
.noprint { text-align: center; margin: 4mm; font-family: sans-serif; }
.noprint a { display: inline-flex; align-items: center; min-height: 44px; padding: 0 1rem; }
@media print { body { background: none; } .sheet { margin: 0 auto; } .noprint { display: none; } }
/* The sheet is 273 mm (about 1090 px with its margins): narrower screens see it whole, scaled down in steps. */
@media screen and (max-width: 1099px) { .sheet { zoom: .7; } }
@media screen and (max-width: 769px) { .sheet { zoom: .5; } }
@media screen and (max-width: 549px) { .sheet { zoom: .32; } }
`;

/** `/certificates/<id>/print`: a stand-alone A4 page (no site chrome) with the QR code of the verify URL. */
export function CertificatePrintPage(props: { locale: PageContext['locale']; c: CertificateView; qrSvg: string; verifyUrl: string }) {
  const { c, locale } = props;
  const ctx = { locale };
  const html = (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${L(ctx, 'learning.certificate.heading')} ${c.number}`}</title>
        <style>{raw(PRINT_CSS)}</style>
      </head>
      <body>
        <p class="noprint"><a href="/account/certificates">{L(ctx, 'learning.certificate.mine.title')}</a></p>
        <main class="sheet">
          <h1>{L(ctx, 'learning.certificate.heading')}</h1>
          <p class="body">{L(ctx, 'learning.certificate.body', { name: c.holderName, date: day(c.issuedAt), class: c.classTitle, course: c.courseTitle,
            hours: tenths(c.hours), credits: tenths(c.credits) })}</p>
          <div class="foot">
            <dl>
              <dt>{L(ctx, 'learning.certificate.holder')}</dt><dd>{c.holderName}</dd>
              <dt>{L(ctx, 'learning.certificate.class')}</dt><dd>{c.classTitle}</dd>
              <dt>{L(ctx, 'learning.certificate.course')}</dt><dd>{c.courseTitle}</dd>
              <dt>{L(ctx, 'learning.certificate.hours')}</dt><dd>{tenths(c.hours)}</dd>
              <dt>{L(ctx, 'learning.certificate.credits')}</dt><dd>{tenths(c.credits)}</dd>
              <dt>{L(ctx, 'learning.certificate.number')}</dt><dd>{c.number}</dd>
            </dl>
            <div class="issuer">
              <p>{c.institutionName}</p>
              <p>{day(c.issuedAt)}</p>
            </div>
            <div class="qr">{raw(props.qrSvg)}<div>{L(ctx, 'learning.certificate.scan')}</div><div class="url">{props.verifyUrl.replace(/^https?:\/\//, '')}</div></div>
          </div>
        </main>
      </body>
    </html>
  );
  return raw(`<!doctype html>${html.html}`);
}

export type Verified = Pick<CertificateView, 'number' | 'holderName' | 'classTitle' | 'courseTitle' | 'hours' | 'credits' | 'institutionName' | 'issuedAt' | 'revokedAt' | 'valid'>;

/** `/verify/<code>`: what anyone may know about a certificate; every miss renders the same page. */
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
              <tbody>
                <tr><th scope="row">{L(ctx, 'learning.certificate.status')}</th><td><strong>{found.valid ? L(ctx, 'learning.certificate.valid')
                  : L(ctx, 'learning.certificate.revoked', { date: formatZhDateTime(found.revokedAt!) })}</strong></td></tr>
                <tr><th scope="row">{L(ctx, 'learning.certificate.number')}</th><td>{found.number}</td></tr>
                <tr><th scope="row">{L(ctx, 'learning.certificate.holder')}</th><td>{found.holderName}</td></tr>
                <tr><th scope="row">{L(ctx, 'learning.certificate.class')}</th><td>{found.classTitle}</td></tr>
                <tr><th scope="row">{L(ctx, 'learning.certificate.course')}</th><td>{found.courseTitle}</td></tr>
                <tr><th scope="row">{L(ctx, 'learning.certificate.hours')}</th><td>{tenths(found.hours)}</td></tr>
                <tr><th scope="row">{L(ctx, 'learning.certificate.credits')}</th><td>{tenths(found.credits)}</td></tr>
                <tr><th scope="row">{L(ctx, 'learning.certificate.institution')}</th><td>{found.institutionName}</td></tr>
                <tr><th scope="row">{L(ctx, 'learning.certificate.date')}</th><td>{day(found.issuedAt)}</td></tr>
              </tbody>
            </table>
          </div>
        )}
      </section>
    </Layout>
  );
}
