import type { Transaction } from 'kysely';
import { isInScope } from '../../../core/access/scope.js';
import { AppError } from '../../../core/http/errors.js';
import { newId } from '../../../core/ids.js';
import { assertManageableInstitution } from '../people/commands/person-checks.js';
import { protectIdNumber, protectPhone, type ProtectedField } from '../people/person-fields.js';
import type { Employment, PeopleDatabase } from '../people/people-schema.js';
import { EMPLOYMENT_LABELS } from './excel-labels.js';
import { loadPlaces, type Places } from './import-places.js';
import { draftError, type Draft, type ImportColumn, type ImportHandler, type RowError, type RowReader } from './import-rows.js';

const PERMISSION = 'network.staff.manage';
/** Rows per IN (…) list: well under both databases' bound-parameter limits. */
const BATCH = 500;

/** A validated person. Phone and ID number only as ciphertext + look-up hash: the job row never holds them in clear. */
export interface PersonDraft extends Draft {
  name: string;
  institutionId: string;
  institutionName: string;
  employment: Employment;
  title: string;
  subjects: string;
  qualifications: string;
  phoneEnc: string | null;
  phoneHash: string | null;
  idEnc: string | null;
  idHash: string | null;
}

interface Lookups {
  places: Places;
  /** Network institutions by town and name (any status and scope: the checks below decide, as the form does). */
  institutions: Map<string, { id: string; name: string; path: string; status: string }>;
}

const COLUMNS: ImportColumn[] = [
  { field: 'name', header: '姓名', required: true, maxLength: 50, format: '文字', example: '张晓梅' },
  { field: 'town', header: '所在镇（街道）', required: true, format: '所属机构所在的镇（街道）名称', example: '柳泉镇' },
  { field: 'institution', header: '所属机构', required: true, format: '机构全称（见“说明”表中您管理范围内的机构）', example: '柳泉镇社区教育中心' },
  { field: 'employment', header: '用工类型', required: true, format: '从下拉列表选择', example: EMPLOYMENT_LABELS.part_time },
  { field: 'title', header: '职务', maxLength: 100, format: '文字', example: '兼职教师' },
  { field: 'subjects', header: '任教科目', maxLength: 500, format: '文字，多个用顿号分隔', example: '书法、国画' },
  { field: 'qualifications', header: '资质', maxLength: 1000, format: '文字', example: '大专，市书法家协会会员' },
  { field: 'phone', header: '手机号码', personal: 'phone', format: '11 位中国大陆手机号；请设为文本格式', example: '13900001111' },
  { field: 'idNumber', header: '身份证号码', personal: 'id_number', format: '18 位公民身份号码（校验码须正确）；请设为文本格式，否则 Excel 会丢失末几位', example: '（请填写真实号码）' },
];

function institutionKey(townId: string, name: string): string {
  return `${townId}\u0000${name}`;
}

/** protectPhone / protectIdNumber raise a field error for a malformed value: the row gets it instead. */
function protect(reader: RowReader, run: () => ProtectedField): ProtectedField | null {
  try {
    return run();
  } catch (error) {
    if (error instanceof AppError && error.fieldErrors) {
      reader.failWith(error.fieldErrors);
      return null;
    }
    throw error;
  }
}

