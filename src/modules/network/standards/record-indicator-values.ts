import type { CoreContext } from '../../../core/context.js';
import type { Actor, RequestContext } from '../../../core/access/actor.js';
import { isInScope } from '../../../core/access/scope.js';
import { conflict, invalid, notFound } from '../../../core/http/errors.js';
import { newId } from '../../../core/ids.js';
import { checkIndicatorValues, type IndicatorValueEntry } from './value-rules.js';
import { currentValuesOf, findNetworkInstitution, listIndicators } from './standards-repository.js';
import { standardsDb } from './standards-schema.js';
import { auditStandards } from './standards-audit.js';
import { evidenceFileErrors } from '../media/media-repository.js';

/**
 * Records an institution's indicator values with their evidence, all or nothing: every entry is validated first
 * (field errors name each bad one), each carries the version it was read at (0 for a first value) and a stale
 * one is a 409. Each change also goes to the append-only history that past-dated gap reports read.
 */
export async function recordIndicatorValues(core: CoreContext, ctx: RequestContext & { actor: Actor }, institutionId: string,
  entries: IndicatorValueEntry[]): Promise<void> {
  const now = core.clock.now();
  const at = now.toISOString();
  await standardsDb(core).transaction().execute(async (trx) => {
    const institution = await findNetworkInstitution(trx, institutionId);
    if (!institution || !isInScope(ctx.actor, 'network.indicator.record', institution.path)) throw notFound('network.institution.not_found');
    const catalogue = new Map((await listIndicators(trx)).map((i) => [i.code, { code: i.code, valueType: i.value_type, unit: i.unit }]));
    const { errors, values } = checkIndicatorValues(entries, catalogue);
    const existing = new Map((await currentValuesOf(trx, institutionId)).map((r) => [r.indicator_code, r]));
    // An evidence file must be one uploaded for this institution (media/); an id already recorded for the indicator stays.
    errors.push(...await evidenceFileErrors(trx, institutionId, entries,
      (i) => existing.get(entries[i]!.code)?.evidence_file_id === entries[i]!.evidenceFileId));
    if (errors.length > 0) throw invalid(errors);
    const before: Record<string, unknown> = {};
    const after: Record<string, unknown> = {};
    for (const [i, entry] of entries.entries()) {
      const old = existing.get(entry.code);
      if ((old?.version ?? 0) !== entry.version) throw conflict('network.indicator.stale', { code: entry.code });
      const value = values[i]!;
      const note = (entry.evidenceNote ?? '').trim();
      const fileId = entry.evidenceFileId ?? null;
      if (old && Number(old.value) === value && old.evidence_note === note && old.evidence_file_id === fileId) continue;
      const version = (old?.version ?? 0) + 1;
      const fields = { value, evidence_note: note, evidence_file_id: fileId, recorded_by: ctx.actor.userId, recorded_at: at, version };
      if (old) {
        // The version in the WHERE makes a concurrent save that committed first turn this one into a 409.
        const result = await trx.updateTable('network_indicator_values').set(fields)
          .where('institution_id', '=', institutionId).where('indicator_code', '=', entry.code).where('version', '=', old.version)
          .executeTakeFirst();
        if (Number(result.numUpdatedRows) !== 1) throw conflict('network.indicator.stale', { code: entry.code });
      } else {
        await trx.insertInto('network_indicator_values').values({ institution_id: institutionId, indicator_code: entry.code, ...fields }).execute();
      }
      await trx.insertInto('network_indicator_value_history')
        .values({ id: newId(), institution_id: institutionId, indicator_code: entry.code, ...fields }).execute();
      before[entry.code] = old ? Number(old.value) : null;
      after[entry.code] = value;
    }
    if (Object.keys(after).length === 0) return;
    await auditStandards(trx, ctx, {
      action: 'network.indicator.record', targetType: 'institution', targetId: institutionId, before, after,
    }, now);
  });
}
