import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { scopePathsFor } from '../../../core/access/scope.js';
import { noteDataExport } from '../../../core/alerts/export-alert.js';
import { invalidField } from '../../../core/http/errors.js';
import { actorContext } from '../../../core/http/request-context.js';
import { ProblemRefs } from '../../../core/http/route-schemas.js';
import { maskPhone } from '../../../core/pii/mask.js';
import { MOBILE_PATTERN, normalizePhone } from '../../../core/users/user-fields.js';
import { writeWorkbook, type XlsxColumn } from '../../../core/xlsx/write-workbook.js';
import { sendXlsx } from '../../../core/xlsx/xlsx-reply.js';
import { institutionsDb } from '../institutions/institutions-schema.js';
import { listInstitutions, regionFilterPath } from '../institutions/institution-repository.js';
import { presentInstitution } from '../institutions/institution-presenter.js';
import { InstitutionListQuery } from '../institutions/institution-schemas.js';
import { listPeople } from '../people/people-repository.js';
import { presentPerson } from '../people/people-presenter.js';
import { peopleDb } from '../people/people-schema.js';
import { PeopleListQuery } from '../people/people-schemas.js';
import { listPartners } from '../partners/partner-repository.js';
import { presentPartner } from '../partners/partner-presenter.js';
import { partnerDb } from '../partners/partner-schema.js';
import { ListPartnersQuery } from '../partners/partner-schemas.js';
import { buildGapMatrix } from '../standards/gap-matrix.js';
import { shanghaiDate } from '../standards/gap-rules.js';
import { findTown, listLevels } from '../standards/standards-repository.js';
import { standardsDb } from '../standards/standards-schema.js';
import { GapMatrixQuery } from '../standards/standards-schemas.js';
import {
  EMPLOYMENT_LABELS, INSTITUTION_STATUS_LABELS, KIND_LABELS, labelOf, PARTNER_STATUS_LABELS, PARTNER_TYPE_LABELS, PERSON_STATUS_LABELS, TIER_LABELS,
} from './excel-labels.js';
import { importDb } from './import-schema.js';
import { loadPlaces } from './import-places.js';

/** An export holds at most this many rows (the import limit): a list is read in pages of PAGE until then. */
const MAX_EXPORT_ROWS = 20_000;
const PAGE = 1000;
const tags = ['network'];
const XLSX_RESPONSE = ProblemRefs(400, 401, 403);

/** Pages through a list query until it is exhausted or the export limit is reached. */
async function allPages<T>(fetch: (page: number, pageSize: number) => Promise<{ items: T[]; total: number }>): Promise<T[]> {
  const items: T[] = [];
  for (let page = 1; items.length < MAX_EXPORT_ROWS; page++) {
    const result = await fetch(page, PAGE);
    items.push(...result.items);
    if (result.items.length < PAGE || items.length >= result.total) break;
  }
  return items.slice(0, MAX_EXPORT_ROWS);
}

/** Institution phones are the institution's public contact; a mobile number is a person's, so it is masked. */
function institutionPhone(phone: string): string {
  return MOBILE_PATTERN.test(normalizePhone(phone)) ? maskPhone(phone) : phone;
}

function stamp(now: Date): string {
  return shanghaiDate(now).replace(/-/g, '');
}

/**
 * `.xlsx` exports of the network's lists and the gap matrix. Each takes the same filters as its JSON list and goes
 * through the same query function with the caller's scope, so an export never holds a row the list would not show;
 * phones and ID numbers are masked as in the lists (the presenters do it).
 */
