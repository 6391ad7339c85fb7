import type { Kysely } from 'kysely';
import type { CoreContext } from '../../../core/context.js';
import { newId } from '../../../core/ids.js';
import type { ContentDatabase } from '../../content/content-schema.js';
import { storeFile } from '../../content/files/file-store.js';
import { toTenths } from '../catalogue/catalogue-format.js';
import { DEMO_ONLINE_COURSES } from './demo-online-courses.js';
import { simpleChinesePdf } from './demo-pdf.js';
import { onlineDb } from './online-schema.js';

const escapeHtml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');

/**
 * The demo's online courses (demo-online-courses.ts), published, at the community education centers of the first
 * two demo towns, with text lessons and one PDF document lesson. No videos: the demo has no video it could honestly
 * ship. Runs once (skipped when any online course exists).
 */
export async function seedDemoOnline(core: CoreContext): Promise<void> {
  const db = onlineDb(core);
  if (await db.selectFrom('learning_online_courses').select('course_id').limit(1).executeTakeFirst()) return;
  const centers = await db.selectFrom('institutions').select(['id', 'path'])
    .where('kind', '=', 'community_education_center').where('status', '=', 'active').orderBy('path').execute();
  if (centers.length === 0) return;
  const admin = await db.selectFrom('users').select('id').where('username', '=', 'admin').executeTakeFirst();
  const at = core.clock.now().toISOString();
  for (const course of DEMO_ONLINE_COURSES) {
    const center = centers[Math.min(course.town, centers.length - 1)]!;
    await db.transaction().execute(async (trx) => {
      const courseId = newId();
      await trx.insertInto('learning_courses').values({
        id: courseId, institution_id: center.id, owner_path: center.path, title: course.title, category: course.category,
        description: course.description, audience: '', hours_tenths: toTenths(course.hours)!, credits_tenths: toTenths(course.credits)!,
        teacher_user_id: null, status: 'published', version: 1, created_by: admin?.id ?? null, created_at: at, updated_at: at,
      }).execute();
      await trx.insertInto('learning_online_courses').values({
        course_id: courseId, cover_text: course.cover, status: 'published', version: 1, published_at: at,
        created_by: admin?.id ?? null, created_at: at, updated_at: at,
      }).execute();
      for (const [index, lesson] of course.lessons.entries()) {
        const file = lesson.pdf ? await storeFile(core, trx as unknown as Kysely<ContentDatabase>, {
          bytes: simpleChinesePdf(lesson.pdf.title, lesson.pdf.lines), originalName: lesson.pdf.file, ownerPath: center.path, userId: admin?.id ?? null,
        }, ['document']) : null;
        await trx.insertInto('learning_online_lessons').values({
          id: newId(), course_id: courseId, seq: index + 1, title: lesson.title, kind: file ? 'document' : 'text',
          body: file ? '' : (lesson.paragraphs ?? []).map((p) => `<p>${escapeHtml(p)}</p>`).join(''),
          file_id: file?.id ?? null, duration_seconds: 0, required: lesson.required === false ? 0 : 1, created_at: at, updated_at: at,
        }).execute();
      }
    });
  }
}
