import { sql, type Kysely } from 'kysely';
import { columnTypes } from '../../../core/db/migrations/helpers.js';

/**
 * Standards and gaps (查漏补缺): the indicator catalogue, versioned standards per tier and accreditation level
 * with their thresholds, each institution's current indicator values (with a version for 409 on a stale save)
 * and the append-only history of recorded values, so a report for a past date is computed from what was known
 * then. Frozen: the seed figures below are examples the city edits by creating new standard versions.
 */

// Numbers: 'double precision' is a real double on PostgreSQL and has REAL affinity on SQLite.
const NUMBER = 'double precision';

const INDICATORS: [code: string, nameZh: string, nameEn: string, unit: string, valueType: 'number' | 'boolean'][] = [
  ['building_area', '建筑面积', 'Building area', 'm²', 'number'],
  ['classrooms', '教室', 'Classrooms', '间', 'number'],
  ['multimedia_classrooms', '多媒体教室', 'Multimedia classrooms', '间', 'number'],
  ['computer_seats', '计算机房座位', 'Computer-room seats', '座', 'number'],
  ['library_volumes', '图书藏量', 'Library volumes', '册', 'number'],
  ['fulltime_staff', '专职人员', 'Full-time staff', '人', 'number'],
  ['parttime_volunteer_teachers', '兼职及志愿者教师', 'Part-time and volunteer teachers', '人', 'number'],
  ['annual_training', '年培训人次', 'Annual training person-times', '人次', 'number'],
  ['participation_rate', '居民参与率', 'Resident participation rate', '%', 'number'],
  ['annual_plan', '制订年度工作计划', 'Annual work plan in place', '', 'boolean'],
  ['earmarked_funds', '经费专款专用', 'Earmarked funding, used only for its purpose', '', 'boolean'],
  ['reading_room', '设有阅览室', 'Has a reading room', '', 'boolean'],
];

// Example thresholds per tier and level, in the order of the numeric indicators above, then the three yes/no
// indicators as required (1) or not (0). null: the indicator does not apply to that tier.
type Figures = [number | null, number | null, number | null, number | null, number | null, number | null, number | null, number | null, number | null, 0 | 1, 0 | 1, 0 | 1];
const DEFAULT_FIGURES: Record<string, Record<string, Figures>> = {
  center: {
    none: [1000, 4, 1, 20, 3000, 2, 10, 3000, 20, 1, 0, 0],
    prefecture: [2000, 6, 2, 30, 5000, 3, 20, 6000, 30, 1, 1, 0],
    provincial: [3000, 8, 3, 50, 10000, 5, 30, 10000, 40, 1, 1, 1],
  },
  base: {
    none: [150, 1, 0, 0, 500, 0, 3, 500, 10, 1, 0, 0],
    prefecture: [200, 2, 1, 10, 1000, 1, 5, 800, 15, 1, 1, 0],
    provincial: [300, 2, 1, 15, 2000, 1, 8, 1200, 20, 1, 1, 1],
  },
  supplementary: {
    none: [200, 1, 0, 0, null, 1, 2, 500, null, 1, 0, 0],
    prefecture: [300, 2, 1, 10, null, 1, 4, 1000, null, 1, 1, 0],
    provincial: [500, 3, 1, 20, null, 2, 6, 2000, null, 1, 1, 0],
  },
};

