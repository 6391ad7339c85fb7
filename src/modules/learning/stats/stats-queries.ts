import { sql, type Kysely } from 'kysely';
import { pathUnder } from '../../../core/access/scope.js';
import { listRegions } from '../../../core/regions/region-repository.js';
import { ATTENDED, type AttendanceDatabase } from '../attendance/attendance-schema.js';
import { COURSE_CATEGORIES, type CourseCategory } from '../learning-schema.js';
import { AGE_GROUPS, type AgeGroup } from '../surveys/survey-schema.js';
import { ageGroupOf } from '../surveys/survey-rules.js';

export type StatsDb = Kysely<AttendanceDatabase>;
export interface StatsFilter { termId?: string; townId?: string }

/** Enrolments that count as taking part: in a seat now, or completed. */
const TAKING_PART = ['enrolled', 'completed'] as const;
/** Classes the figures cover: drafts never ran and cancelled classes did not happen. */
const RUNNING = ['open', 'finished'] as const;
const TOP_INSTITUTIONS = 20;

const pct = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

/**
 * The learning dashboard for one caller's scope (classes whose institution lies under one of `scopePaths`),
 * optionally narrowed to a term and a town. A fixed set of GROUP BY queries run side by side whatever the
 * number of enrolments; the only per-row work in JS is bucketing distinct birth dates into age groups.
 *
 * Definitions:
 * - enrolments: enrolled + completed (people who took a place); waitlisted and offered are counted apart;
 * - seats taken: enrolled + offered + completed (completion hands the seat back in `seats_taken`, so the
 *   completed are added again: a finished class stays as full as it was);
 * - completion rate: completed / (enrolled + completed) over finished classes only;
 * - person-times (人次): attendance marks present or late (learning_attendance);
 * - learners: distinct residents taking part; per 1,000 residents of the class's town (regions.population).
 */
