import { Type } from '@sinclair/typebox';

/** Response entries for the problem statuses a route can answer with, all pointing at the shared schema. */
export function ProblemRefs(...statuses: number[]) {
  return Object.fromEntries(statuses.map((s) => [s, Type.Ref('Problem')]));
}

export const IdParams = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64, pattern: '^[A-Za-z0-9-]+$' }) }, { additionalProperties: false });
