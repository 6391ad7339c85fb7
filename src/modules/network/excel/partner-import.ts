import type { Kysely } from 'kysely';
import { newId } from '../../../core/ids.js';
import { auditPartner } from '../partners/partner-commands.js';
import { canManagePartnerAt } from '../partners/partner-access.js';
import { phoneError } from '../partners/partner-rules.js';
import type { NetworkPartnersTable, PartnerDatabase, PartnerType } from '../partners/partner-schema.js';
import { PARTNER_TYPE_LABELS } from './excel-labels.js';
import { loadPlaces, type Places } from './import-places.js';
import { draftError, type Draft, type ImportColumn, type ImportHandler, type RowError } from './import-rows.js';

const PERMISSION = 'network.partner.manage';
const BATCH = 500;

export interface PartnerDraft extends Draft {
  name: string;
  type: PartnerType;
  townId: string;
  townPath: string;
  contactName: string;
  contactPhone: string;
  description: string;
}

const COLUMNS: ImportColumn[] = [
  { field: 'name', header: '合作单位名称', required: true, maxLength: 80, format: '全称；同一镇（街道）内不可重名', example: '柳泉镇供电所' },
  { field: 'type', header: '合作单位类型', required: true, format: '从下拉列表选择', example: PARTNER_TYPE_LABELS.stationed_unit },
  { field: 'town', header: '所在镇（街道）', required: true, format: '您管理范围内的镇（街道）名称', example: '柳泉镇' },
  { field: 'contactName', header: '联系人', maxLength: 40, format: '文字', example: '钱立新' },
  { field: 'contactPhone', header: '联系电话', maxLength: 20, personal: 'phone', format: '11 位手机号，或带区号的固定电话（如 0573-86120002）；请设为文本格式', example: '0573-86120002' },
  { field: 'description', header: '合作内容', maxLength: 2000, format: '文字', example: '驻地单位，提供安全用电讲座。' },
];

/** Partners from a sheet: the partner form's rules (town in scope, name free in the town, phone format), batched. */
export const partnerImport: ImportHandler<PartnerDraft, { places: Places }> = {
  kind: 'partners',
  permission: PERMISSION,
  sheetName: '合作单位',
  columns: COLUMNS,

  async load(db) {
    return { places: await loadPlaces(db) };
  },

  parse(reader, { places }, ctx) {
    const name = reader.text('name');
    const type = reader.choice('type', PARTNER_TYPE_LABELS);
    const townName = reader.text('town');
    const contactName = reader.text('contactName');
    const contactPhone = reader.text('contactPhone');
    const description = reader.text('description');
    const town = townName ? places.town(townName) : undefined;
    // A town outside the caller's scope is reported exactly like an unknown one, as the form does.
    if (townName && (!town || !canManagePartnerAt(ctx.actor, town.path))) reader.fail('town', 'network.import.town_unknown');
    const bad = phoneError('contactPhone', contactPhone);
    if (bad) reader.failWith([bad]);
    if (!reader.ok || !town || !type) return null;
    return { row: reader.row, name, type, townId: town.id, townPath: town.path, contactName, contactPhone, description };
  },

  uniqueKeys: (draft) => [{ key: `${draft.townId}\u0000${draft.name}`, field: 'name' }],

  async check(db, drafts, ctx) {
    const errors: RowError[] = [];
    for (let start = 0; start < drafts.length; start += BATCH) {
      const batch = drafts.slice(start, start + BATCH);
      const taken = new Set((await db.selectFrom('network_partners').select(['region_id', 'name'])
        .where('region_id', 'in', [...new Set(batch.map((d) => d.townId))]).where('name', 'in', [...new Set(batch.map((d) => d.name))]).execute())
        .map((r) => `${r.region_id}\u0000${r.name}`));
      for (const draft of batch) {
        // Scope again at commit time: the importer's grants may have changed since the preview.
        if (!canManagePartnerAt(ctx.actor, draft.townPath)) errors.push(draftError(COLUMNS, draft.row, 'town', { messageId: 'network.import.town_unknown' }, ''));
        if (taken.has(`${draft.townId}\u0000${draft.name}`)) {
          errors.push(draftError(COLUMNS, draft.row, 'name', { messageId: 'network.partner.name_taken', params: { name: draft.name }, code: 'duplicate' }, draft.name));
        }
      }
    }
    return errors;
  },

  async insert(db, drafts, ctx, now) {
    const at = now.toISOString();
    const rows: NetworkPartnersTable[] = drafts.map((d) => ({
      id: newId(), name: d.name, type: d.type, region_id: d.townId, path: d.townPath, contact_name: d.contactName,
      contact_phone: d.contactPhone, description: d.description, status: 'active', version: 1, created_at: at, updated_at: at,
    }));
    const trx = db as unknown as Kysely<PartnerDatabase>;
    for (let start = 0; start < rows.length; start += BATCH) await trx.insertInto('network_partners').values(rows.slice(start, start + BATCH)).execute();
    // Partners are few per import: each gets the same audit entry the form writes (phones masked).
    for (const row of rows) await auditPartner(trx, ctx, 'network.partner.create', 'network_partner', row.id, null, row, now);
    return rows.map((r) => r.id);
  },

  choices({ places }, ctx) {
    return {
      type: { list: Object.values(PARTNER_TYPE_LABELS), dropDown: true },
      town: { list: places.towns.filter((t) => canManagePartnerAt(ctx.actor, t.path)).map((t) => t.name), dropDown: true },
    };
  },
};
