import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { ProblemRefs } from '../http/route-schemas.js';
import { PageQuery, pageOf, pageParams } from '../http/pagination.js';
import { verifyAuditChain } from './audit-verify.js';
import { sql } from 'kysely';
import { containsText, startsWith } from '../db/text-match.js';

const AuditEntrySchema = Type.Object({
  seq: Type.Integer(), at: Type.String(), actorId: Type.Union([Type.String(), Type.Null()]),
  actorName: Type.Union([Type.String(), Type.Null()]), role: Type.Union([Type.String(), Type.Null()]),
  scope: Type.Union([Type.String(), Type.Null()]), action: Type.String(),
  targetType: Type.Union([Type.String(), Type.Null()]), targetId: Type.Union([Type.String(), Type.Null()]),
  outcome: Type.Union([Type.Literal('success'), Type.Literal('failure')]),
  before: Type.Unknown(), after: Type.Unknown(),
  ip: Type.Union([Type.String(), Type.Null()]), requestId: Type.Union([Type.String(), Type.Null()]),
});

const AuditQuery = Type.Object({
  ...PageQuery,
  actor: Type.Optional(Type.String({ maxLength: 64 })),
  action: Type.Optional(Type.String({ maxLength: 64 })),
  outcome: Type.Optional(Type.Union([Type.Literal('success'), Type.Literal('failure')])),
  targetType: Type.Optional(Type.String({ maxLength: 40 })),
  targetId: Type.Optional(Type.String({ maxLength: 64 })),
  from: Type.Optional(Type.String({ format: 'date-time' })),
  to: Type.Optional(Type.String({ format: 'date-time' })),
}, { additionalProperties: false });

/** The `at` column carries +08:00; filter bounds are converted to the same form so text comparison holds. */
function toShanghai(iso: string): string {
  const d = new Date(Date.parse(iso) + 8 * 3600_000);
  return d.toISOString().slice(0, 19) + '+08:00';
}

export const auditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const db = app.core.db;
  app.get('/api/v1/audit', {
    config: { access: 'core.audit.read' },
    schema: { tags: ['audit'], summary: 'Audit log, newest first', querystring: AuditQuery, response: { 200: pageOf(AuditEntrySchema), ...ProblemRefs(400, 401, 403) } },
  }, async (request) => {
    const q = request.query;
    const page = pageParams(q);
    const base = db.selectFrom('audit_log')
      .$if(Boolean(q.actor), (b) => b.where(containsText(sql.ref('actor_name'), q.actor!)))
      .$if(Boolean(q.action), (b) => b.where(startsWith(sql.ref('action'), q.action!)))
      .$if(Boolean(q.outcome), (b) => b.where('outcome', '=', q.outcome!))
      .$if(Boolean(q.targetType), (b) => b.where('target_type', '=', q.targetType!))
      .$if(Boolean(q.targetId), (b) => b.where('target_id', '=', q.targetId!))
      .$if(Boolean(q.from), (b) => b.where('at', '>=', toShanghai(q.from!)))
      .$if(Boolean(q.to), (b) => b.where('at', '<=', toShanghai(q.to!)));
    const [rows, count] = await Promise.all([
      base.selectAll().orderBy('seq', 'desc').limit(page.pageSize).offset(page.offset).execute(),
      base.select((eb) => eb.fn.countAll<number>().as('n')).executeTakeFirstOrThrow(),
    ]);
    return {
      items: rows.map((r) => ({
        seq: r.seq, at: r.at, actorId: r.actor_id, actorName: r.actor_name, role: r.actor_role, scope: r.actor_scope,
        action: r.action, targetType: r.target_type, targetId: r.target_id, outcome: r.outcome,
        before: r.before_json ? JSON.parse(r.before_json) : null, after: r.after_json ? JSON.parse(r.after_json) : null,
        ip: r.ip, requestId: r.request_id,
      })),
      total: Number(count.n), page: page.page, pageSize: page.pageSize,
    };
  });

  app.get('/api/v1/audit/verify', {
    config: { access: 'core.audit.read' },
    schema: {
      tags: ['audit'], summary: 'Walk the hash chain and report the first broken entry',
      response: { 200: Type.Object({ ok: Type.Boolean(), checked: Type.Integer(), firstBadSeq: Type.Union([Type.Integer(), Type.Null()]), reason: Type.Union([Type.String(), Type.Null()]) }), ...ProblemRefs(401, 403) },
    },
  }, async () => verifyAuditChain(db));
};
