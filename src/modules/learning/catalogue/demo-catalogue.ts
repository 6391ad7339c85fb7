import type { Transaction } from 'kysely';
import type { CoreContext } from '../../../core/context.js';
import { seededRng, type Rng } from '../../content/seed/demo-random.js';
import { learningDb, type LearningClassesTable, type LearningDatabase, type LearningCoursesTable, type LearningTermsTable } from '../learning-schema.js';
import { DEMO_COURSES, type DemoCourse } from './demo-courses.js';
import { generateSessions, scheduleSummary, shanghaiDateOf, shanghaiInstant, type ScheduleInput } from './schedule.js';

const DAY_MS = 86_400_000;
const addDays = (date: string, days: number) => new Date(Date.parse(`${date}T00:00:00.000Z`) + days * DAY_MS).toISOString().slice(0, 10);
const minDate = (a: string, b: string) => (a < b ? a : b);

/** 2026年秋季学期 for a term starting in August–January, 2026年春季学期 for February–July. */
function termName(startsOn: string): string {
  const year = Number(startsOn.slice(0, 4));
  const month = Number(startsOn.slice(5, 7));
  if (month === 1) return `${year - 1}年秋季学期`;
  return month >= 8 ? `${year}年秋季学期` : `${year}年春季学期`;
}

/** The Monday on or before a date. */
function mondayOf(date: string): string {
  const day = new Date(`${date}T00:00:00.000Z`).getUTCDay();
  return addDays(date, -((day + 6) % 7));
}

const WEEKDAY_PATTERNS = [[2, 4], [1, 3], [3, 5], [6], [2], [4], [1, 5], [7], [1], [5]];
const TIME_SLOTS: Array<[string, string]> = [['08:30', '10:00'], ['09:00', '11:00'], ['14:00', '16:00'], ['14:30', '16:00'], ['19:00', '20:30']];
const VENUES = ['一楼多功能教室', '二楼数字学习室', '三楼书画室', '健身活动室', '报告厅', '二楼音乐教室', '实训室'];
const CLASS_LETTERS = ['', '（二班）'];

interface Institution { id: string; name: string; path: string; kind: string; region_id: string; townId: string }

/**
 * The demo catalogue: the current term (around the clock's today) and the one before, 40 invented courses across the
 * categories at the demo towns' centers, seniors' schools and citizen schools, and about 60 classes with weekly or
 * dated schedules, mostly free, some limited by age or residency. The demo teacher teaches the first center's
 * courses. A few classes are nearly full, with real enrolments of demo residents so the seat counts add up.
 * Runs once; the same clock gives the same catalogue.
 */
