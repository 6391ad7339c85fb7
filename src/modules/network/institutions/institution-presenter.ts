import type { InstitutionRow } from './institution-repository.js';

/** The API shape of an institution: names beside ids so lists need no second look-up. */
export function presentInstitution(row: InstitutionRow) {
  const inTown = row.region_level === 'town';
  return {
    id: row.id,
    name: row.name,
    tier: row.tier!,
    kind: row.kind,
    status: row.status,
    region: { id: row.region_id, name: row.region_name, level: row.region_level },
    town: inTown ? { id: row.region_id, name: row.region_name } : { id: row.region_parent_id ?? '', name: row.region_parent_name ?? '' },
    parentCenter: row.parent_center_id ? { id: row.parent_center_id, name: row.parent_center_name ?? '' } : null,
    accreditation: row.accreditation_level_id
      ? { levelId: row.accreditation_level_id, nameZh: row.level_name_zh ?? '', nameEn: row.level_name_en ?? '' } : null,
    address: row.address,
    openingHours: row.opening_hours,
    contactName: row.contact_name,
    contactPhone: row.contact_phone,
    description: row.description,
    version: row.version,
    createdAt: toIso(row.created_at),
    updatedAt: row.updated_at ? toIso(row.updated_at) : null,
    retiredAt: row.retired_at ? toIso(row.retired_at) : null,
  };
}

/** PostgreSQL hands back Date objects for timestamptz, SQLite the stored ISO text. */
function toIso(value: string | Date): string {
  return value instanceof Date ? value.toISOString() : value;
}
