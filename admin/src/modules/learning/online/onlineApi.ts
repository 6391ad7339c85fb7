import { api } from '../../../core/api/client';
import type { Page } from '../../../core/api/types';
import type { Category } from '../catalogue/catalogueApi';

export type OnlineStatus = 'draft' | 'published';
export type LessonKind = 'text' | 'document' | 'video';

export interface Lesson {
  id: string; courseId: string; seq: number; title: string; kind: LessonKind; body: string;
  file: { id: string; name: string; size: number; mime: string } | null; durationSeconds: number; required: boolean;
}
export interface OnlineCourse {
  id: string; institutionId: string; institutionName: string; title: string; category: Category; description: string;
  hours: number; credits: number; coverText: string; status: OnlineStatus; version: number; lessonCount: number; publishedAt: string | null;
}
export interface OnlineCourseDetail extends OnlineCourse { lessons: Lesson[] }
export interface CourseFields { title: string; category: Category; description: string; hours: number; credits: number; coverText: string }
export interface LessonFields { title: string; body?: string; durationSeconds?: number; required: boolean }
export interface OnlineListQuery { page: number; pageSize: number; q?: string; status?: OnlineStatus }

const base = '/learning/online';

export const onlineApi = {
  list: (query: OnlineListQuery, signal?: AbortSignal) => api.get<Page<OnlineCourse>>(`${base}/courses`, { query: { ...query }, signal }),
  get: (id: string, signal?: AbortSignal) => api.get<OnlineCourseDetail>(`${base}/courses/${id}`, { signal }),
  create: (body: CourseFields & { institutionId: string }) => api.post<OnlineCourseDetail>(`${base}/courses`, body),
  update: (id: string, version: number, body: Partial<CourseFields>) => api.patch<OnlineCourseDetail>(`${base}/courses/${id}`, { ...body, version }),
  publish: (id: string, version: number) => api.post<OnlineCourseDetail>(`${base}/courses/${id}/publish`, { version }),
  unpublish: (id: string, version: number) => api.post<OnlineCourseDetail>(`${base}/courses/${id}/unpublish`, { version }),
  addLesson: (courseId: string, body: LessonFields & { kind: LessonKind }) => api.post<OnlineCourseDetail>(`${base}/courses/${courseId}/lessons`, body),
  updateLesson: (id: string, body: Partial<LessonFields>) => api.patch<OnlineCourseDetail>(`${base}/lessons/${id}`, body),
  removeLesson: (id: string) => api.delete<OnlineCourseDetail>(`${base}/lessons/${id}`),
  reorder: (courseId: string, lessonIds: string[]) => api.put<OnlineCourseDetail>(`${base}/courses/${courseId}/lesson-order`, { lessonIds }),
  uploadFile: (lessonId: string, file: File) => {
    const form = new FormData();
    form.append('file', file);
    return api.post<OnlineCourseDetail>(`${base}/lessons/${lessonId}/file`, form);
  },
  /** The lesson's file as learners get it (staff of the course may open it before publication). */
  fileUrl: (courseId: string, lessonId: string) => `/courses/${courseId}/lessons/${lessonId}/file`,
};

export const ONLINE_MANAGE = 'learning.online.manage';
