import type { Kysely, Transaction } from 'kysely';
import type { CoreContext } from '../../../core/context.js';
import { AppError } from '../../../core/http/errors.js';
import { validateIdNumber } from '../../../core/pii/id-number.js';
import { shanghaiDateOf } from '../catalogue/schedule.js';
import { ageOn, ageRefusal } from '../enrolment/eligibility.js';
import type { ApplicantFacts } from './priority-rules.js';
import type { LotteryDatabase } from './lottery-schema.js';

type Db = Kysely<LotteryDatabase> | Transaction<LotteryDatabase>;

/** The class fields eligibility and the priority rules read. */
export interface ApplicantClass {
  id: string;
  course_id: string;
  town_id: string;
  starts_on: string;
  age_min: number | null;
  age_max: number | null;
  residency_region_id: string | null;
  prerequisite_course_id: string | null;
  previous_term_id: string | null;
}

/**
 * Reads what a lottery needs to know about one applicant: whether they may apply at all (the same rules as first-come
 * enrolment: age on the first day, residency, prerequisite — refused with the same messages) and the facts the
 * priority rules look at. Throws the refusal, so a refused application writes nothing.
 */
export async function checkApplicant(core: CoreContext, db: Db, cls: ApplicantClass, userId: string): Promise<ApplicantFacts> {
  const user = await db.selectFrom('users').select(['birth_date', 'id_number_enc', 'home_path']).where('id', '=', userId).executeTakeFirstOrThrow();
  const birthDate = birthDateOf(core, user);
  const firstDay = await firstDayOf(db, cls);
  const refusal = ageRefusal(birthDate, firstDay, cls.age_min, cls.age_max);
  if (refusal) throw refusal;
  if (cls.residency_region_id) {
    const region = await db.selectFrom('regions').select(['name', 'path']).where('id', '=', cls.residency_region_id).executeTakeFirstOrThrow();
    if (!user.home_path.startsWith(region.path)) throw new AppError(409, 'learning.enrolment.residency', { region: region.name });
  }
  if (cls.prerequisite_course_id && !await hasCompletedCourse(db, userId, cls.prerequisite_course_id)) {
    const course = await db.selectFrom('learning_courses').select('title').where('id', '=', cls.prerequisite_course_id).executeTakeFirstOrThrow();
    throw new AppError(409, 'learning.enrolment.prerequisite', { course: course.title });
  }
  return factsOf(db, cls, userId, user.home_path, birthDate === null ? null : ageOn(birthDate, firstDay));
}

/** The facts again without the eligibility checks (staff changed the rules: groups of existing applicants are recomputed). */
export async function applicantFacts(core: CoreContext, db: Db, cls: ApplicantClass, userId: string): Promise<ApplicantFacts> {
  const user = await db.selectFrom('users').select(['birth_date', 'id_number_enc', 'home_path']).where('id', '=', userId).executeTakeFirstOrThrow();
  const birthDate = birthDateOf(core, user);
  return factsOf(db, cls, userId, user.home_path, birthDate === null ? null : ageOn(birthDate, await firstDayOf(db, cls)));
}

async function factsOf(db: Db, cls: ApplicantClass, userId: string, homePath: string, age: number | null): Promise<ApplicantFacts> {
  const [town, ever, returning] = await Promise.all([
    db.selectFrom('regions').select('path').where('id', '=', cls.town_id).executeTakeFirstOrThrow(),
    db.selectFrom('learning_enrolments').select('id').where('user_id', '=', userId).where('class_id', '!=', cls.id)
      .where('enrolled_at', 'is not', null).limit(1).executeTakeFirst(),
    cls.previous_term_id
      ? db.selectFrom('learning_enrolments').innerJoin('learning_classes', 'learning_classes.id', 'learning_enrolments.class_id')
        .select('learning_enrolments.id').where('learning_enrolments.user_id', '=', userId)
        .where('learning_enrolments.term_id', '=', cls.previous_term_id).where('learning_classes.course_id', '=', cls.course_id)
        .where('learning_enrolments.status', 'in', ['enrolled', 'completed']).limit(1).executeTakeFirst()
      : Promise.resolve(undefined),
  ]);
  return { everEnrolled: Boolean(ever), residentOfTown: homePath.startsWith(town.path), returning: Boolean(returning), age };
}

async function hasCompletedCourse(db: Db, userId: string, courseId: string): Promise<boolean> {
  const done = await db.selectFrom('learning_enrolments').innerJoin('learning_classes', 'learning_classes.id', 'learning_enrolments.class_id')
    .select('learning_enrolments.id').where('learning_enrolments.user_id', '=', userId).where('learning_enrolments.status', '=', 'completed')
    .where('learning_classes.course_id', '=', courseId).limit(1).executeTakeFirst();
  return Boolean(done);
}

/** The class's first scheduled day in Shanghai (its start date when no session is scheduled). */
async function firstDayOf(db: Db, cls: ApplicantClass): Promise<string> {
  const first = await db.selectFrom('learning_class_sessions').select((eb) => eb.fn.min('starts_at').as('first'))
    .where('class_id', '=', cls.id).where('status', '=', 'scheduled').executeTakeFirst();
  return first?.first ? shanghaiDateOf(String(first.first)) : cls.starts_on;
}

function birthDateOf(core: CoreContext, user: { birth_date: string | null; id_number_enc: string | null }): string | null {
  if (user.birth_date) return user.birth_date;
  if (!user.id_number_enc) return null;
  const id = validateIdNumber(core.fieldCrypto.decrypt(user.id_number_enc), core.clock.now());
  return id.ok ? id.birthDate : null;
}