export async function up(db: Kysely<any>): Promise<void> {
  const t = columnTypes(db);

  await db.schema.createTable('network_indicators')
    .addColumn('code', 'text', (c) => c.primaryKey())
    .addColumn('name_zh', 'text', (c) => c.notNull())
    .addColumn('name_en', 'text', (c) => c.notNull())
    .addColumn('unit', 'text', (c) => c.notNull().check(sql`unit in ('m²','间','座','册','人','人次','%','')`))
    .addColumn('value_type', 'text', (c) => c.notNull().check(sql`value_type in ('number','boolean')`))
    .addColumn('sort', 'integer', (c) => c.notNull().defaultTo(0))
    .execute();

  await db.schema.createTable('network_standards')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('tier', 'text', (c) => c.notNull().check(sql`tier in ('center','base','supplementary')`))
    .addColumn('level_id', 'text', (c) => c.notNull().references('network_accreditation_levels.id'))
    .addColumn('version', 'integer', (c) => c.notNull())
    /** A date (YYYY-MM-DD, China Standard Time) from which this version is the one in force. */
    .addColumn('effective_from', 'text', (c) => c.notNull())
    .addColumn('note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('created_by', 'text', (c) => c.references('users.id'))
    .addColumn('created_at', t.timestamp, (c) => c.notNull())
    .addUniqueConstraint('network_standards_tier_level_version', ['tier', 'level_id', 'version'])
    .execute();

  await db.schema.createTable('network_standard_thresholds')
    .addColumn('standard_id', 'text', (c) => c.notNull().references('network_standards.id'))
    .addColumn('indicator_code', 'text', (c) => c.notNull().references('network_indicators.code'))
    .addColumn('threshold', NUMBER)
    .addColumn('required', 'integer')
    .addPrimaryKeyConstraint('network_standard_thresholds_pk', ['standard_id', 'indicator_code'])
    .execute();

  await db.schema.createTable('network_indicator_values')
    .addColumn('institution_id', 'text', (c) => c.notNull().references('institutions.id'))
    .addColumn('indicator_code', 'text', (c) => c.notNull().references('network_indicators.code'))
    .addColumn('value', NUMBER, (c) => c.notNull())
    .addColumn('evidence_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('evidence_file_id', 'text')
    .addColumn('recorded_by', 'text', (c) => c.references('users.id'))
    .addColumn('recorded_at', t.timestamp, (c) => c.notNull())
    .addColumn('version', 'integer', (c) => c.notNull().defaultTo(1))
    .addPrimaryKeyConstraint('network_indicator_values_pk', ['institution_id', 'indicator_code'])
    .execute();

  await db.schema.createTable('network_indicator_value_history')
    .addColumn('id', 'text', (c) => c.primaryKey())
    .addColumn('institution_id', 'text', (c) => c.notNull().references('institutions.id'))
    .addColumn('indicator_code', 'text', (c) => c.notNull().references('network_indicators.code'))
    .addColumn('value', NUMBER, (c) => c.notNull())
    .addColumn('evidence_note', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('evidence_file_id', 'text')
    .addColumn('recorded_by', 'text', (c) => c.references('users.id'))
    .addColumn('recorded_at', t.timestamp, (c) => c.notNull())
    /** The version the current row got: orders two recordings within the same millisecond. */
    .addColumn('version', 'integer', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('network_indicator_value_history_lookup')
    .on('network_indicator_value_history').columns(['institution_id', 'recorded_at']).execute();

  await db.insertInto('network_indicators')
    .values(INDICATORS.map(([code, name_zh, name_en, unit, value_type], i) => ({ code, name_zh, name_en, unit, value_type, sort: (i + 1) * 10 })))
    .execute();
  const createdAt = '2020-01-01T00:00:00.000Z';
  for (const [tier, levels] of Object.entries(DEFAULT_FIGURES)) {
    for (const [levelId, figures] of Object.entries(levels)) {
      const id = `std-${tier}-${levelId}-v1`;
      await db.insertInto('network_standards').values({
        id, tier, level_id: levelId, version: 1, effective_from: '2020-01-01',
        note: '示例标准（可由市级管理员修订）', created_by: null, created_at: createdAt,
      }).execute();
      const rows: { standard_id: string; indicator_code: string; threshold: number | null; required: number | null }[] = [];
      INDICATORS.forEach(([code, , , , valueType], i) => {
        const figure = figures[i];
        if (figure === null || figure === undefined) return;
        rows.push(valueType === 'number'
          ? { standard_id: id, indicator_code: code, threshold: figure, required: null }
          : { standard_id: id, indicator_code: code, threshold: null, required: figure });
      });
      await db.insertInto('network_standard_thresholds').values(rows).execute();
    }
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable('network_indicator_value_history').execute();
  await db.schema.dropTable('network_indicator_values').execute();
  await db.schema.dropTable('network_standard_thresholds').execute();
  await db.schema.dropTable('network_standards').execute();
  await db.schema.dropTable('network_indicators').execute();
}
