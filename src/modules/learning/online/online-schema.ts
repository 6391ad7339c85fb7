import type { Kysely } from 'kysely';
import type { CoreContext } from '../../../core/context.js';
import type { ContentFilesTable } from '../../content/content-schema.js';
import type { LearningDatabase } from '../learning-schema.js';

/** Row types of migration 0017_learning_online. Timestamps are ISO strings; flags 0/1. */
export type OnlineStatus = 'draft' | 'published';
export const LESSON_KINDS = ['text', 'document', 'video'] as const;
export type LessonKind = (typeof LESSON_KINDS)[number];

export interface LearningOnlineCoursesTable {
  course_id: string;
  cover_text: string;
  status: OnlineStatus;
  version: number;
  published_at: string | null;
  created_by: string | null;
  created_at: string;
  updated_at: string;
}

export interface LearningOnlineLessonsTable {
  id: string;
  course_id: string;
  seq: number;
  title: string;
  kind: LessonKind;
  body: string;
  file_id: string | null;
  duration_seconds: number;
  required: number;
  created_at: string;
  updated_at: string;
}

export interface LearningOnlineLearnersTable {
  course_id: string;
  user_id: string;
  started_at: string;
  updated_at: string;
  completed_at: string | null;
  credits_tenths: number | null;
}

export interface LearningOnlineProgressTable {
  lesson_id: string;
  user_id: string;
  course_id: string;
  status: 'started' | 'completed';
  position_seconds: number;
  opened_at: string;
  updated_at: string;
  completed_at: string | null;
}

export interface OnlineTables {
  learning_online_courses: LearningOnlineCoursesTable;
  learning_online_lessons: LearningOnlineLessonsTable;
  learning_online_learners: LearningOnlineLearnersTable;
  learning_online_progress: LearningOnlineProgressTable;
  content_files: ContentFilesTable;
}

export type OnlineDatabase = LearningDatabase & OnlineTables;

/** The platform database seen with the online-course tables (and the catalogue's, and content_files). */
export function onlineDb(core: Pick<CoreContext, 'db'>): Kysely<OnlineDatabase> {
  return core.db as unknown as Kysely<OnlineDatabase>;
}
