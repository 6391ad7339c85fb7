/**
 * Summarises a V8 .cpuprofile (from `BENCH_CPU_PROF=DIR npm run bench`, or node --cpu-prof) as text:
 * where the busy time went (idle time left out), by package or project file, by function (self time),
 * and by function including callees.
 *
 *   BENCH_ONLY=home BENCH_ROUNDS=1 BENCH_CPU_PROF=/tmp/lc-prof npm run bench
 *   node dist/bench/cpu-profile-summary.js /tmp/lc-prof/*.cpuprofile [top=25]
 *
 * The profile covers the app's whole life (start-up, idle time, every load run), so start-up shows up
 * too; with BENCH_ONLY and one round the load of interest dominates.
 */
import fs from 'node:fs';

interface CallFrame { functionName: string; url: string; lineNumber: number }
interface ProfileNode { id: number; callFrame: CallFrame; children?: number[] }
interface Profile { nodes: ProfileNode[]; samples: number[]; startTime: number; endTime: number }

const NOT_BUSY = new Set(['(idle)', '(program)']);

function where(url: string): string {
  if (!url) return '(native)';
  const pkg = /node_modules\/((?:@[^/]+\/)?[^/]+)/.exec(url);
  if (pkg) return pkg[1];
  if (url.startsWith('node:')) return url.replace(/^node:(internal\/)?/, 'node:').replace(/^(node:[^/]+).*/, '$1');
  const project = /\/dist\/(.*)$/.exec(url);
  return project ? project[1] : url.replace(/^file:\/\//, '');
}

function label(frame: CallFrame): string {
  const file = frame.url ? frame.url.split('/').pop() : '';
  return `${frame.functionName || '(anonymous)'}${file ? ` ${file}:${frame.lineNumber + 1}` : ''}`;
}

function summarise(file: string, top: number) {
  const profile = JSON.parse(fs.readFileSync(file, 'utf8')) as Profile;
  const nodes = new Map(profile.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of profile.nodes) for (const c of n.children ?? []) parent.set(c, n.id);

  const byPlace = new Map<string, number>();
  const bySelf = new Map<string, number>();
  const byTotal = new Map<string, number>();
  const add = (m: Map<string, number>, k: string) => m.set(k, (m.get(k) ?? 0) + 1);
  let busy = 0;
  for (const id of profile.samples) {
    const node = nodes.get(id)!;
    if (NOT_BUSY.has(node.callFrame.functionName)) continue;
    busy++;
    add(byPlace, node.callFrame.url ? where(node.callFrame.url) : node.callFrame.functionName || '(native)');
    add(bySelf, label(node.callFrame));
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const l = label(nodes.get(cur)!.callFrame);
      if (l.startsWith('(root)') || seen.has(l)) continue;
      seen.add(l);
      add(byTotal, l);
    }
  }
  const seconds = (profile.endTime - profile.startTime) / 1e6;
  const msPerSample = (seconds * 1000) / Math.max(profile.samples.length, 1);
  const show = (title: string, m: Map<string, number>) => {
    console.log(`\n${title}`);
    for (const [k, n] of [...m].sort((a, b) => b[1] - a[1]).slice(0, top)) {
      console.log(`${((100 * n) / busy).toFixed(1).padStart(6)} %  ${k}`);
    }
  };
  console.log(`${file}: ${seconds.toFixed(1)} s profiled, ${((busy * msPerSample) / 1000).toFixed(1)} s busy (percentages are of the busy time)`);
  show('Self time by package / file', byPlace);
  show('Self time by function', bySelf);
  show('Total time by function (with callees)', byTotal);
}

const args = process.argv.slice(2);
const topArg = args.find((a) => /^top=\d+$/.test(a));
const files = args.filter((a) => a !== topArg);
if (files.length === 0) {
  console.error('usage: node dist/bench/cpu-profile-summary.js FILE.cpuprofile... [top=25]');
  process.exit(2);
}
for (const f of files) summarise(f, topArg ? Number(topArg.slice(4)) : 25);
