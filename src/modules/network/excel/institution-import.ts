import type { Transaction } from 'kysely';
import type { Kysely } from 'kysely';
import { appendAudit } from '../../../core/audit/audit-log.js';
import type { Database } from '../../../core/db/schema.js';
import { isInScope } from '../../../core/access/scope.js';
import { newId } from '../../../core/ids.js';
import { checkInstitution } from '../institutions/institution-rules.js';
import type { InstitutionKind } from '../institutions/institution-kinds.js';
import type { InstitutionsDatabase, InstitutionTier } from '../institutions/institutions-schema.js';
import { auditedInstitution } from '../institutions/commands/load-in-scope.js';
import { KIND_LABELS, TIER_LABELS } from './excel-labels.js';
import { loadPlaces, type Places } from './import-places.js';
import { draftError, type Draft, type ImportColumn, type ImportHandler, type RowError } from './import-rows.js';

const PERMISSION = 'network.institution.create';

export interface InstitutionDraft extends Draft {
  name: string;
  tier: InstitutionTier;
  kind: InstitutionKind;
  regionId: string;
  regionPath: string;
  /** Which column named the region: errors about it go there. */
  regionField: 'town' | 'village';
  parentCenterId: string | null;
  parentCenterName: string;
  address: string;
  openingHours: string;
  contactName: string;
  contactPhone: string;
  description: string;
}

interface Lookups {
  places: Places;
  /** Active centers by name, in their town first (a base school's center is normally its own town's). */
  centers: Array<{ id: string; name: string; townId: string }>;
}

const COLUMNS: ImportColumn[] = [
  { field: 'name', header: '机构名称', required: true, maxLength: 100, format: '全称；同一镇（街道）内不可重名', example: '柳泉镇桃源村市民学校' },
  { field: 'tier', header: '层级', required: true, format: '从下拉列表选择', example: TIER_LABELS.base },
  { field: 'kind', header: '类型', required: true, format: '从下拉列表选择；社区教育中心只能是中心层级，企业培训机构为补充层级', example: KIND_LABELS.citizen_school },
  { field: 'town', header: '所在镇（街道）', required: true, format: '您管理范围内的镇（街道）名称', example: '柳泉镇' },
  { field: 'village', header: '所在村（社区）', format: '所填镇（街道）下的村（社区）名称；设在镇一级的留空', example: '桃源村' },
  { field: 'parentCenter', header: '所属中心', format: '本镇（街道）社区教育中心的全称；基层学校必填，中心留空', example: '柳泉镇社区教育中心' },
  { field: 'address', header: '地址', maxLength: 200, format: '文字', example: '桃源村文化礼堂二楼' },
  { field: 'openingHours', header: '开放时间', maxLength: 200, format: '文字', example: '周一至周五 8:30-17:00' },
  { field: 'contactName', header: '联系人', maxLength: 50, format: '文字', example: '王老师' },
  { field: 'contactPhone', header: '联系电话', maxLength: 30, personal: 'phone', format: '11 位手机号，或带区号的固定电话（如 0573-86001234）；请设为文本格式', example: '0573-86001234' },
  { field: 'description', header: '简介', maxLength: 4000, format: '文字', example: '面向村民的家门口学校。' },
];

/** Which sheet column a field error of the institution rules belongs to. */
function columnOf(draft: InstitutionDraft, field: string): string {
  if (field === 'regionId') return draft.regionField;
  if (field === 'parentCenterId') return 'parentCenter';
  return field;
}

function fieldValue(draft: InstitutionDraft, field: string): string {
  const values: Record<string, string> = {
    name: draft.name, tier: TIER_LABELS[draft.tier], kind: KIND_LABELS[draft.kind], parentCenter: draft.parentCenterName,
    contactPhone: draft.contactPhone,
  };
  return values[field] ?? '';
}

