import { sql, type Kysely } from 'kysely';
import { newId } from '../../../core/ids.js';
import { notify } from '../../../core/notifications/notify.js';
import { shanghaiDateOf } from '../catalogue/schedule.js';
import { newCertificateCode } from '../certificates/certificate-code.js';
import { cityRegion } from '../../../core/regions/region-repository.js';
import type { CreditDatabase, CreditTrx } from './credit-schema.js';
import { fromTenths } from '../catalogue/catalogue-format.js';

type Db = Kysely<CreditDatabase>;

/** XF-2026-000123: the city's credit-bank certificates, numbered per year without gaps. */
export function awardNumber(year: number, serial: number): string {
  return `XF-${year}-${String(serial).padStart(6, '0')}`;
}

/** A person's credits (tenths) counted by a rule: one category, or every category for 'any'. */
export async function creditsFor(db: Db | CreditTrx, userId: string, category: string): Promise<number> {
  const row = await db.selectFrom('learning_credit_ledger').select((eb) => eb.fn.sum<number>('credits_tenths').as('total'))
    .where('user_id', '=', userId).$if(category !== 'any', (q) => q.where('category', '=', category)).executeTakeFirst();
  return Number(row?.total ?? 0);
}

/** (user, rule) pairs whose credits reach an active rule's threshold and that have no award yet, by one grouped query. */
async function dueAwards(db: Db, userId?: string) {
  return db.selectFrom('learning_credit_ledger as l')
    .innerJoin('learning_credit_rules as r', (j) => j.on(sql<boolean>`r.category = 'any' or r.category = l.category`))
    .select(['l.user_id', 'r.id as rule_id'])
    .where('r.active', '=', 1)
    .$if(userId !== undefined, (q) => q.where('l.user_id', '=', userId!))
    .where((w) => w.not(w.exists(w.selectFrom('learning_credit_awards as a').select(sql`1`.as('x'))
      .whereRef('a.user_id', '=', 'l.user_id').whereRef('a.rule_id', '=', 'r.id'))))
    .groupBy(['l.user_id', 'r.id', 'r.credits_required_tenths'])
    .having((eb) => eb(eb.fn.sum('l.credits_tenths'), '>=', eb.ref('r.credits_required_tenths')))
    .orderBy('l.user_id').orderBy('r.id')
    .limit(1000).execute();
}

/** Thrown inside an award's transaction when another process awarded first: rolls back its serial with it. */
class AlreadyAwarded extends Error {}

/**
 * Awards one rule to one person, in one transaction: the threshold is checked again inside it, the year's serial is
 * bumped, and the award row is inserted with ON CONFLICT DO NOTHING on (user, rule). If another process got there
 * first nothing is returned, and the transaction is rolled back so the serial is not lost. The notification is
 * written in the same transaction: exactly one message per award.
 */
async function awardOne(db: Db, now: Date, userId: string, ruleId: string): Promise<boolean> {
  try {
    return await db.transaction().execute(async (trx) => {
      const rule = await trx.selectFrom('learning_credit_rules').selectAll().where('id', '=', ruleId).where('active', '=', 1).executeTakeFirst();
      if (!rule) return false;
      const total = await creditsFor(trx, userId, rule.category);
      if (total < rule.credits_required_tenths) return false;
      const year = Number(shanghaiDateOf(now).slice(0, 4));
      const counter = await trx.insertInto('learning_credit_award_counters').values({ year, last_serial: 1 })
        .onConflict((oc) => oc.column('year').doUpdateSet({ last_serial: sql<number>`learning_credit_award_counters.last_serial + 1` }))
        .returning('last_serial').executeTakeFirstOrThrow();
      const serial = Number(counter.last_serial);
      // The names as of today are what the printed sheet and the public verify page show from now on.
      const person = await trx.selectFrom('users').select(['real_name', 'display_name']).where('id', '=', userId).executeTakeFirstOrThrow();
      const city = await cityRegion(trx as never);
      const inserted = await trx.insertInto('learning_credit_awards').values({
        id: newId(), user_id: userId, rule_id: rule.id, rule_version: rule.version, award_title: rule.award_title, category: rule.category,
        credits_required_tenths: rule.credits_required_tenths, credits_tenths: total, year, serial, number: awardNumber(year, serial),
        code: newCertificateCode(), awarded_at: now.toISOString(), holder_name: person.real_name || person.display_name, issuer_name: city?.name ?? '',
      }).onConflict((oc) => oc.columns(['user_id', 'rule_id']).doNothing()).returning('id').executeTakeFirst();
      if (!inserted) throw new AlreadyAwarded();
      await notify(trx, now, { userId, topic: 'learning.credit.awarded', link: '/account/record',
        params: { title: rule.award_title, credits: fromTenths(total), number: awardNumber(year, serial) } });
      return true;
    });
  } catch (err) {
    if (err instanceof AlreadyAwarded) return false;
    throw err;
  }
}

/** Applies the active conversion rules to everyone (or one person); returns how many awards this call made. */
export async function applyConversionRules(db: Db, now: Date, userId?: string): Promise<number> {
  let made = 0;
  for (const due of await dueAwards(db, userId)) {
    if (await awardOne(db, now, due.user_id, due.rule_id)) made++;
  }
  return made;
}
