import { h, raw, type SafeHtml } from '../../../../portal/jsx.js';
import type { PageContext } from '../../../../portal/layout.js';

// A4 landscape with a double border; the screen shows the same sheet scaled to the window.
const PRINT_CSS = `
@page { size: A4 landscape; margin: 12mm; }
* { box-sizing: border-box; }
body { margin: 0; font-family: "Songti SC", "SimSun", "Noto Serif CJK SC", serif; color: #222; background: #eee; }
.sheet { width: 273mm; height: 186mm; margin: 8mm auto; background: #fffdf6; border: 3mm double #a4161a; padding: 14mm 18mm; position: relative; display: flex; flex-direction: column; }
h1 { text-align: center; font-size: 30pt; letter-spacing: .5em; color: #a4161a; margin: 4mm 0 10mm; }
h1.long { font-size: 26pt; letter-spacing: .2em; }
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

export interface PrintSheetProps {
  locale: PageContext['locale'];
  title: string;
  heading: string;
  body: string;
  /** Label and value rows under the text. */
  facts: [string, string | number][];
  issuer: string;
  date: string;
  qrSvg: string;
  verifyUrl: string;
  scanLabel: string;
  back: { href: string; label: string };
}

/**
 * A stand-alone A4 landscape certificate (no site chrome) with the QR code of its verify URL: the one layout of
 * every printed certificate, a class's or a credit-bank award's.
 */
export function PrintSheet(p: PrintSheetProps): SafeHtml {
  const html = (
    <html lang={p.locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{p.title}</title>
        <style>{raw(PRINT_CSS)}</style>
      </head>
      <body>
        <p class="noprint"><a href={p.back.href}>{p.back.label}</a></p>
        <main class="sheet">
          {/* Longer titles (a city's award titles) get tighter spacing so they stay on one line. */}
          <h1 class={[...p.heading].length > 6 ? 'long' : null}>{p.heading}</h1>
          <p class="body">{p.body}</p>
          <div class="foot">
            <dl>{p.facts.map(([label, value]) => [<dt>{label}</dt>, <dd>{value}</dd>])}</dl>
            <div class="issuer">
              <p>{p.issuer}</p>
              <p>{p.date}</p>
            </div>
            <div class="qr">{raw(p.qrSvg)}<div>{p.scanLabel}</div><div class="url">{p.verifyUrl.replace(/^https?:\/\//, '')}</div></div>
          </div>
        </main>
      </body>
    </html>
  );
  return raw(`<!doctype html>${html.html}`);
}
