import type { Category } from '../catalogue/catalogueApi';

/** GET /api/v1/learning/stats (src/modules/learning/stats/stats-schemas.ts). */
export const AGE_GROUPS = ['under30', '30_44', '45_59', '60_69', '70plus', 'unknown'] as const;
export type AgeGroup = (typeof AGE_GROUPS)[number];

export interface LearningStats {
  date: string;
  termId: string | null;
  townId: string | null;
  personTimesSource: 'attendance';
  totals: {
    classesOpen: number; classesFinished: number; seats: number; seatsTaken: number;
    enrolled: number; offered: number; waitlisted: number; completed: number; learners: number; personTimes: number;
  };
  byTown: Array<{
    townId: string; townName: string; classes: number; seats: number; seatsTaken: number; fillPercent: number | null;
    enrolments: number; learners: number; personTimes: number; population: number | null; learnersPerThousand: number | null;
  }>;
  byAgeGroup: Array<{ group: AgeGroup; enrolments: number }>;
  byCategory: Array<{ category: Category; enrolments: number; finishedEnrolled: number; finishedCompleted: number; completionPercent: number | null }>;
  byInstitution: Array<{ institutionId: string; name: string; townId: string; enrolments: number }>;
}

export type TownRow = LearningStats['byTown'][number];
export type AgeRow = LearningStats['byAgeGroup'][number];
export type CategoryRow = LearningStats['byCategory'][number];
export type InstitutionRow = LearningStats['byInstitution'][number];