export async function learningStats(db: StatsDb, scopePaths: string[], filter: StatsFilter, today: string) {
  const classes = () => db.selectFrom('learning_classes as c')
    .where(pathUnder(sql.ref('c.owner_path'), scopePaths))
    .where('c.status', 'in', RUNNING)
    .$if(Boolean(filter.termId), (q) => q.where('c.term_id', '=', filter.termId!))
    .$if(Boolean(filter.townId), (q) => q.where('c.town_id', '=', filter.townId!));
  const enrolments = () => classes().innerJoin('learning_enrolments as e', 'e.class_id', 'c.id');
  const takingPart = () => enrolments().where('e.status', 'in', TAKING_PART);

  const [classRows, enrolRows, birthRows, institutionRows, learnerRows, learnerTotal, attendanceRows, regions] = await Promise.all([
    classes().select(['c.town_id', 'c.status', (eb) => eb.fn.countAll<number>().as('n'), (eb) => eb.fn.sum<number>('c.seats').as('seats')])
      .groupBy(['c.town_id', 'c.status']).execute(),
    enrolments().innerJoin('learning_courses as co', 'co.id', 'c.course_id')
      .select(['c.town_id', 'co.category', 'c.status as class_status', 'e.status', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['c.town_id', 'co.category', 'c.status', 'e.status']).execute(),
    takingPart().innerJoin('users as u', 'u.id', 'e.user_id')
      .select(['u.birth_date', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('u.birth_date').execute(),
    takingPart().innerJoin('institutions as i', 'i.id', 'c.institution_id')
      .select(['c.institution_id', 'i.name', 'c.town_id', (eb) => eb.fn.countAll<number>().as('n')])
      .groupBy(['c.institution_id', 'i.name', 'c.town_id'])
      .orderBy(sql`count(*)`, 'desc').orderBy('i.name').orderBy('c.institution_id').limit(TOP_INSTITUTIONS).execute(),
    takingPart().select(['c.town_id', (eb) => eb.fn.count<number>('e.user_id').distinct().as('n')]).groupBy('c.town_id').execute(),
    takingPart().select((eb) => eb.fn.count<number>('e.user_id').distinct().as('n')).executeTakeFirstOrThrow(),
    classes().innerJoin('learning_attendance as a', 'a.class_id', 'c.id').where('a.status', 'in', ATTENDED)
      .select(['c.town_id', (eb) => eb.fn.countAll<number>().as('n')]).groupBy('c.town_id').execute(),
    listRegions(db as never),
  ]);

  // Towns the caller sees: all under a city-wide scope, or the one holding a town, village or institution scope.
  const towns = regions.filter((r) => r.level === 'town' && (!filter.townId || r.id === filter.townId)
    && scopePaths.some((s) => r.path.startsWith(s) || s.startsWith(r.path)));
  const townFigures = new Map(towns.map((r) => [r.id, { classes: 0, seats: 0, seatsTaken: 0, enrolments: 0, learners: 0, personTimes: 0 }]));
  const addTo = (townId: string, key: 'classes' | 'seats' | 'seatsTaken' | 'enrolments' | 'learners' | 'personTimes', n: number) => {
    const town = townFigures.get(townId);
    if (town) town[key] += n;
  };

  const totals = { classesOpen: 0, classesFinished: 0, seats: 0, seatsTaken: 0, enrolled: 0, offered: 0, waitlisted: 0, completed: 0, learners: Number(learnerTotal.n), personTimes: 0 };
  for (const r of classRows) {
    const n = Number(r.n); const seats = Number(r.seats ?? 0);
    if (r.status === 'open') totals.classesOpen += n; else totals.classesFinished += n;
    totals.seats += seats;
    addTo(r.town_id, 'classes', n);
    addTo(r.town_id, 'seats', seats);
  }

  const categories = new Map(COURSE_CATEGORIES.map((c) => [c, { enrolments: 0, finishedEnrolled: 0, finishedCompleted: 0 }]));
  for (const r of enrolRows) {
    const n = Number(r.n);
    if (r.status === 'enrolled' || r.status === 'offered' || r.status === 'waitlisted' || r.status === 'completed') totals[r.status] += n;
    if (r.status === 'enrolled' || r.status === 'offered' || r.status === 'completed') {
      totals.seatsTaken += n;
      addTo(r.town_id, 'seatsTaken', n);
    }
    if (r.status !== 'enrolled' && r.status !== 'completed') continue;
    addTo(r.town_id, 'enrolments', n);
    const category = categories.get(r.category as CourseCategory)!;
    category.enrolments += n;
    if (r.class_status === 'finished') category[r.status === 'completed' ? 'finishedCompleted' : 'finishedEnrolled'] += n;
  }
  for (const r of learnerRows) addTo(r.town_id, 'learners', Number(r.n));
  for (const r of attendanceRows) {
    totals.personTimes += Number(r.n);
    addTo(r.town_id, 'personTimes', Number(r.n));
  }

  const ages = new Map<AgeGroup, number>(AGE_GROUPS.map((g) => [g, 0]));
  for (const r of birthRows) {
    const group = ageGroupOf(r.birth_date, today);
    ages.set(group, ages.get(group)! + Number(r.n));
  }

  return {
    date: today,
    termId: filter.termId ?? null,
    townId: filter.townId ?? null,
    personTimesSource: 'attendance' as const,
    totals,
    byTown: towns.map((r) => {
      const f = townFigures.get(r.id)!;
      const population = r.population === null ? null : Number(r.population);
      return {
        townId: r.id, townName: r.name, ...f, fillPercent: pct(f.seatsTaken, f.seats), population,
        learnersPerThousand: population ? Math.round((f.learners / population) * 1000 * 100) / 100 : null,
      };
    }),
    byAgeGroup: AGE_GROUPS.map((group) => ({ group, enrolments: ages.get(group)! })),
    byCategory: COURSE_CATEGORIES.map((category) => {
      const c = categories.get(category)!;
      return { category, ...c, completionPercent: pct(c.finishedCompleted, c.finishedCompleted + c.finishedEnrolled) };
    }),
    byInstitution: institutionRows.map((r) => ({ institutionId: r.institution_id, name: r.name, townId: r.town_id, enrolments: Number(r.n) })),
  };
}
export type LearningStats = Awaited<ReturnType<typeof learningStats>>;