/** Institutions from a sheet; every rule is the form's own (institution-rules.ts), checked row by row. */
export const institutionImport: ImportHandler<InstitutionDraft, Lookups> = {
  kind: 'institutions',
  permission: PERMISSION,
  sheetName: '机构',
  columns: COLUMNS,

  async load(db) {
    const centers = await db.selectFrom('institutions as i').innerJoin('regions as r', 'r.id', 'i.region_id')
      .select(['i.id', 'i.name', 'i.region_id', 'r.level', 'r.parent_id'])
      .where('i.tier', '=', 'center').where('i.status', '=', 'active').execute();
    return {
      places: await loadPlaces(db),
      centers: centers.map((c) => ({ id: c.id, name: c.name.trim(), townId: c.level === 'town' ? c.region_id : c.parent_id ?? '' })),
    };
  },

  parse(reader, { places, centers }) {
    const name = reader.text('name');
    const tier = reader.choice('tier', TIER_LABELS);
    const kind = reader.choice('kind', KIND_LABELS);
    const townName = reader.text('town');
    const villageName = reader.text('village');
    const parentName = reader.text('parentCenter');
    const draft = {
      address: reader.text('address'), openingHours: reader.text('openingHours'), contactName: reader.text('contactName'),
      contactPhone: reader.text('contactPhone'), description: reader.text('description'),
    };
    const town = townName ? places.town(townName) : undefined;
    if (townName && !town) reader.fail('town', 'network.import.town_unknown');
    const village = town && villageName ? places.village(town.id, villageName) : undefined;
    if (town && villageName && !village) reader.fail('village', 'network.import.village_unknown');
    let parentCenterId: string | null = null;
    if (parentName) {
      // Its own town's center first; a center of another town is passed on so the rules can say exactly that.
      const parent = centers.find((c) => c.name === parentName && c.townId === town?.id) ?? centers.find((c) => c.name === parentName);
      if (!parent) reader.fail('parentCenter', 'network.import.parent_unknown');
      parentCenterId = parent?.id ?? null;
    }
    if (!reader.ok || !town || !tier || !kind) return null;
    const region = village ?? town;
    return {
      row: reader.row, name, tier, kind, regionId: region.id, regionPath: region.path, regionField: village ? 'village' : 'town',
      parentCenterId, parentCenterName: parentName, ...draft,
    };
  },

  uniqueKeys: (draft) => [{ key: `name\u0000${draft.regionPath.split('/').slice(0, 3).join('/')}\u0000${draft.name}`, field: 'name' }],

  async check(db, drafts, ctx) {
    const errors: RowError[] = [];
    for (const draft of drafts) {
      // The single-record rules, unchanged: scope, tier and kind, center placement, parent's town, name, phone.
      const result = await checkInstitution(db as unknown as Kysely<InstitutionsDatabase>, ctx.actor, PERMISSION, {
        id: null, name: draft.name, tier: draft.tier, kind: draft.kind, regionId: draft.regionId,
        parentCenterId: draft.parentCenterId, contactPhone: draft.contactPhone,
      });
      for (const e of result.errors) {
        const field = columnOf(draft, e.field);
        errors.push(draftError(COLUMNS, draft.row, field, e, fieldValue(draft, field)));
      }
    }
    return errors;
  },

  async insert(db, drafts, ctx, now) {
    const at = now.toISOString();
    const rows = drafts.map((d) => {
      const id = newId();
      return {
        id, name: d.name, kind: d.kind, region_id: d.regionId, path: `${d.regionPath}${id}/`, status: 'active' as const,
        created_at: at, tier: d.tier, accreditation_level_id: null, parent_center_id: d.parentCenterId, address: d.address,
        opening_hours: d.openingHours, contact_name: d.contactName, contact_phone: d.contactPhone, description: d.description,
        version: 1, updated_at: at, retired_at: null,
      };
    });
    if (rows.length > 0) await (db as unknown as Transaction<InstitutionsDatabase>).insertInto('institutions').values(rows).execute();
    // Institutions are few per import: each gets its own audit entry, like one recorded through the form.
    for (const row of rows) {
      await appendAudit(db as unknown as Kysely<Database>, ctx, { action: 'network.institution.create', targetType: 'institution', targetId: row.id,
        after: auditedInstitution(row) }, now);
    }
    return rows.map((r) => r.id);
  },

  choices({ places }, ctx) {
    const towns = places.towns.filter((t) => isInScope(ctx.actor, PERMISSION, t.path));
    return {
      tier: { list: Object.values(TIER_LABELS), dropDown: true },
      kind: { list: Object.values(KIND_LABELS), dropDown: true },
      town: { list: towns.map((t) => t.name), dropDown: true },
      village: { list: towns.map((t) => `${t.name}：${places.villagesOf(t.id).map((v) => v.name).join('、')}`), dropDown: false },
    };
  },
};
