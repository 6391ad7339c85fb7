import type { Id, RoleGrant, ScopeType } from '../../core/api/types';
import { idKey } from './regionTree';
import type { Institution, Region, RoleGrantInput } from './types';

/** One row of the role editor. `scopeId` holds the id as a string key (select values must be uniform). */
export interface RoleGrantRow {
  role?: string;
  scopeType?: ScopeType;
  scopeId?: string;
}

export function toRows(grants: readonly RoleGrant[]): RoleGrantRow[] {
  return grants.map((g) => ({ role: g.role, scopeType: g.scopeType, scopeId: idKey(g.scopeId) || undefined }));
}

/** Turns editor rows back into grants, restoring each scope id to the type the server sent it as. */
export function fromRows(
  rows: readonly RoleGrantRow[] | undefined,
  regions: readonly Region[],
  institutions: readonly Institution[],
): RoleGrantInput[] {
  const regionIds = new Map<string, Id>(regions.map((r) => [idKey(r.id), r.id]));
  const institutionIds = new Map<string, Id>(institutions.map((i) => [idKey(i.id), i.id]));
  return (rows ?? [])
    .filter((row): row is Required<RoleGrantRow> => !!row?.role && !!row.scopeType && !!row.scopeId)
    .map((row) => {
      const ids = row.scopeType === 'institution' ? institutionIds : regionIds;
      return { role: row.role, scopeType: row.scopeType, scopeId: ids.get(row.scopeId) ?? row.scopeId };
    });
}

export function rowKey(row: RoleGrantRow | undefined): string {
  return `${row?.role ?? ''}|${row?.scopeType ?? ''}|${row?.scopeId ?? ''}`;
}
