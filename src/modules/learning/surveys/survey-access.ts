import { sql, type Expression, type SqlBool } from 'kysely';
import type { Actor } from '../../../core/access/actor.js';
import { isInScope, pathUnder, scopePathsFor } from '../../../core/access/scope.js';
import { SURVEY_MANAGE, SURVEY_RESULTS } from './survey-permissions.js';
import { pathAndAncestors } from './survey-rules.js';

/**
 * Which surveys staff see: those aimed inside their scope, and those aimed at a region that contains their scope
 * (a town admin reads the city-wide survey, but only over their own town's respondents). As SQL, so lists never
 * return a survey the caller could not open.
 */
export function surveyVisible(actor: Actor, surveyRef: string): Expression<SqlBool> {
  const paths = scopePathsFor(actor, SURVEY_RESULTS);
  if (paths.length === 0) return sql<SqlBool>`1 = 0`;
  const column = sql.ref(`${surveyRef}.path`);
  const covering = [...new Set(paths.flatMap(pathAndAncestors))];
  return sql<SqlBool>`(${pathUnder(column, paths)} or ${column} in (${sql.join(covering)}))`;
}

export function canSeeSurvey(actor: Actor, surveyPath: string): boolean {
  return scopePathsFor(actor, SURVEY_RESULTS).some((scope) => scope.startsWith(surveyPath) || surveyPath.startsWith(scope));
}

/** Writing a survey needs the manage permission over its whole target region. */
export function canManageSurvey(actor: Actor, surveyPath: string): boolean {
  return isInScope(actor, SURVEY_MANAGE, surveyPath);
}

/** The respondents whose results the caller may read: those living in their results scope. */
export function respondentScope(actor: Actor): string[] {
  return scopePathsFor(actor, SURVEY_RESULTS);
}
