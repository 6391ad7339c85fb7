import type { QueryTerm } from './segmenter.js';

/**
 * Query terms turned into each database's full-text syntax. Every token is quoted, so nothing a visitor
 * types is read as an operator; the expression is then passed as a bound parameter.
 * All terms must match (AND); within a term, the word token OR its bigram phrase.
 */
const ftsToken = (t: string) => `"${t.replace(/"/g, '""')}"`;
const ftsPhrase = (tokens: string[]) => `"${tokens.map((t) => t.replace(/"/g, '""')).join(' ')}"`;

function ftsTerm(term: QueryTerm): string {
  switch (term.kind) {
    case 'token': return ftsToken(term.token);
    case 'word': return `(${ftsToken(term.word)} OR ${ftsPhrase(term.grams)})`;
    case 'grams': return ftsPhrase(term.grams);
    case 'phrase': return ftsPhrase(term.tokens) + (term.prefixLast ? ' *' : '');
  }
}

/** SQLite FTS5 MATCH expression; `any` joins the terms with OR (similar items). */
export function ftsExpression(terms: QueryTerm[], join: 'AND' | 'OR' = 'AND'): string {
  return terms.map(ftsTerm).join(` ${join} `);
}

const lexeme = (t: string) => `'${t.replace(/\\/g, '\\\\').replace(/'/g, "''")}'`;
const followedBy = (tokens: string[], prefixLast = false) =>
  tokens.map((t, i) => lexeme(t) + (prefixLast && i === tokens.length - 1 ? ':*' : '')).join(' <-> ');

function tsTerm(term: QueryTerm): string {
  switch (term.kind) {
    case 'token': return lexeme(term.token);
    case 'word': return `(${lexeme(term.word)} | ${followedBy(term.grams)})`;
    case 'grams': return term.grams.length === 1 ? lexeme(term.grams[0]) : `(${followedBy(term.grams)})`;
    case 'phrase': return `(${followedBy(term.tokens, term.prefixLast)})`;
  }
}

/** PostgreSQL tsquery text, cast with `::tsquery` (no parser or dictionary touches the lexemes). */
export function tsqueryExpression(terms: QueryTerm[], join: 'AND' | 'OR' = 'AND'): string {
  return terms.map(tsTerm).join(join === 'AND' ? ' & ' : ' | ');
}

/** PostgreSQL keeps positions up to 16383 and 256 positions per lexeme. */
const MAX_POSITION = 16383;
const MAX_POSITIONS_PER_LEXEME = 255;

/**
 * A tsvector literal (cast with `::tsvector`) from already segmented fields: each field's tokens get
 * consecutive positions and the field's weight, so phrase (`<->`) queries and weighted ranking work.
 */
export function tsvectorLiteral(fields: { tokens: string[]; weight: 'A' | 'B' | 'C' | 'D' }[]): string {
  const positions = new Map<string, string[]>();
  let pos = 0;
  for (const field of fields) {
    for (const token of field.tokens) {
      pos = Math.min(pos + 1, MAX_POSITION);
      let list = positions.get(token);
      if (!list) positions.set(token, (list = []));
      if (list.length < MAX_POSITIONS_PER_LEXEME) list.push(`${pos}${field.weight === 'D' ? '' : field.weight}`);
    }
  }
  return [...positions].map(([token, list]) => `${lexeme(token)}:${[...new Set(list)].join(',')}`).join(' ');
}

/** The pieces of text to mark in titles and snippets for these terms. */
export function highlightTexts(terms: QueryTerm[]): string[] {
  const out = new Set<string>();
  for (const t of terms) {
    out.add(t.text);
    if (t.kind === 'phrase') for (const p of t.parts) if (Array.from(p).length > 1) out.add(p);
  }
  return [...out].filter((s) => s.length > 0);
}
