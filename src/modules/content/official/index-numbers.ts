import type { Kysely } from 'kysely';
import type { ContentDatabase } from '../content-schema.js';

/**
 * Allocates the next 索引号 `organCode/year-serial` (serial 5 digits, e.g. 000014349/2023-00110).
 * Must run inside the transaction that publishes the document: the upsert takes the counter row's lock
 * (PostgreSQL) or the single writer lock (SQLite), so parallel publications get distinct serials, and a
 * rolled-back publication gives its serial back — the sequence per organ and year stays gap-free.
 */
export async function allocateIndexNumber(trx: Kysely<ContentDatabase>, organCode: string, year: number) {
  const row = await trx.insertInto('content_index_counters')
    .values({ organ_code: organCode, year, last_serial: 1 })
    .onConflict((oc) => oc.columns(['organ_code', 'year']).doUpdateSet((eb) => ({ last_serial: eb('content_index_counters.last_serial', '+', 1) })))
    .returning('last_serial')
    .executeTakeFirstOrThrow();
  const serial = Number(row.last_serial);
  return { indexNumber: formatIndexNumber(organCode, year, serial), year, serial };
}

export function formatIndexNumber(organCode: string, year: number, serial: number): string {
  return `${organCode}/${year}-${String(serial).padStart(5, '0')}`;
}
