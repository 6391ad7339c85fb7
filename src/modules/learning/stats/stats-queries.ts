import { sql, type Kysely } from 'kysely';
import { pathUnder } from '../../../core/access/scope.js';
import { listRegions } from '../../../core/regions/region-repository.js';
import { ATTENDED, type AttendanceDatabase } from '../attendance/attendance-schema.js';
import { COURSE_CATEGORIES } from '../learning-schema.js';
import { AGE_GROUPS, type AgeGroup } from '../surveys/survey-schema.js';

export type StatsDb = Kysely<AttendanceDatabase>;
export interface StatsFilter { termId?: string; townId?: string }

/** Enrolments that count as taking part: in a seat now, or completed. */
const TAKING_PART = ['enrolled', 'completed'] as const;
/** Classes the figures cover: drafts never ran and cancelled classes did not happen. */
const RUNNING = ['open', 'finished'] as const;
const TOP_INSTITUTIONS = 20;

/**
 * The age group of users.birth_date on `today`, as SQL: age ≥ N exactly when the birth date is on or before the same
 * month and day N years earlier, and ISO dates compare as strings on both databases (the same rule as ageOn()).
 */
function ageGroupSql(today: string) {
  const yearsBefore = (n: number) => `${String(Number(today.slice(0, 4)) - n).padStart(4, '0')}${today.slice(4)}`;
  return sql<AgeGroup>`case when u.birth_date is null then 'unknown'
    when u.birth_date <= ${yearsBefore(70)} then '70plus' when u.birth_date <= ${yearsBefore(60)} then '60_69'
    when u.birth_date <= ${yearsBefore(45)} then '45_59' when u.birth_date <= ${yearsBefore(30)} then '30_44' else 'under30' end`;
}

const pct = (part: number, whole: number) => (whole > 0 ? Math.round((part / whole) * 1000) / 10 : null);

/**
 * The learning dashboard for one caller's scope (classes whose institution lies under one of `scopePaths`),
 * optionally narrowed to a term and a town. A few GROUP BY queries and the region list, whatever the number of
 * enrolments: the classes in scope (one row each, with course category and institution name), enrolments per
 * class and status (an index-only scan of learning_enrolments_class_status), distinct learners per town and in
 * all, enrolments per age group, and attendance marks per town. Everything else is summed in JS over those rows.
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

  const [classRows, perClass, learnersByTown, learnersInAll, ageRows, attendanceRows, regions] = await Promise.all([
    classes().innerJoin('learning_courses as co', 'co.id', 'c.course_id').innerJoin('institutions as i', 'i.id', 'c.institution_id')
      .select(['c.id', 'c.town_id', 'c.status', 'c.seats', 'c.institution_id', 'co.category', 'i.name as institution_name']).execute(),
    enrolments().select(['e.class_id', 'e.status', (eb) => eb.fn.countAll<number>().as('n')]).groupBy(['e.class_id', 'e.status']).execute(),
    enrolments().where('e.status', 'in', TAKING_PART)
      .select(['c.town_id', (eb) => eb.fn.count<number>('e.user_id').distinct().as('n')]).groupBy('c.town_id').execute(),
    enrolments().where('e.status', 'in', TAKING_PART)
      .select((eb) => eb.fn.count<number>('e.user_id').distinct().as('n')).executeTakeFirstOrThrow(),
    // The age group in SQL (GROUP BY 1: the CASE's parameters differ between SELECT and GROUP BY on PostgreSQL).
    enrolments().innerJoin('users as u', 'u.id', 'e.user_id').where('e.status', 'in', TAKING_PART)
      .select([ageGroupSql(today).as('age_group'), (eb) => eb.fn.countAll<number>().as('n')]).groupBy(sql`1`).execute(),
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

  const totals = { classesOpen: 0, classesFinished: 0, seats: 0, seatsTaken: 0, enrolled: 0, offered: 0, waitlisted: 0, completed: 0, learners: 0, personTimes: 0 };
  const classById = new Map(classRows.map((c) => [c.id, c]));
  for (const c of classRows) {
    if (c.status === 'open') totals.classesOpen += 1; else totals.classesFinished += 1;
    totals.seats += c.seats;
    addTo(c.town_id, 'classes', 1);
    addTo(c.town_id, 'seats', c.seats);
  }

  const categories = new Map(COURSE_CATEGORIES.map((c) => [c, { enrolments: 0, finishedEnrolled: 0, finishedCompleted: 0 }]));
  const institutions = new Map<string, { institutionId: string; name: string; townId: string; enrolments: number }>();
  for (const r of perClass) {
    const c = classById.get(r.class_id);
    // A class that changed status between the two reads is left out rather than half counted.
    if (!c) continue;
    const n = Number(r.n);
    if (r.status === 'enrolled' || r.status === 'offered' || r.status === 'waitlisted' || r.status === 'completed') totals[r.status] += n;
    if (r.status === 'enrolled' || r.status === 'offered' || r.status === 'completed') {
      totals.seatsTaken += n;
      addTo(c.town_id, 'seatsTaken', n);
    }
    if (r.status !== 'enrolled' && r.status !== 'completed') continue;
    addTo(c.town_id, 'enrolments', n);
    const category = categories.get(c.category)!;
    category.enrolments += n;
    if (c.status === 'finished') category[r.status === 'completed' ? 'finishedCompleted' : 'finishedEnrolled'] += n;
    const institution = institutions.get(c.institution_id) ?? { institutionId: c.institution_id, name: c.institution_name, townId: c.town_id, enrolments: 0 };
    institution.enrolments += n;
    institutions.set(c.institution_id, institution);
  }

  // A learner of several towns counts in each town, once in the city; enrolments by the learner's age today.
  for (const r of learnersByTown) addTo(r.town_id, 'learners', Number(r.n));
  totals.learners = Number(learnersInAll.n);
  const ages = new Map<AgeGroup, number>(AGE_GROUPS.map((g) => [g, 0]));
  for (const r of ageRows) ages.set(r.age_group, ages.get(r.age_group)! + Number(r.n));
  for (const r of attendanceRows) {
    totals.personTimes += Number(r.n);
    addTo(r.town_id, 'personTimes', Number(r.n));
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
    byInstitution: [...institutions.values()]
      .sort((a, b) => b.enrolments - a.enrolments || a.name.localeCompare(b.name, 'zh-CN') || a.institutionId.localeCompare(b.institutionId))
      .slice(0, TOP_INSTITUTIONS),
  };
}
export type LearningStats = Awaited<ReturnType<typeof learningStats>>;
