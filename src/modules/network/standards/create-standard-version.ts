import type { CoreContext } from '../../../core/context.js';
import type { RequestContext } from '../../../core/access/actor.js';
import { invalid, type FieldError } from '../../../core/http/errors.js';
import { newId } from '../../../core/ids.js';
import type { InstitutionTier } from '../institutions/institutions-schema.js';
import { isCalendarDate, shanghaiDate } from './gap-rules.js';
import { MAX_INDICATOR_VALUE } from './value-rules.js';
import { latestStandardVersion, listIndicators } from './standards-repository.js';
import { standardsDb, type StandardThresholdsTable } from './standards-schema.js';
import { auditStandards } from './standards-audit.js';

export interface CreateStandardInput {
  tier: InstitutionTier;
  levelId: string;
  effectiveFrom?: string;
  note?: string;
  thresholds: { code: string; threshold?: number | null; required?: boolean }[];
}

/**
 * Creates the next version of the standard for a tier and level (the city's way to change a threshold): old
 * versions are never rewritten. It may take effect today at the earliest, and not before the version it replaces,
 * so the standard in force on any past date — and so every past gap report — stays as it was.
 */
export async function createStandardVersion(core: CoreContext, ctx: RequestContext, input: CreateStandardInput): Promise<string> {
  const now = core.clock.now();
  const today = shanghaiDate(now);
  return standardsDb(core).transaction().execute(async (trx) => {
    const errors: FieldError[] = [];
    const level = await trx.selectFrom('network_accreditation_levels').select('id').where('id', '=', input.levelId).executeTakeFirst();
    if (!level) errors.push({ field: 'levelId', code: 'unknown', messageId: 'network.standard.unknown_level' });
    const latest = level ? await latestStandardVersion(trx, input.tier, input.levelId) : undefined;
    const effectiveFrom = input.effectiveFrom ?? today;
    if (!isCalendarDate(effectiveFrom)) {
      errors.push({ field: 'effectiveFrom', code: 'format', messageId: 'network.gap.bad_date' });
    } else if (effectiveFrom < today || (latest && effectiveFrom < latest.effective_from)) {
      errors.push({ field: 'effectiveFrom', code: 'too_early', messageId: 'network.standard.effective_too_early',
        params: { today, latest: latest?.effective_from ?? today } });
    }
    const catalogue = new Map((await listIndicators(trx)).map((i) => [i.code, i]));
    const id = newId();
    const rows: StandardThresholdsTable[] = [];
    const seen = new Set<string>();
    input.thresholds.forEach((t, i) => {
      const at = (name: string) => `thresholds.${i}.${name}`;
      const indicator = catalogue.get(t.code);
      if (!indicator) { errors.push({ field: at('code'), code: 'unknown', messageId: 'network.standard.unknown_indicator', params: { code: t.code.slice(0, 40) } }); return; }
      if (seen.has(t.code)) { errors.push({ field: at('code'), code: 'duplicate', messageId: 'network.standard.duplicate_indicator', params: { code: t.code } }); return; }
      seen.add(t.code);
      if (indicator.value_type === 'boolean') {
        if (typeof t.required !== 'boolean') errors.push({ field: at('required'), code: 'required', messageId: 'network.standard.required_flag' });
        else rows.push({ standard_id: id, indicator_code: t.code, threshold: null, required: t.required ? 1 : 0 });
        return;
      }
      const n = t.threshold;
      if (typeof n !== 'number' || !Number.isFinite(n) || n < 0 || n > MAX_INDICATOR_VALUE) {
        errors.push({ field: at('threshold'), code: 'invalid', messageId: 'network.standard.threshold_number' });
      } else if (indicator.unit === '%' && n > 100) {
        errors.push({ field: at('threshold'), code: 'out_of_range', messageId: 'network.indicator.percent_range' });
      } else {
        rows.push({ standard_id: id, indicator_code: t.code, threshold: n, required: null });
      }
    });
    if (errors.length > 0) throw invalid(errors);
    const row = {
      id, tier: input.tier, level_id: input.levelId, version: (latest?.version ?? 0) + 1, effective_from: effectiveFrom,
      note: (input.note ?? '').trim(), created_by: ctx.actor?.userId ?? null, created_at: now.toISOString(),
    };
    // A concurrent creation of the same version hits the unique (tier, level, version) index: 409, nothing written.
    await trx.insertInto('network_standards').values(row).execute();
    if (rows.length > 0) await trx.insertInto('network_standard_thresholds').values(rows).execute();
    await auditStandards(trx, ctx, {
      action: 'network.standard.create', targetType: 'network_standard', targetId: id,
      before: latest ? { id: latest.id, version: latest.version } : null,
      after: { ...row, thresholds: Object.fromEntries(rows.map((r) => [r.indicator_code, r.threshold ?? r.required])) },
    }, now);
    return id;
  });
}
