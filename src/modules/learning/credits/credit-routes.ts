import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from '@sinclair/typebox';
import { actorContext } from '../../../core/http/request-context.js';
import { IdParams, ProblemRefs } from '../../../core/http/route-schemas.js';
import { notFound } from '../../../core/http/errors.js';
import './i18n/messages.js';
import { creditDb } from './credit-schema.js';
import { createRule, updateRule } from './credit-rule-commands.js';
import { listRules, ruleById } from './credit-queries.js';
import { CreateRuleBody, RuleSchema, UpdateRuleBody } from './credit-rule-schemas.js';

export const CREDIT_RULES_MANAGE = 'learning.credit_rule.manage';

/** The city's conversion rules (学分转换): city admins list, create, edit and deactivate them; every change audited. */
export const creditRoutes: FastifyPluginAsyncTypebox = async (app) => {
  const core = app.core;
  const db = creditDb(core);
  const tags = ['learning'];
  const base = '/api/v1/learning/credit-rules';

  const found = async (id: string) => {
    const rule = await ruleById(db, id);
    if (!rule) throw notFound('learning.credit.rule.not_found');
    return rule;
  };

  app.get(base, {
    config: { access: CREDIT_RULES_MANAGE },
    schema: { tags, summary: 'Conversion rules with how many people each has awarded', response: { 200: Type.Object({ items: Type.Array(RuleSchema) }), ...ProblemRefs(401, 403) } },
  }, async () => ({ items: await listRules(db) }));

  app.post(base, {
    config: { access: CREDIT_RULES_MANAGE },
    schema: { tags, summary: 'Create a rule: credits in a category (or any) → a city certificate, applied automatically', body: CreateRuleBody, response: { 201: RuleSchema, ...ProblemRefs(400, 401, 403) } },
  }, async (request, reply) => {
    const id = await createRule(core, actorContext(request), request.body);
    return reply.code(201).send(await found(id));
  });

  app.put(`${base}/:id`, {
    config: { access: CREDIT_RULES_MANAGE },
    schema: { tags, summary: 'Edit or deactivate a rule (send the version you read: a stale one gets 409)', params: IdParams, body: UpdateRuleBody, response: { 200: RuleSchema, ...ProblemRefs(400, 401, 403, 404, 409) } },
  }, async (request) => {
    await updateRule(core, actorContext(request), request.params.id, request.body);
    return found(request.params.id);
  });
};
