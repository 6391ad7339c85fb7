import type { CoreContext } from '../../../core/context.js';
import { newId } from '../../../core/ids.js';
import { shanghaiDate, standardInForce } from './gap-rules.js';
import { listIndicators, standardVersionsEffectiveBy, thresholdsOf } from './standards-repository.js';
import { standardsDb, type IndicatorValuesTable } from './standards-schema.js';

// Invented: how each demo value compares with its threshold (cycled), so the matrix shows every colour.
const FACTORS = [1.3, 1.1, 0.8, 1.0, 0.6, 1.5];

/**
 * Indicator values for every demo network institution, derived from the standard its tier and level must meet:
 * some above, some below, some never recorded. Two multi-row inserts: fast. Skipped when any value exists.
 */
export async function seedDemoIndicatorValues(core: CoreContext): Promise<void> {
  const db = standardsDb(core);
  if (await db.selectFrom('network_indicator_values').select('institution_id').limit(1).executeTakeFirst()) return;
  const now = core.clock.now();
  const today = shanghaiDate(now);
  const [institutions, indicators, versions] = await Promise.all([
    db.selectFrom('institutions').select(['id', 'tier', 'accreditation_level_id']).where('tier', 'is not', null).orderBy('path').execute(),
    listIndicators(db), standardVersionsEffectiveBy(db, today),
  ]);
  const standards = institutions.map((i) => standardInForce(versions, i.tier!, i.accreditation_level_id ?? 'none', today));
  const rules = new Map((await thresholdsOf(db, [...new Set(standards.flatMap((s) => s ? [s.id] : []))]))
    .map((t) => [`${t.standard_id}/${t.indicator_code}`, t]));
  const rows: IndicatorValuesTable[] = [];
  institutions.forEach((inst, i) => {
    indicators.forEach((ind, j) => {
      if ((i * 7 + j) % 11 === 0) return; // never recorded: shows as "missing"
      let value: number;
      if (ind.value_type === 'boolean') {
        value = (i + j) % 4 === 0 ? 0 : 1;
      } else {
        const threshold = Number(rules.get(`${standards[i]?.id}/${ind.code}`)?.threshold ?? 0);
        const raw = (threshold > 0 ? threshold : 10 + j) * FACTORS[(i + j) % FACTORS.length]!;
        value = ind.unit === '%' ? Math.min(100, Math.round(raw * 10) / 10) : ind.unit === 'm²' ? Math.round(raw * 10) / 10 : Math.round(raw);
      }
      rows.push({
        institution_id: inst.id, indicator_code: ind.code, value, evidence_note: '示例数据', evidence_file_id: null,
        recorded_by: null, recorded_at: now.toISOString(), version: 1,
      });
    });
  });
  if (rows.length === 0) return;
  await db.transaction().execute(async (trx) => {
    for (let k = 0; k < rows.length; k += 500) {
      const chunk = rows.slice(k, k + 500);
      await trx.insertInto('network_indicator_values').values(chunk).execute();
      await trx.insertInto('network_indicator_value_history').values(chunk.map((r) => ({ id: newId(), ...r }))).execute();
    }
  });
}
