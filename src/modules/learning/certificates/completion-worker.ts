import { sql } from 'kysely';
import type { CoreContext } from '../../../core/context.js';
import { startPeriodicTask } from '../../../core/periodic-task.js';
import { attendanceDb } from '../attendance/attendance-schema.js';
import { runCompletion } from './completion.js';

export const COMPLETION_SWEEP_MS = 60_000;

/**
 * Classes completed by attendance whose last session has ended and that were never completed: run completion for
 * them once (staff may run it again later, e.g. after correcting attendance). Classes completed by assessment wait
 * for staff to record the results and run it themselves.
 */
export async function completeEndedClasses(core: CoreContext, batch = 20): Promise<number> {
  const db = attendanceDb(core);
  const at = core.clock.now().toISOString();
  const due = await db.selectFrom('learning_classes as c').select('c.id')
    .where('c.completion_rule', '=', 'attendance').where('c.status', 'in', ['open', 'finished'])
    .where((eb) => eb.not(eb.exists(eb.selectFrom('learning_completion_runs as r').select(sql`1`.as('x')).whereRef('r.class_id', '=', 'c.id'))))
    .where((eb) => eb.exists(eb.selectFrom('learning_class_sessions as s').select(sql`1`.as('x')).whereRef('s.class_id', '=', 'c.id').where('s.status', '=', 'scheduled')))
    .where((eb) => eb.not(eb.exists(eb.selectFrom('learning_class_sessions as s').select(sql`1`.as('x')).whereRef('s.class_id', '=', 'c.id')
      .where('s.status', '=', 'scheduled').where('s.ends_at', '>', at))))
    .orderBy('c.id').limit(batch).execute();
  let done = 0;
  for (const { id } of due) {
    // Several processes may pick the same class: the conditional updates inside make the second run a no-op.
    await runCompletion(core, id, null).then(() => { done++; }, () => undefined);
  }
  return done;
}

/** Every minute: complete the classes that have ended. Safe with several server processes. */
export function startCompletionWorker(core: CoreContext, everyMs = COMPLETION_SWEEP_MS): () => Promise<void> {
  return startPeriodicTask(() => completeEndedClasses(core), everyMs);
}
