import type { Kysely } from 'kysely';
import { dialectOf } from '../dialect.js';

/** Column types that differ between the two databases. Frozen: migrations must not change meaning later. */
export function columnTypes(db: Kysely<any>) {
  const pg = dialectOf(db) === 'postgres';
  return {
    timestamp: pg ? ('timestamptz' as const) : ('text' as const),
    json: 'text' as const,
  };
}
