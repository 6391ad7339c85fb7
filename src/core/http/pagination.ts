import { Type, type TSchema } from '@sinclair/typebox';

export const MAX_PAGE_SIZE = 100;

/** Query fields every list takes. Above MAX_PAGE_SIZE is a 400, not a silent clamp, so callers learn the rule. */
export const PageQuery = {
  page: Type.Optional(Type.Integer({ minimum: 1, maximum: 100_000, default: 1 })),
  pageSize: Type.Optional(Type.Integer({ minimum: 1, maximum: MAX_PAGE_SIZE, default: 20 })),
};

export function pageOf<T extends TSchema>(item: T) {
  return Type.Object({
    items: Type.Array(item),
    total: Type.Integer(),
    page: Type.Integer(),
    pageSize: Type.Integer(),
  });
}

export interface PageParams { page: number; pageSize: number }
export function pageParams(q: { page?: number; pageSize?: number }): PageParams & { offset: number } {
  const page = q.page ?? 1;
  const pageSize = q.pageSize ?? 20;
  return { page, pageSize, offset: (page - 1) * pageSize };
}
export type PageResult<T> = { items: T[]; total: number; page: number; pageSize: number };
