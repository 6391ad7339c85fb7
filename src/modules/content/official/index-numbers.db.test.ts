import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../../../test/support/test-app.js';
import { testDialects } from '../../../../test/support/databases.js';
import { fakeClock } from '../../../../test/support/fake-clock.js';
import { cityScope, grantRole, officialDraft, publishThroughWorkflow } from '../items/item-test-fixtures.js';

const ORGAN = 'PAR00001';
const PARALLEL = 20;

describe.each(testDialects())('index numbers under parallel publication on %s', (kind) => {
  let t: TestApp;
  beforeAll(async () => {
    t = await createTestApp(kind, { clock: fakeClock('2027-06-01T03:00:00.000Z') });
    await grantRole(t, 'inspector', 'reviewer', await cityScope(t));
  });
  afterAll(async () => { await t.close(); });

  it(`${PARALLEL} concurrent publications of one organ and year get serials 1…${PARALLEL}, no gap, no duplicate`, async () => {
    const [editor, reviewer, reviewer2, admin] = [await t.login('editor'), await t.login('reviewer'), await t.login('inspector'), await t.login('admin')];
    const ids: string[] = [];
    for (let i = 0; i < PARALLEL; i++) {
      ids.push(await publishThroughWorkflow({ editor, reviewers: [reviewer, reviewer2], signer: admin }, officialDraft({}, { organCode: ORGAN })));
    }
    const started = performance.now();
    const results = await Promise.all(ids.map((id) => editor.post(`/api/v1/content/items/${id}/publish`, {})));
    const elapsed = performance.now() - started;
    expect(results.map((r) => r.status), results.map((r) => r.raw).join('\n')).toEqual(ids.map(() => 200));
    const numbers = results.map((r) => r.body.official.indexNumber as string).sort();
    expect(numbers).toEqual(Array.from({ length: PARALLEL }, (_, i) => `${ORGAN}/2027-${String(i + 1).padStart(5, '0')}`));
    const counter = await (t.app.database.db as any).selectFrom('content_index_counters').selectAll().where('organ_code', '=', ORGAN).executeTakeFirstOrThrow();
    expect(Number(counter.last_serial)).toBe(PARALLEL);
    // A second publish request for the same items is refused and consumes no number.
    const again = await editor.post(`/api/v1/content/items/${ids[0]}/publish`, {});
    expect(again.status).toBe(409);
    expect(Number((await (t.app.database.db as any).selectFrom('content_index_counters').select('last_serial').where('organ_code', '=', ORGAN).executeTakeFirstOrThrow()).last_serial)).toBe(PARALLEL);
    console.log(`[${kind}] ${PARALLEL} parallel publications in ${elapsed.toFixed(0)} ms`);
  });
});