export async function seedDemoCatalogue(core: CoreContext): Promise<void> {
  const db = learningDb(core);
  if (await db.selectFrom('learning_terms').select('id').limit(1).executeTakeFirst()) return;
  const places = await db.selectFrom('institutions as i').innerJoin('regions as r', 'r.id', 'i.region_id')
    .select(['i.id', 'i.name', 'i.path', 'i.kind', 'i.region_id', 'r.level', 'r.parent_id'])
    .where('i.kind', 'in', ['community_education_center', 'seniors_school', 'citizen_school']).where('i.status', '=', 'active')
    .orderBy('i.path').execute();
  if (places.length === 0) return;
  const all: Institution[] = places.map((p) => ({ ...p, townId: p.level === 'town' ? p.region_id : p.parent_id ?? p.region_id }));
  const towns = [...new Set(all.map((p) => p.townId))].sort();
  const byKind = (kind: string) => towns.flatMap((t) => all.filter((p) => p.kind === kind && p.townId === t).slice(0, 1));
  const centers = byKind('community_education_center');
  const seniors = byKind('seniors_school');
  const citizens = all.filter((p) => p.kind === 'citizen_school');
  const teacher = await db.selectFrom('users').select('id').where('username', '=', 'teacher').executeTakeFirst();
  const admin = await db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirst();

  const rng = seededRng(20265);
  const now = core.clock.now();
  const at = now.toISOString();
  const today = shanghaiDateOf(now);
  const currentStart = mondayOf(addDays(today, -28));
  const previous: LearningTermsTable = { id: rng.uuidAt(now), name: termName(addDays(currentStart, -154)), starts_on: addDays(currentStart, -154),
    ends_on: addDays(currentStart, -14), enrol_limit: 3, previous_term_id: null, created_at: at };
  const current: LearningTermsTable = { id: rng.uuidAt(now), name: termName(currentStart), starts_on: currentStart,
    ends_on: addDays(currentStart, 125), enrol_limit: 3, previous_term_id: previous.id, created_at: at };
  if (current.name === previous.name) previous.name = `${previous.name}（上）`;

  const courses: Array<LearningCoursesTable & { demo: DemoCourse }> = [];
  let centerCourses = 0;
  for (const [i, demo] of DEMO_COURSES.entries()) {
    let place: Institution;
    if (demo.runBy === 'center') {
      // The first center (the demo teacher's) runs the first three, so the teacher has several courses.
      place = centerCourses < 3 ? centers[0] : centers[centerCourses % centers.length];
      centerCourses++;
    } else if (demo.runBy === 'seniors') place = seniors[i % seniors.length];
    else place = citizens[(i * 7) % citizens.length];
    const taught = place.id === centers[0].id && teacher ? teacher.id : null;
    courses.push({
      id: rng.uuidAt(now), institution_id: place.id, owner_path: place.path, title: demo.title, category: demo.category,
      description: `本课程围绕${demo.focus}展开，讲练结合、循序渐进，每次课都留出时间答疑和练习。学完之后，学员能够${demo.outcome}。`,
      audience: demo.audience, hours_tenths: demo.hours, credits_tenths: demo.credits, teacher_user_id: taught,
      status: i === 38 ? 'draft' : i === 39 ? 'archived' : 'published', version: 1, created_by: admin?.id ?? null,
      created_at: at, updated_at: at, demo,
    });
  }

  const placeOf = new Map(all.map((p) => [p.id, p]));
  const classes: LearningClassesTable[] = [];
  const sessions: Array<{ classId: string; schedule: ScheduleInput }> = [];
  const published = courses.filter((c) => c.status === 'published');
  const addClass = (course: (typeof courses)[number], term: LearningTermsTable, n: number, options: { past: boolean }) => {
    const place = placeOf.get(course.institution_id)!;
    const [startTime, endTime] = rng.pick(TIME_SLOTS);
    const startsOn = addDays(term.starts_on, rng.int(0, options.past ? 14 : 35));
    const dated = classes.length % 7 === 3;
    const schedule: ScheduleInput = dated
      ? { kind: 'dates', dates: Array.from({ length: rng.int(3, 6) }, (_, k) => addDays(startsOn, k * rng.int(7, 10))), startTime, endTime }
      : { kind: 'weekly', weekdays: rng.pick(WEEKDAY_PATTERNS), startsOn, endsOn: minDate(addDays(startsOn, rng.int(6, 14) * 7 - 1), term.ends_on), startTime, endTime };
    const summary = scheduleSummary(schedule);
    const opens = addDays(term.starts_on, -21);
    const closes = options.past ? summary.endsOn : minDate(summary.endsOn, addDays(today, rng.int(7, 40)));
    const forSeniors = place.kind === 'seniors_school' || course.demo.audience.includes('老年');
    const limitTown = rng.chance(0.25);
    const limitVillage = !limitTown && place.kind === 'citizen_school' && rng.chance(0.3);
    const id = rng.uuidAt(now);
    classes.push({
      id, course_id: course.id, institution_id: place.id, owner_path: place.path, town_id: place.townId, term_id: term.id,
      title: `${course.title}${CLASS_LETTERS[n] ?? ''}`, teacher_user_id: course.teacher_user_id, schedule_kind: schedule.kind,
      weekdays: summary.weekdays, start_time: startTime, end_time: endTime, starts_on: summary.startsOn, ends_on: summary.endsOn,
      venue: `${place.name}${rng.pick(VENUES)}`, seats: rng.pick([20, 25, 30, 30, 40, 50, 60]), seats_taken: 0, waitlist_next: 1,
      fee_fen: rng.chance(0.8) ? 0 : rng.pick([6000, 12000, 15000, 20000]),
      age_min: forSeniors ? rng.pick([50, 55, 60]) : null, age_max: forSeniors ? 80 : null,
      residency_region_id: limitTown ? place.townId : limitVillage ? place.region_id : null,
      prerequisite_course_id: null, mode: 'first_come',
      returning_opens_at: rng.chance(0.35) ? shanghaiInstant(addDays(opens, -7), '08:00') : null,
      enrol_opens_at: shanghaiInstant(opens, '08:00'), enrol_closes_at: shanghaiInstant(closes, '17:00'),
      offer_hours: 48, completion_rule: 'attendance', completion_threshold: 75,
      status: options.past ? 'finished' : 'open', cancel_reason: null, version: 1, created_by: admin?.id ?? null, created_at: at, updated_at: at,
    });
    sessions.push({ classId: id, schedule });
  };
  for (const [i, course] of published.entries()) {
    addClass(course, current, 0, { past: false });
    if (i % 2 === 0) addClass(course, current, 1, { past: false });
    if (i % 6 === 0 || course.institution_id === centers[0].id) addClass(course, previous, 0, { past: true });
  }
  // A few drafts still being planned, one popular class by lottery, and a prerequisite (短视频 after 智能手机入门).
  const open = classes.filter((c) => c.status === 'open');
  for (const c of open.slice(-3)) c.status = 'draft';
  const choir = open.find((c) => c.title.startsWith('合唱'));
  if (choir) choir.mode = 'lottery';
  const phone = courses.find((c) => c.title === '智能手机入门');
  for (const c of open.filter((k) => k.title.startsWith('短视频'))) c.prerequisite_course_id = phone?.id ?? null;

  await db.transaction().execute(async (trx) => {
    await trx.insertInto('learning_terms').values(previous).execute();
    await trx.insertInto('learning_terms').values(current).execute();
    await trx.insertInto('learning_courses').values(courses.map(({ demo: _d, ...row }) => row)).execute();
    for (let i = 0; i < classes.length; i += 20) await trx.insertInto('learning_classes').values(classes.slice(i, i + 20)).execute();
    const sessionRows = sessions.flatMap(({ classId, schedule }) => generateSessions(schedule).map((s) => ({
      id: rng.uuidAt(now), class_id: classId, seq: s.seq, starts_at: s.startsAt, ends_at: s.endsAt, status: 'scheduled' as const })));
    for (let i = 0; i < sessionRows.length; i += 100) await trx.insertInto('learning_class_sessions').values(sessionRows.slice(i, i + 100)).execute();
    await seedNearlyFull(trx, rng, open.filter((c) => c.status === 'open' && c.mode === 'first_come' && c.age_min === null
      && c.residency_region_id === null && c.prerequisite_course_id === null && c.teacher_user_id === null), current, now);
  });
}

