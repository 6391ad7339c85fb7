import type { Kysely } from 'kysely';
import { maskName } from '../../../core/pii/mask.js';
import { fromTenths } from '../catalogue/catalogue-format.js';
import type { CreditDatabase, LearningCreditAwardsTable } from './credit-schema.js';

type Db = Kysely<CreditDatabase>;

/**
 * A credit-bank award as its printed sheet and the verify page show it; `holderName` full only to the holder.
 * Awards are never revoked: the ledger is append-only and a certificate revoked after its credits counted takes them
 * back with a correction row, but an award records the credits counted on the day it was made, so it stays valid
 * even when a later correction brings the total back under the rule's threshold (apply-rules never awards twice).
 */
export function presentAward(a: LearningCreditAwardsTable, options: { masked: boolean }) {
  return {
    id: a.id, code: a.code, number: a.number, holderName: options.masked ? maskName(a.holder_name) : a.holder_name, title: a.award_title,
    category: a.category, creditsRequired: fromTenths(a.credits_required_tenths), credits: fromTenths(a.credits_tenths),
    issuerName: a.issuer_name, issuedAt: a.awarded_at, revokedAt: null, valid: true,
  };
}
export type AwardView = ReturnType<typeof presentAward>;

export function awardById(db: Db, id: string) {
  return db.selectFrom('learning_credit_awards').selectAll().where('id', '=', id).executeTakeFirst();
}

export function awardByCode(db: Db, code: string) {
  return db.selectFrom('learning_credit_awards').selectAll().where('code', '=', code).executeTakeFirst();
}
