import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type Client, type TestApp } from '../../../../test/support/test-app.js';
import { testDialects } from '../../../../test/support/databases.js';
import { centerOf, TOWN_IDS } from '../../../../test/support/demo-roles.js';

/** Every page of a paged API list. */
async function allPages(client: Client, url: string): Promise<any[]> {
  const items: any[] = [];
  for (let page = 1; ; page += 1) {
    const res = await client.get(`${url}${url.includes('?') ? '&' : '?'}page=${page}&pageSize=100`);
    expect(res.status, res.raw).toBe(200);
    items.push(...res.body.items);
    if (items.length >= res.body.total || res.body.items.length === 0) return items;
  }
}

const tally = <T>(items: T[], key: (item: T) => string) => {
  const counts: Record<string, number> = {};
  for (const item of items) counts[key(item)] = (counts[key(item)] ?? 0) + 1;
  return counts;
};
const nonZero = (rows: { count: number }[], key: string) =>
  Object.fromEntries(rows.filter((r) => r.count > 0).map((r) => [(r as any)[key], r.count]));

/** What the dashboard should say, computed here from the API's own lists as the given user sees them. */
async function expectedFor(client: Client) {
  const institutions = await allPages(client, '/api/v1/network/institutions?status=active');
  const active = new Map(institutions.map((i) => [i.id, i]));
  const people = (await allPages(client, '/api/v1/network/people?status=active')).filter((p) => active.has(p.institutionId));
  const matrix = (await client.get('/api/v1/network/gap-matrix')).body;
  const summary = (await client.get('/api/v1/network/accreditation/summary')).body;
  return { institutions, active, people, matrix, summary };
}

describe.each(testDialects())('network dashboard statistics on %s', (kind) => {
  let t: TestApp;
  let admin: Client;
  let town: Client;

  beforeAll(async () => {
    t = await createTestApp(kind);
    [admin, town] = await Promise.all([t.login('admin'), t.login('town')]);
    // A retired institution and a person who left must not be counted.
    const center1 = (await centerOf(t, TOWN_IDS[0]!)).id;
    const made = await town.post('/api/v1/network/institutions', { name: '柳泉镇已撤销老年学校', tier: 'base', kind: 'seniors_school', regionId: TOWN_IDS[0], parentCenterId: center1 });
    expect(made.status, made.raw).toBe(201);
    expect((await town.post(`/api/v1/network/institutions/${made.body.id}/retire`, { version: made.body.version })).status).toBe(200);
  });
  afterAll(async () => { await t.close(); });

  it('the city admin\'s figures agree with the institution, people, gap-matrix and accreditation lists', async () => {
    const res = await admin.get('/api/v1/network/dashboard');
    expect(res.status, res.raw).toBe(200);
    const d = res.body;
    const { institutions, active, people, matrix, summary } = await expectedFor(admin);
    expect(institutions.length).toBeGreaterThan(20);

    expect(nonZero(d.byTier, 'tier')).toEqual(tally(institutions, (i) => i.tier));
    expect(nonZero(d.byKind, 'kind')).toEqual(tally(institutions, (i) => i.kind));

    const regions = (await t.anonymous().get('/api/v1/regions')).body.items;
    const towns = regions.filter((r: any) => r.level === 'town');
    expect(d.byTown.map((r: any) => r.townId)).toEqual(towns.map((r: any) => r.id));
    const byTown = tally(institutions, (i) => i.town.id);
    const centersByTown = tally(institutions.filter((i) => i.tier === 'center'), (i) => i.town.id);
    const staffOf = (townId: string, employment: string) =>
      people.filter((p) => active.get(p.institutionId).town.id === townId && p.employment === employment).length;
    for (const row of d.byTown) {
      const townRegion = towns.find((r: any) => r.id === row.townId);
      expect(row.townName).toBe(townRegion.name);
      expect(row.institutions).toBe(byTown[row.townId] ?? 0);
      expect(row.centers).toBe(centersByTown[row.townId] ?? 0);
      expect(row.staff).toEqual({
        fullTime: staffOf(row.townId, 'full_time'), partTime: staffOf(row.townId, 'part_time'), volunteer: staffOf(row.townId, 'volunteer'),
        total: people.filter((p) => active.get(p.institutionId).town.id === row.townId).length,
      });
      expect(row.population).toBe(townRegion.population);
      expect(row.staffPerThousand).toBeCloseTo((row.staff.total / townRegion.population) * 1000, 3);
    }
    expect(d.byTown.reduce((sum: number, r: any) => sum + r.staff.total, 0)).toBe(people.length);
    expect(people.length).toBeGreaterThan(0);

    expect(d.accreditation.map((l: any) => [l.levelId, l.count])).toEqual(summary.levels.map((l: any) => [l.id, l.count]));
    expect(d.accreditation.reduce((sum: number, l: any) => sum + l.count, 0)).toBe(tally(institutions, (i) => i.tier).center);

    const rows = matrix.rows;
    expect(d.gaps.institutionsChecked).toBe(rows.length);
    expect(d.gaps.shortOfCurrentLevel).toBe(rows.filter((r: any) => r.cells.some((c: any) => c.status === 'short')).length);
    expect(d.gaps.meetingStandard).toBe(rows.filter((r: any) => r.standard && r.cells.every((c: any) => c.status === 'met' || c.status === 'not_applicable')).length);
    expect(d.gaps.byIndicator.map((i: any) => i.code)).toEqual(matrix.indicators.map((i: any) => i.code));
    for (const ind of d.gaps.byIndicator) {
      expect(ind.short, ind.code).toBe(rows.filter((r: any) => r.cells.find((c: any) => c.code === ind.code).status === 'short').length);
    }
    expect(d.gaps.byIndicator.some((i: any) => i.short > 0)).toBe(true);
  });

  it('a town admin sees only their town; an institution admin only their institution; other roles are refused', async () => {
    const d = (await town.get('/api/v1/network/dashboard')).body;
    expect(d.byTown.map((r: any) => r.townId)).toEqual([TOWN_IDS[0]]);
    const { institutions, people, matrix } = await expectedFor(town);
    expect(institutions.every((i) => i.town.id === TOWN_IDS[0])).toBe(true);
    expect(d.byTown[0].institutions).toBe(institutions.length);
    expect(d.byTown[0].staff.total).toBe(people.length);
    expect(d.byTier.reduce((sum: number, r: any) => sum + r.count, 0)).toBe(institutions.length);
    expect(d.gaps.institutionsChecked).toBe(matrix.rows.length);
    const city = (await admin.get('/api/v1/network/dashboard')).body;
    expect(d.byTier.reduce((sum: number, r: any) => sum + r.count, 0)).toBeLessThan(city.byTier.reduce((sum: number, r: any) => sum + r.count, 0));

    const staff = (await (await t.login('staff')).get('/api/v1/network/dashboard')).body;
    expect(staff.byTown.map((r: any) => r.townId)).toEqual([TOWN_IDS[0]]);
    expect(staff.byTown[0].institutions).toBe(1);
    expect(staff.gaps.institutionsChecked).toBe(1);

    const inspector = await (await t.login('inspector')).get('/api/v1/network/dashboard');
    expect(inspector.status).toBe(200);
    expect(inspector.body.byTown).toHaveLength(8);
    expect((await (await t.login('teacher')).get('/api/v1/network/dashboard')).status).toBe(403);
    expect((await t.anonymous().get('/api/v1/network/dashboard')).status).toBe(401);
  });
});