/**
 * Makes four open classes nearly full and one full, with real enrolments of demo residents (resident03…24, at most
 * two classes each, within the term limit): seats_taken always equals the enrolled rows.
 */
async function seedNearlyFull(trx: Transaction<LearningDatabase>, rng: Rng, candidates: LearningClassesTable[], term: LearningTermsTable, now: Date) {
  const residents = await trx.selectFrom('users').select(['id', 'username']).where('username', 'like', 'resident%')
    .where('username', '>=', 'resident03').orderBy('username').execute();
  if (residents.length === 0) return;
  const at = now.toISOString();
  const used = new Map<string, number>();
  let next = 0;
  for (const [k, cls] of candidates.slice(0, 5).entries()) {
    const seats = k === 4 ? 5 : 6;
    const taken = 5;
    const takers: string[] = [];
    while (takers.length < taken && takers.length < residents.length) {
      const r = residents[next++ % residents.length];
      if ((used.get(r.id) ?? 0) >= 2 || takers.includes(r.id)) { if (next > residents.length * 3) break; continue; }
      takers.push(r.id);
      used.set(r.id, (used.get(r.id) ?? 0) + 1);
    }
    await trx.updateTable('learning_classes').set({ seats, seats_taken: takers.length }).where('id', '=', cls.id).execute();
    for (const userId of takers) {
      const id = rng.uuidAt(now);
      await trx.insertInto('learning_enrolments').values({ id, class_id: cls.id, user_id: userId, term_id: term.id, status: 'enrolled',
        waitlist_seq: null, offered_at: null, offer_expires_at: null, enrolled_at: at, cancelled_at: null, completed_at: null, source: 'online',
        acted_by: userId, consent_method: null, consent_note: null, consent_at: null, version: 1, created_at: at, updated_at: at }).execute();
      await trx.insertInto('learning_enrolment_events').values({ id: rng.uuidAt(now), enrolment_id: id, event: 'enrolled', actor_id: userId, note: '', at }).execute();
    }
  }
  for (const [userId, n] of used) await trx.insertInto('learning_term_quotas').values({ user_id: userId, term_id: term.id, used: n }).execute();
}
