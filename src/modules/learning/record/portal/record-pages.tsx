import { h, raw } from '../../../../portal/jsx.js';
import { Layout, type PageContext } from '../../../../portal/layout.js';
import type { MessageId } from '../../../../core/i18n/i18n.js';
import { formatZhDateTime } from '../../../../core/time.js';
import type { LearningRecord, RecordClass } from '../record-queries.js';
import { recordText } from '../record-format.js';

type Text = ReturnType<typeof recordText>;

function attendanceText(x: Text, c: RecordClass): string {
  return c.held === 0 ? x.L('learning.record.attendance_none')
    : x.L('learning.record.attendance_value', { attended: c.attended, held: c.held, percent: x.num(c.attendancePercent ?? 0) });
}

function Totals(props: { x: Text; r: LearningRecord }) {
  const { x, r } = props;
  const rows: [MessageId, string][] = [
    ['learning.record.totals.classes', String(r.totals.classes)], ['learning.record.totals.completed', String(r.totals.completedClasses)],
    ['learning.record.totals.online', String(r.totals.onlineCompleted)], ['learning.record.totals.hours', x.num(r.totals.hours)],
    ['learning.record.totals.certificates', String(r.totals.certificates)], ['learning.record.totals.credits', x.num(r.totals.credits)],
    ['learning.record.totals.awards', String(r.totals.awards)],
  ];
  return <table class="data"><tbody>{rows.map(([id, value]) => <tr><th scope="row">{x.L(id)}</th><td>{value}</td></tr>)}</tbody></table>;
}

function ClassList(props: { x: Text; r: LearningRecord; links: boolean }) {
  const { x, r } = props;
  if (r.classes.length === 0) return <p>{x.L('learning.record.classes.empty')}</p>;
  return (
    <ol class="record-list">
      {r.classes.map((c) => (
        <li>
          <h3>{props.links ? <a href={`/classes/${c.classId}`}>{c.classTitle}</a> : c.classTitle}</h3>
          <p class="muted">{c.institutionName} · {c.termName} · {c.startsOn} – {c.endsOn}</p>
          <p>{x.category(c.category)} · {x.L('learning.record.hours')} {x.num(c.hours)} · {x.L('learning.record.credits_col')} {x.num(c.credits)}</p>
          <p>{x.L('learning.record.attendance')}：{attendanceText(x, c)} · <strong>{x.L(`learning.record.status.${c.status}`)}</strong></p>
          {c.certificate ? (
            <p>{x.L('learning.record.certificate')}：{c.certificate.number}{' '}
              {!c.certificate.valid ? x.L('learning.record.certificate.revoked')
                : props.links ? <a href={`/certificates/${c.certificate.id}/print`}>{x.L('learning.record.certificate.view')}</a> : null}</p>
          ) : null}
        </li>
      ))}
    </ol>
  );
}

function OnlineList(props: { x: Text; r: LearningRecord; links: boolean }) {
  const { x, r } = props;
  if (r.online.length === 0) return <p>{x.L('learning.record.online.empty')}</p>;
  return (
    <ol class="record-list">
      {r.online.map((o) => (
        <li>
          <h3>{props.links ? <a href={`/courses/${o.courseId}`}>{o.title}</a> : o.title}</h3>
          <p>{x.category(o.category)} · {x.L('learning.record.hours')} {x.num(o.hours)} · {x.L('learning.record.credits_col')} {x.num(o.creditsAwarded ?? o.credits)}</p>
          <p>{x.L('learning.record.online.progress')} {o.percent}% · {x.L('learning.record.online.started')} {x.day(o.startedAt)} ·{' '}
            <strong>{o.completedAt ? `${x.L('learning.record.online.completed')} ${x.day(o.completedAt)}` : x.L('learning.record.online.in_progress')}</strong></p>
        </li>
      ))}
    </ol>
  );
}

