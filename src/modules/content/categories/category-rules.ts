import type { FieldError } from '../../../core/http/errors.js';

/** URL segment of /c/<slug>: lower-case letters, digits and single hyphens inside. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/;

export function slugError(slug: string): FieldError | null {
  return SLUG_PATTERN.test(slug) ? null : { field: 'slug', code: 'format', messageId: 'content.category.slug_format' };
}

/** A category cannot move under itself or under one of its descendants (the tree would become a loop). */
export function isSelfOrDescendant(categoryPath: string, candidateParentPath: string): boolean {
  return candidateParentPath.startsWith(categoryPath);
}

export function depthOf(path: string): number {
  return path.split('/').filter(Boolean).length - 1;
}