export const exportRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core = app.core;

  app.get('/api/v1/network/institutions/export.xlsx', {
    config: { access: 'network.institution.read' },
    schema: { tags, summary: 'The institution list as .xlsx (same filters and scope as the list)', querystring: InstitutionListQuery, response: XLSX_RESPONSE },
  }, async (request, reply) => {
    const { actor } = actorContext(request);
    const q = request.query;
    const db = institutionsDb(core);
    const regionPath = await regionFilterPath(db, q.town, q.village);
    const filter = { scopePaths: scopePathsFor(actor, 'network.institution.read'), regionPath, tier: q.tier, kind: q.kind, status: q.status,
      q: q.q?.trim() || undefined };
    const rows = await allPages(async (page, pageSize) => {
      const result = await listInstitutions(db, filter, { offset: (page - 1) * pageSize, pageSize });
      return { items: result.rows.map(presentInstitution), total: result.total };
    });
    const columns: XlsxColumn[] = [
      { key: 'name', header: '机构名称' }, { key: 'tier', header: '层级' }, { key: 'kind', header: '类型' },
      { key: 'town', header: '所在镇（街道）' }, { key: 'village', header: '所在村（社区）' }, { key: 'parent', header: '所属中心' },
      { key: 'level', header: '评定等级' }, { key: 'address', header: '地址' }, { key: 'hours', header: '开放时间' },
      { key: 'contact', header: '联系人' }, { key: 'phone', header: '联系电话' }, { key: 'status', header: '状态' },
      { key: 'created', header: '登记日期', type: 'date' },
    ];
    const bytes = await writeWorkbook([{ name: '机构', columns, rows: rows.map((r) => ({
      name: r.name, tier: labelOf(TIER_LABELS, r.tier), kind: labelOf(KIND_LABELS, r.kind), town: r.town.name,
      village: r.region.level === 'village' ? r.region.name : '', parent: r.parentCenter?.name ?? '', level: r.accreditation?.nameZh ?? '',
      address: r.address, hours: r.openingHours, contact: r.contactName, phone: institutionPhone(r.contactPhone),
      status: labelOf(INSTITUTION_STATUS_LABELS, r.status), created: r.createdAt,
    })) }]);
    return sendXlsx(reply, bytes, `机构_${stamp(core.clock.now())}.xlsx`);
  });

  app.get('/api/v1/network/people/export.xlsx', {
    config: { access: 'network.staff.read' },
    schema: { tags, summary: 'Staff and teachers as .xlsx (same filters and scope as the list; phone and ID number masked)', querystring: PeopleListQuery,
      response: XLSX_RESPONSE },
  }, async (request, reply) => {
    const { actor } = actorContext(request);
    const q = request.query;
    const db = peopleDb(core);
    let regionPath: string | undefined;
    if (q.townId) {
      const region = await db.selectFrom('regions').select('path').where('id', '=', q.townId).executeTakeFirst();
      if (!region) throw invalidField('townId', 'network.people.town_unknown', 'unknown');
      regionPath = region.path;
    }
    // Search by a whole phone or ID number is the JSON list's convenience; the export filters by text only.
    const filter = { scopePaths: scopePathsFor(actor, 'network.staff.read'), institutionId: q.institutionId, regionPath,
      employment: q.employment, status: q.status, q: q.q };
    const people = await allPages(async (page, pageSize) => {
      const result = await listPeople(db, filter, { page, pageSize, offset: (page - 1) * pageSize });
      return { items: result.rows.map((row) => presentPerson(core.fieldCrypto, row)), total: result.total };
    });
    const places = await loadPlaces(importDb(core));
    const townName = new Map(places.towns.map((t) => [t.id, t.name]));
    for (const t of places.towns) for (const v of places.villagesOf(t.id)) townName.set(v.id, t.name);
    const columns: XlsxColumn[] = [
      { key: 'name', header: '姓名' }, { key: 'town', header: '所在镇（街道）' }, { key: 'institution', header: '所属机构' },
      { key: 'employment', header: '用工类型' }, { key: 'title', header: '职务' }, { key: 'subjects', header: '任教科目' },
      { key: 'qualifications', header: '资质' }, { key: 'phone', header: '手机号码' }, { key: 'idNumber', header: '身份证号码' },
      { key: 'status', header: '状态' }, { key: 'created', header: '登记日期', type: 'date' },
    ];
    const bytes = await writeWorkbook([{ name: '人员', columns, rows: people.map((p) => ({
      name: p.name, town: townName.get(p.regionId) ?? '', institution: p.institutionName, employment: labelOf(EMPLOYMENT_LABELS, p.employment),
      title: p.title, subjects: p.subjects, qualifications: p.qualifications, phone: p.phone ?? '', idNumber: p.idNumber ?? '',
      status: labelOf(PERSON_STATUS_LABELS, p.status), created: p.createdAt,
    })) }]);
    await noteDataExport(core, actorContext(request), { what: 'network.people', rows: people.length });
    return sendXlsx(reply, bytes, `人员_${stamp(core.clock.now())}.xlsx`);
  });

  app.get('/api/v1/network/partners/export.xlsx', {
    config: { access: 'network.partner.read' },
    schema: { tags, summary: 'Partners as .xlsx (same filters and scope as the list; phones masked)', querystring: ListPartnersQuery, response: XLSX_RESPONSE },
  }, async (request, reply) => {
    const { actor } = actorContext(request);
    const partners = await allPages(async (page, pageSize) => {
      const result = await listPartners(partnerDb(core), actor, { ...request.query, page, pageSize });
      return { items: result.items.map(presentPartner), total: result.total };
    });
    const columns: XlsxColumn[] = [
      { key: 'name', header: '合作单位名称' }, { key: 'type', header: '合作单位类型' }, { key: 'town', header: '所在镇（街道）' },
      { key: 'contact', header: '联系人' }, { key: 'phone', header: '联系电话' }, { key: 'description', header: '合作内容', width: 50 },
      { key: 'status', header: '状态' },
    ];
    const bytes = await writeWorkbook([{ name: '合作单位', columns, rows: partners.map((p) => ({
      name: p.name, type: labelOf(PARTNER_TYPE_LABELS, p.type), town: p.townName, contact: p.contactName, phone: p.contactPhone,
      description: p.description, status: labelOf(PARTNER_STATUS_LABELS, p.status),
    })) }]);
    return sendXlsx(reply, bytes, `合作单位_${stamp(core.clock.now())}.xlsx`);
  });

  app.get('/api/v1/network/gap-matrix/export.xlsx', {
    config: { access: 'network.standard.read' },
    schema: { tags, summary: 'The gap matrix as .xlsx: one row per institution in scope, one column per indicator', querystring: GapMatrixQuery,
      response: XLSX_RESPONSE },
  }, async (request, reply) => {
    const { actor } = actorContext(request);
    const db = standardsDb(core);
    let townPath: string | undefined;
    if (request.query.town) {
      const town = await findTown(db, request.query.town);
      if (!town) throw invalidField('town', 'network.gap.unknown_town', 'unknown');
      townPath = town.path;
    }
    const matrix = await buildGapMatrix(db, { scopePaths: scopePathsFor(actor, 'network.standard.read'), tier: request.query.tier, townPath },
      shanghaiDate(core.clock.now()));
    const levelName = new Map((await listLevels(db)).map((l) => [l.id, l.name_zh]));
    const status = { met: '达标', short: '不足', missing: '未填报', not_applicable: '不适用' } as const;
    const columns: XlsxColumn[] = [
      { key: 'name', header: '机构名称' }, { key: 'tier', header: '层级' }, { key: 'level', header: '评定等级' },
      ...matrix.indicators.map((ind) => ({ key: `i:${ind.code}`, header: ind.unit ? `${ind.nameZh}（${ind.unit}）` : ind.nameZh })),
      { key: 'met', header: '达标项', type: 'number' as const }, { key: 'short', header: '不足项', type: 'number' as const },
      { key: 'missing', header: '未填报项', type: 'number' as const },
    ];
    const rows = matrix.rows.map((row) => {
      const cells = Object.fromEntries(row.cells.map((c) => {
        const value = c.value === null ? '' : typeof c.value === 'boolean' ? (c.value ? '是' : '否') : String(c.value);
        const text = c.status === 'short' && c.shortfall !== null ? `${value}（${status.short}，差 ${c.shortfall}）`
          : c.status === 'met' ? `${value}（${status.met}）` : status[c.status];
        return [`i:${c.code}`, text];
      }));
      return { name: row.institution.name, tier: labelOf(TIER_LABELS, row.institution.tier), level: levelName.get(row.institution.levelId) ?? '',
        ...cells, met: row.summary.met, short: row.summary.short, missing: row.summary.missing };
    });
    const bytes = await writeWorkbook([{ name: '查漏补缺', columns, rows }]);
    return sendXlsx(reply, bytes, `查漏补缺_${matrix.date.replace(/-/g, '')}.xlsx`);
  });
};