function Credits(props: { x: Text; r: LearningRecord; links: boolean }) {
  const { x, r } = props;
  return (
    <div>
      {r.credits.entries.length === 0 ? <p>{x.L('learning.record.credits.empty')}</p> : (
        <div>
          <p><strong>{x.L('learning.record.credits.total', { credits: x.num(r.credits.total) })}</strong></p>
          <h3>{x.L('learning.record.credits.by_category')}</h3>
          <table class="data"><tbody>{r.credits.byCategory.map((c) => <tr><th scope="row">{x.category(c.category)}</th><td>{x.num(c.credits)}</td></tr>)}</tbody></table>
          <h3>{x.L('learning.record.credits.entries')}</h3>
          <div class="table-scroll">
            <table class="data">
              <thead><tr><th scope="col">{x.L('learning.record.date')}</th><th scope="col">{x.L('learning.record.item')}</th>
                <th scope="col">{x.L('learning.record.category')}</th><th scope="col">{x.L('learning.record.credits_col')}</th></tr></thead>
              <tbody>{r.credits.entries.map((e) => (
                <tr><td class="nowrap">{x.day(e.at)}</td><td>{e.title}<br /><span class="muted">{x.L(`learning.credit.source.${e.sourceKind}`)}</span></td>
                  <td>{x.category(e.category)}</td><td>{x.num(e.credits)}</td></tr>))}</tbody>
            </table>
          </div>
        </div>
      )}
      <h3>{x.L('learning.record.awards')}</h3>
      {r.awards.length === 0 ? <p>{x.L('learning.record.awards.empty')}</p> : (
        <ol class="record-list">{r.awards.map((a) => (
          <li><strong>{a.title}</strong><p class="muted">{x.L('learning.record.number')} {a.number} · {x.day(a.awardedAt)} · {x.category(a.category)} {x.num(a.credits)}</p>
            {props.links ? <p><a href={`/awards/${a.id}/print`}>{x.L('learning.record.certificate.view')}</a> · <a href={`/verify/${a.code}`}>{x.L('learning.certificate.verify_link')}</a></p> : null}</li>))}</ol>
      )}
    </div>
  );
}

function Rules(props: { x: Text; r: LearningRecord }) {
  const { x, r } = props;
  if (r.rules.length === 0) return null;
  return (
    <div>
      <h3>{x.L('learning.record.rules')}</h3>
      <ul class="record-list">{r.rules.map((rule) => (
        <li>{rule.name}（{x.category(rule.category)} → {rule.awardTitle}）：
          {rule.awarded ? <strong>{x.L('learning.record.rule_awarded')}</strong>
            : <span>{x.L('learning.record.rule_progress', { credits: x.num(Math.min(rule.credits, rule.creditsRequired)), required: x.num(rule.creditsRequired) })}
              {' '}<progress max={String(rule.creditsRequired)} value={String(Math.min(rule.credits, rule.creditsRequired))}></progress></span>}
        </li>))}</ul>
    </div>
  );
}

function Timeline(props: { x: Text; r: LearningRecord }) {
  const { x, r } = props;
  if (r.timeline.length === 0) return <p>{x.L('learning.record.timeline.empty')}</p>;
  return (
    <ol class="record-list">{r.timeline.map((e) => (
      <li><span class="muted nowrap">{x.day(e.at)}</span> {x.L(`learning.record.timeline.${e.kind}`)}：{e.title}
        {e.credits !== undefined ? ` ${x.L('learning.record.timeline.credits', { credits: x.num(e.credits) })}` : ''}</li>))}</ol>
  );
}

const PAGE_CSS = '.record-list{list-style:none;margin:0;padding:0}.record-list>li{padding:.6rem 0;border-bottom:1px dashed var(--line);overflow-wrap:anywhere}'
  + '.record-list h3{margin:0 0 .2rem;font-size:1.05rem}.record-list p{margin:.15rem 0}progress{width:8rem;max-width:40%;vertical-align:middle}';

/** `/account/record`: the resident's lifelong learning record, one column (phone first), with print and .xlsx. */
export function RecordPage(props: { ctx: PageContext; record: LearningRecord }) {
  const { ctx, record: r } = props;
  const x = recordText(ctx.locale);
  return (
    <Layout ctx={ctx} title={x.L('learning.record.title')} head={{ noindex: true }}>
      <style>{raw(PAGE_CSS)}</style>
      <section class="panel" aria-labelledby="record-title">
        <h1 id="record-title">{x.L('learning.record.title')}</h1>
        <p>{x.L('learning.record.intro')}</p>
        <Totals x={x} r={r} />
        <div class="actions">
          <a class="btn" href="/account/record/print">{x.L('learning.record.print')}</a>
          <a class="btn secondary" href="/account/record.xlsx">{x.L('learning.record.xlsx')}</a>
        </div>
        <p class="muted"><a href="/account">{x.L('learning.record.export_hint')}</a></p>
      </section>
      <section class="panel" aria-labelledby="record-classes"><h2 id="record-classes">{x.L('learning.record.classes')}</h2><ClassList x={x} r={r} links /></section>
      <section class="panel" aria-labelledby="record-online"><h2 id="record-online">{x.L('learning.record.online')}</h2><OnlineList x={x} r={r} links /></section>
      <section class="panel" aria-labelledby="record-credits"><h2 id="record-credits">{x.L('learning.record.credits')}</h2><Credits x={x} r={r} links /><Rules x={x} r={r} /></section>
      <section class="panel" aria-labelledby="record-timeline"><h2 id="record-timeline">{x.L('learning.record.timeline')}</h2><Timeline x={x} r={r} /></section>
    </Layout>
  );
}

