import { h, raw, type SafeHtml } from '../../../../portal/jsx.js';
import { Layout, type PageContext } from '../../../../portal/layout.js';
import { t as coreT } from '../../../../core/i18n/i18n.js';
import { formatZhDateTime } from '../../../../core/time.js';
import type { DrawRecord } from '../draw-record.js';
import type { PriorityRule } from '../priority-rules.js';
import { verifyCommands } from '../verify-commands.js';

type Tr = (id: Parameters<typeof coreT>[1], params?: Record<string, string | number>) => string;

/** The record as a JSON data block (never executed); `<`, `>` and `&` escaped so no text can close the element. */
function dataBlock(record: DrawRecord): SafeHtml {
  const json = JSON.stringify(record).replace(/</g, '\\u003c').replace(/>/g, '\\u003e').replace(/&/g, '\\u0026')
    .replace(/\u2028/g, '\\u2028').replace(/\u2029/g, '\\u2029');
  return raw(`<script type="application/json" id="draw-data">${json}</script>`);
}

export function ruleLabel(tr: Tr, rule: PriorityRule | null): string {
  if (!rule) return tr('learning.lottery.rule.everyone_else');
  return rule.rule === 'age_at_least' ? tr('learning.lottery.rule.age_at_least', { age: rule.age }) : tr(`learning.lottery.rule.${rule.rule}`);
}

/**
 * `/classes/<id>/draw`: the commitment, the revealed seed, the masked applicant list, the algorithm, the result, and a
 * button that re-runs the draw in the visitor's browser (verify-script.ts), plus the commands to do it by hand.
 */
export function DrawPage(props: { ctx: PageContext; record: DrawRecord }): SafeHtml {
  const { ctx, record: r } = props;
  const tr: Tr = (id, params) => coreT(ctx.locale, id, params);
  const jsonUrl = `${ctx.baseUrl.replace(/\/$/, '')}/api/v1/learning/classes/${r.classId}/draw`;
  const groups = [...r.priorityGroups.map((g) => g as PriorityRule | null), null];
  const title = tr('learning.lottery.draw.title', { class: r.title });
  const row = (label: string, value: unknown) => <div><dt>{label}</dt><dd>{value}</dd></div>;
  return (
    <Layout ctx={ctx} title={title}
      breadcrumb={[{ label: ctx.t('site.title', { city: ctx.cityName }), href: '/' }, { label: r.title, href: `/classes/${r.classId}` }, { label: tr('learning.lottery.panel.verify') }]}>
      <article class="panel" aria-labelledby="draw-title">
        <h1 id="draw-title">{title}</h1>
        <section aria-labelledby="draw-commitment">
          <h2 id="draw-commitment">{tr('learning.lottery.draw.commitment')}</h2>
          <dl class="doc-fields">
            {row(tr('learning.lottery.draw.seed_hash'), <code style="word-break: break-all">{r.seedHash}</code>)}
            {row(tr('learning.lottery.draw.committed_at'), formatZhDateTime(r.committedAt))}
            {row(tr('learning.lottery.draw.closes_at'), formatZhDateTime(r.enrolClosesAt))}
            {row(tr('learning.lottery.draw.seed'), r.seed ? <code style="word-break: break-all">{r.seed}</code> : tr('learning.lottery.draw.seed_hidden'))}
            {r.drawnAt ? row(tr('learning.lottery.draw.drawn_at'), formatZhDateTime(r.drawnAt)) : null}
          </dl>
        </section>
        <section aria-labelledby="draw-groups">
          <h2 id="draw-groups">{tr('learning.lottery.draw.groups')}</h2>
          <ol>{groups.map((g) => <li>{ruleLabel(tr, g)}</li>)}</ol>
        </section>
        <section aria-labelledby="draw-algorithm">
          <h2 id="draw-algorithm">{tr('learning.lottery.draw.algorithm_title')}</h2>
          <ol>
            <li>{tr('learning.lottery.draw.algorithm.1')}</li>
            <li>{tr('learning.lottery.draw.algorithm.2')}</li>
            <li>{tr('learning.lottery.draw.algorithm.3')}</li>
          </ol>
        </section>
        {r.result ? <ResultSection tr={tr} record={r} /> : <p class="alert" role="status">{tr('learning.lottery.draw.not_drawn')}</p>}
        <section aria-labelledby="draw-applicants">
          <h2 id="draw-applicants">{tr('learning.lottery.draw.applicants', { n: r.applicants.length })}</h2>
          <div class="table-scroll">
            <table class="responsive">
              <thead><tr><th>{tr('learning.lottery.draw.col.ticket')}</th><th>{tr('learning.lottery.draw.col.name')}</th><th>{tr('learning.lottery.draw.col.group')}</th></tr></thead>
              <tbody>{r.applicants.map((a) => <tr><td>{a.ticket}</td><td>{a.name}</td><td>{a.group}</td></tr>)}</tbody>
            </table>
          </div>
        </section>
        {r.result ? <section aria-labelledby="draw-rerun-title">
          <h2 id="draw-rerun-title">{tr('learning.lottery.draw.rerun')}</h2>
          <p>{tr('learning.lottery.draw.rerun_intro')}</p>
          <p><button class="btn" type="button" id="draw-rerun" hidden
            data-ok={tr('learning.lottery.draw.rerun_ok')} data-bad-hash={tr('learning.lottery.draw.rerun_bad_hash')}
            data-bad-order={tr('learning.lottery.draw.rerun_bad_order')} data-unsupported={tr('learning.lottery.draw.rerun_unsupported')}>
            {tr('learning.lottery.draw.rerun')}</button></p>
          <p id="draw-rerun-result" role="status" aria-live="polite"></p>
        </section> : null}
        <section aria-labelledby="draw-cli">
          <h2 id="draw-cli">{tr('learning.lottery.draw.cli_title')}</h2>
          <p>{tr('learning.lottery.draw.cli_intro')}</p>
          <pre style="white-space: pre-wrap; word-break: break-all">{verifyCommands(jsonUrl, r.seed, r.applicants[0]?.ticket ?? 'A000001').join('\n')}</pre>
          <p><a href={`/api/v1/learning/classes/${r.classId}/draw`}>{tr('learning.lottery.draw.json')}</a></p>
        </section>
      </article>
      {dataBlock(r)}
      <script src={`/assets/lottery-verify.js?v=${ctx.assetVersion}`} defer></script>
    </Layout>
  );
}

function ResultSection(props: { tr: Tr; record: DrawRecord }) {
  const { tr, record: r } = props;
  const names = new Map(r.applicants.map((a) => [a.ticket, a]));
  return (
    <section aria-labelledby="draw-result">
      <h2 id="draw-result">{tr('learning.lottery.draw.result', { seats: r.seats })}</h2>
      <div class="table-scroll">
        <table class="responsive">
          <thead><tr><th>{tr('learning.lottery.draw.col.rank')}</th><th>{tr('learning.lottery.draw.col.ticket')}</th><th>{tr('learning.lottery.draw.col.name')}</th>
            <th>{tr('learning.lottery.draw.col.group')}</th><th>{tr('learning.lottery.draw.col.outcome')}</th></tr></thead>
          <tbody>{r.result!.map((x) => <tr><td>{x.rank}</td><td>{x.ticket}</td><td>{names.get(x.ticket)?.name ?? ''}</td>
            <td>{names.get(x.ticket)?.group ?? ''}</td><td>{tr(`learning.lottery.draw.outcome.${x.outcome}`)}</td></tr>)}</tbody>
        </table>
      </div>
    </section>
  );
}
