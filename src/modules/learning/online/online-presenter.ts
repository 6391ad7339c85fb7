import { fromTenths } from '../catalogue/catalogue-format.js';
import type { LessonRow, OnlineCourseRow } from './online-repository.js';

export function presentOnlineCourse(row: OnlineCourseRow) {
  return {
    id: row.id, institutionId: row.institution_id, institutionName: row.institution_name, title: row.title, category: row.category,
    description: row.description, hours: fromTenths(row.hours_tenths), credits: fromTenths(row.credits_tenths), coverText: row.cover_text,
    status: row.status, version: row.version, lessonCount: Number(row.lesson_count ?? 0), publishedAt: row.published_at,
    createdAt: row.created_at, updatedAt: row.updated_at,
  };
}

export function presentLesson(row: LessonRow) {
  return {
    id: row.id, courseId: row.course_id, seq: row.seq, title: row.title, kind: row.kind, body: row.body,
    file: row.file_id ? { id: row.file_id, name: row.file_name ?? '', size: Number(row.file_size ?? 0), mime: row.file_mime ?? '' } : null,
    durationSeconds: row.duration_seconds, required: row.required === 1, createdAt: row.created_at, updatedAt: row.updated_at,
  };
}
