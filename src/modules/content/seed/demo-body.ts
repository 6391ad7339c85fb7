import { escapeHtml } from '../../../portal/jsx.js';
import { fill, type Rng } from './demo-random.js';

/**
 * Builds demo bodies in the shape real documents have and our pages style: 一、 sections as h2, （一） as h3,
 * numbered points as paragraphs led by a bold "1.", plain paragraphs between. A plan is trimmed to a target
 * length (800–2,000 characters of text) by dropping the last points of the longest sections, and topped up
 * from a reserve when it is too short.
 */

const CN_NUMERALS = ['一', '二', '三', '四', '五', '六', '七', '八', '九', '十'];
export const cnNumber = (n: number) => CN_NUMERALS[n - 1] ?? String(n);

export type Block =
  | { kind: 'p'; text: string }
  /** （一）heading + paragraph */
  | { kind: 'sub'; heading: string; text: string }
  /** 1.heading。text (heading optional) */
  | { kind: 'num'; heading?: string; text: string };

export interface Section { title: string; blocks: Block[] }

export interface BodyPlan {
  intro: string[];
  sections: Section[];
  outro: string[];
  /** Points that may be added when the body is shorter than the minimum… */
  reserve?: Block[];
  /** …to this section (index; default the last one). */
  growAt?: number;
}

export const BODY_MIN = 800;
export const BODY_MAX = 2000;

/** Characters of text the rendered plan shows (what a reader counts; markup and spaces excluded). */
export const planLength = (p: BodyPlan) => renderPlan(p).replace(/<[^>]*>/g, '').replace(/\s/g, '').length;

/** Trims or tops up the plan so its text length falls in [BODY_MIN, target]. */
export function fitPlan(plan: BodyPlan, target: number): BodyPlan {
  const sections = plan.sections.map((s) => ({ ...s, blocks: [...s.blocks] }));
  const fitted = { ...plan, sections };
  const size = (s: Section) => s.blocks.reduce((n, b) => n + b.text.length, 0);
  while (planLength(fitted) > target) {
    const longest = sections.filter((s) => s.blocks.length > 1).sort((a, b) => size(b) - size(a))[0];
    if (!longest) break;
    longest.blocks.pop();
  }
  const reserve = [...(plan.reserve ?? [])];
  const grow = sections[plan.growAt ?? sections.length - 1];
  while (planLength(fitted) < BODY_MIN && reserve.length > 0 && grow) grow.blocks.push(reserve.shift()!);
  return fitted;
}

/** The plan as HTML (already safe: every text is escaped). */
export function renderPlan(plan: BodyPlan): string {
  const out: string[] = plan.intro.map((t) => `<p>${escapeHtml(t)}</p>`);
  plan.sections.forEach((section, i) => {
    out.push(`<h2>${cnNumber(i + 1)}、${escapeHtml(section.title)}</h2>`);
    let sub = 0;
    let num = 0;
    for (const block of section.blocks) {
      if (block.kind === 'p') out.push(`<p>${escapeHtml(block.text)}</p>`);
      else if (block.kind === 'sub') {
        sub += 1;
        out.push(`<h3>（${cnNumber(sub)}）${escapeHtml(block.heading)}</h3>`, `<p>${escapeHtml(block.text)}</p>`);
      } else {
        num += 1;
        out.push(block.heading
          ? `<p><strong>${num}.${escapeHtml(block.heading)}。</strong>${escapeHtml(block.text)}</p>`
          : `<p>${num}.${escapeHtml(block.text)}</p>`);
      }
    }
  });
  for (const t of plan.outro) out.push(`<p>${escapeHtml(t)}</p>`);
  return out.join('\n');
}

export type Say = ((template: string, extra?: Record<string, string | number>) => string) & { used: Set<string> };

/**
 * Fills slots with fresh numbers each time, so two sentences from one template read differently, and
 * remembers which templates a body used so the reserve never repeats one (with other numbers).
 */
export function sayer(rng: Rng, base: Record<string, string | number>): Say {
  const used = new Set<string>();
  const say = (template: string, extra: Record<string, string | number> = {}) => {
    used.add(template);
    return fill(template, {
      n: rng.int(2, 9), m: rng.int(1, 5), big: rng.int(3, 60) * 100 + rng.int(0, 9) * 10, pct: rng.int(62, 96),
      phone: String(rng.int(1_000_000, 9_999_999)), month: rng.int(3, 12), ...base, ...extra,
    });
  };
  return Object.assign(say, { used });
}

/**
 * The subject's sentences this body has not used yet, to top up a short body: the subject's own measures as
 * （一） points first, then points that fit any subject (in a random order), then background, goals and results.
 */
export function subjectReserve(topic: { background: string[]; goals: string[]; results: string[]; measures: Array<{ heading: string; text: string[] }> },
  say: Say, rng: Rng, generic: Array<{ heading: string; text: string[] }>): Block[] {
  const measures = [...topic.measures, ...rng.sample(generic, generic.length)].filter((m) => !m.text.some((t) => say.used.has(t)));
  const sentences = [...topic.background, ...topic.goals, ...topic.results].filter((t) => !say.used.has(t));
  return [
    ...measures.map((m): Block => ({ kind: 'sub', heading: m.heading, text: m.text.map((t) => say(t)).join('') })),
    ...sentences.map((t): Block => ({ kind: 'p', text: say(t) })),
  ];
}