// A4 portrait, black on white, no site chrome; sections do not split a class across pages.
const PRINT_CSS = `
@page { size: A4 portrait; margin: 15mm 14mm; }
* { box-sizing: border-box; }
body { margin: 0 auto; max-width: 182mm; font-family: "Songti SC", "SimSun", "Noto Serif CJK SC", serif; color: #000; background: #fff; font-size: 10.5pt; line-height: 1.5; }
h1 { text-align: center; font-size: 20pt; letter-spacing: .3em; margin: 0 0 2mm; }
h2 { font-size: 13pt; border-bottom: 1px solid #000; margin: 6mm 0 2mm; }
h3 { font-size: 11pt; margin: 2mm 0 1mm; }
.meta { text-align: center; margin: 0 0 4mm; }
table.data { width: 100%; border-collapse: collapse; }
table.data th, table.data td { border: 1px solid #555; padding: 1mm 2mm; text-align: left; vertical-align: top; }
.record-list { list-style: none; margin: 0; padding: 0; }
.record-list > li { padding: 1.5mm 0; border-bottom: 1px dotted #999; break-inside: avoid; }
.record-list p { margin: .5mm 0; }
.muted { color: #333; }
a { color: inherit; text-decoration: none; }
.noprint { text-align: center; margin: 4mm; font-family: sans-serif; }
progress { display: none; }
@media print { .noprint { display: none; } }
`;

/** `/account/record/print`: the whole record on A4 pages, stand-alone (no site chrome), for printing or saving as PDF. */
export function RecordPrintPage(props: { locale: PageContext['locale']; record: LearningRecord }) {
  const { locale, record: r } = props;
  const x = recordText(locale);
  const html = (
    <html lang={locale}>
      <head>
        <meta charset="utf-8" />
        <meta name="viewport" content="width=device-width, initial-scale=1" />
        <meta name="robots" content="noindex" />
        <title>{`${x.L('learning.record.print_title')} ${r.name}`}</title>
        <style>{raw(PRINT_CSS)}</style>
      </head>
      <body>
        <p class="noprint"><a href="/account/record">{x.L('learning.record.title')}</a></p>
        <main>
          <h1>{x.L('learning.record.print_title')}</h1>
          <p class="meta">{x.L('learning.record.name')}：{r.name} · {x.L('learning.record.generated', { at: formatZhDateTime(r.generatedAt) })}</p>
          <h2>{x.L('learning.record.summary')}</h2><Totals x={x} r={r} />
          <h2>{x.L('learning.record.classes')}</h2><ClassList x={x} r={r} links={false} />
          <h2>{x.L('learning.record.online')}</h2><OnlineList x={x} r={r} links={false} />
          <h2>{x.L('learning.record.certificates')}</h2>
          {r.certificates.length === 0 ? <p>{x.L('learning.record.certificates.empty')}</p> : (
            <table class="data">
              <thead><tr><th scope="col">{x.L('learning.record.number')}</th><th scope="col">{x.L('learning.record.class')}</th>
                <th scope="col">{x.L('learning.record.institution')}</th><th scope="col">{x.L('learning.record.date')}</th></tr></thead>
              <tbody>{r.certificates.map((c) => <tr><td>{c.number}{c.valid ? '' : `（${x.L('learning.record.certificate.revoked')}）`}</td><td>{c.classTitle}</td>
                <td>{c.institutionName}</td><td>{x.day(c.issuedAt)}</td></tr>)}</tbody>
            </table>
          )}
          <h2>{x.L('learning.record.credits')}</h2><Credits x={x} r={r} links={false} />
        </main>
      </body>
    </html>
  );
  return raw(`<!doctype html>${html.html}`);
}
