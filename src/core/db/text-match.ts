import { sql, type Expression, type RawBuilder, type SqlBool } from 'kysely';

/** Makes user text literal inside a LIKE pattern: `%` and `_` typed into a search box match themselves. */
export function escapeLike(value: string): string {
  return value.replace(/[\\%_]/g, (c) => '\\' + c);
}

type Column = Expression<string | null> | RawBuilder<unknown>;

/** Case-insensitive "contains", the same on both databases (SQLite's LIKE ignores ASCII case, PostgreSQL's does not). */
export function containsText(column: Column, text: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`lower(${column}) like ${'%' + escapeLike(text.toLowerCase()) + '%'} escape '\\'`;
}

/** "Starts with", literal: for tree paths and id prefixes. */
export function startsWith(column: Column, prefix: string): RawBuilder<SqlBool> {
  return sql<SqlBool>`${column} like ${escapeLike(prefix) + '%'} escape '\\'`;
}