/** Staff and teachers from a sheet: the form's phone and ID number rules, institution check and ID uniqueness, in batches. */
export const peopleImport: ImportHandler<PersonDraft, Lookups> = {
  kind: 'people',
  permission: PERMISSION,
  sheetName: '人员',
  columns: COLUMNS,

  async load(db) {
    const places = await loadPlaces(db);
    const rows = await db.selectFrom('institutions as i').innerJoin('regions as r', 'r.id', 'i.region_id')
      .select(['i.id', 'i.name', 'i.path', 'i.status', 'i.region_id', 'r.level', 'r.parent_id'])
      .where('i.tier', 'is not', null).execute();
    const institutions = new Map<string, { id: string; name: string; path: string; status: string }>();
    for (const r of rows) {
      const townId = r.level === 'town' ? r.region_id : r.parent_id ?? '';
      institutions.set(institutionKey(townId, r.name.trim()), { id: r.id, name: r.name.trim(), path: r.path, status: r.status });
    }
    return { places, institutions };
  },

  parse(reader, { places, institutions }, ctx) {
    const name = reader.text('name');
    const townName = reader.text('town');
    const institutionName = reader.text('institution');
    const employment = reader.choice('employment', EMPLOYMENT_LABELS);
    const title = reader.text('title');
    const subjects = reader.text('subjects');
    const qualifications = reader.text('qualifications');
    const town = townName ? places.town(townName) : undefined;
    if (townName && !town) reader.fail('town', 'network.import.town_unknown');
    const institution = town && institutionName ? institutions.get(institutionKey(town.id, institutionName)) : undefined;
    if (town && institutionName && !institution) reader.fail('institution', 'network.import.institution_unknown');

    const phone = protect(reader, () => protectPhone(ctx.crypto, reader.text('phone'), 'phone'));
    let idNumber: ProtectedField | null = null;
    // A long number Excel has cut is refused as it is, never completed by guessing.
    if (reader.lostDigits('idNumber')) reader.fail('idNumber', 'network.import.typed_as_number', undefined, 'typed_as_number');
    else idNumber = protect(reader, () => protectIdNumber(ctx.crypto, reader.text('idNumber'), ctx.today, 'idNumber'));

    if (!reader.ok || !institution || !employment || !phone || !idNumber) return null;
    return {
      row: reader.row, name, institutionId: institution.id, institutionName: institution.name, employment, title, subjects, qualifications,
      phoneEnc: phone.enc, phoneHash: phone.hash, idEnc: idNumber.enc, idHash: idNumber.hash,
    };
  },

  uniqueKeys: (draft) => [
    { key: `person\u0000${draft.institutionId}\u0000${draft.name}`, field: 'name' },
    ...(draft.idHash ? [{ key: `id\u0000${draft.idHash}`, field: 'idNumber' }] : []),
  ],

  async check(db, drafts, ctx) {
    const errors: RowError[] = [];
    const trx = db as unknown as Transaction<PeopleDatabase>;
    // The form's own institution check, once per institution named in the batch (not once per row).
    const refused = new Map<string, AppError>();
    for (const institutionId of new Set(drafts.map((d) => d.institutionId))) {
      try {
        await assertManageableInstitution(trx, ctx.actor, institutionId);
      } catch (error) {
        if (!(error instanceof AppError)) throw error;
        refused.set(institutionId, error);
      }
    }
    for (let start = 0; start < drafts.length; start += BATCH) {
      const batch = drafts.slice(start, start + BATCH);
      const hashes = batch.map((d) => d.idHash).filter((h): h is string => h !== null);
      const takenIds = new Set(hashes.length === 0 ? [] : (await db.selectFrom('network_people').select('id_number_hash')
        .where('id_number_hash', 'in', hashes).execute()).map((r) => r.id_number_hash));
      const institutionIds = [...new Set(batch.map((d) => d.institutionId))];
      const names = [...new Set(batch.map((d) => d.name))];
      const present = new Set((await db.selectFrom('network_people').select(['institution_id', 'name'])
        .where('status', '=', 'active').where('institution_id', 'in', institutionIds).where('name', 'in', names).execute())
        .map((r) => `${r.institution_id}\u0000${r.name.trim()}`));
      for (const draft of batch) {
        const refusal = refused.get(draft.institutionId);
        if (refusal) {
          for (const e of refusal.fieldErrors ?? []) errors.push(draftError(COLUMNS, draft.row, 'institution', e, draft.institutionName));
        }
        if (draft.idHash && takenIds.has(draft.idHash)) {
          errors.push(draftError(COLUMNS, draft.row, 'idNumber', { messageId: 'network.people.id_number_taken', code: 'taken' },
            draft.idEnc ? ctx.crypto.decrypt(draft.idEnc) : ''));
        }
        if (present.has(`${draft.institutionId}\u0000${draft.name}`)) {
          errors.push(draftError(COLUMNS, draft.row, 'name', { messageId: 'network.import.person_exists', code: 'duplicate' }, draft.name));
        }
      }
    }
    return errors;
  },

  async insert(db, drafts, _ctx, now) {
    const at = now.toISOString();
    const trx = db as unknown as Transaction<PeopleDatabase>;
    const ids: string[] = [];
    for (let start = 0; start < drafts.length; start += BATCH) {
      const rows = drafts.slice(start, start + BATCH).map((d) => ({
        id: newId(), institution_id: d.institutionId, user_id: null, name: d.name, employment: d.employment, title: d.title,
        subjects: d.subjects, qualifications: d.qualifications, phone_enc: d.phoneEnc, phone_hash: d.phoneHash,
        id_number_enc: d.idEnc, id_number_hash: d.idHash, status: 'active' as const, left_at: null, version: 1, created_at: at, updated_at: at,
      }));
      await trx.insertInto('network_people').values(rows).execute();
      ids.push(...rows.map((r) => r.id));
    }
    // Up to 20,000 people per file: the runner's one audit entry for the import lists them all (see README).
    return ids;
  },

  choices({ places, institutions }, ctx) {
    const inScope = [...institutions.entries()].filter(([, i]) => i.status === 'active' && isInScope(ctx.actor, PERMISSION, i.path));
    const towns = places.towns.filter((t) => inScope.some(([key]) => key.startsWith(`${t.id}\u0000`)));
    return {
      employment: { list: Object.values(EMPLOYMENT_LABELS), dropDown: true },
      town: { list: towns.map((t) => t.name), dropDown: true },
      institution: {
        list: towns.map((t) => `${t.name}：${inScope.filter(([key]) => key.startsWith(`${t.id}\u0000`)).map(([, i]) => i.name).join('、')}`),
        dropDown: false,
      },
    };
  },
};
