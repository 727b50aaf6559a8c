import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildPartner,
  buildProject,
  buildResource,
  buildTimeEntry,
  buildWorkspace,
  FIXTURE_NOW,
  fixtureId,
} from '../../../../test/helpers/fixtures/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-db.ts';
import {
  countResourcesWithRole,
  countTimeEntriesOf,
  deleteHolidays,
  findResource,
  findTimeOff,
  insertHolidays,
  insertTimeOff,
  selectHolidays,
  selectResources,
  selectResourcesByEmail,
  selectResourcesByName,
  selectTimeOff,
  updateResourceRow,
} from './resource.store.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const names = (rows: { name: string }[]) => rows.map((r) => r.name);

describe('delivery resource store (both databases)', () => {
  it('lists people by name and filters by role, firm, activity, and name or email in any case', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const firm = (await buildPartner(t.db, ws)).id;
    await buildResource(t.db, (await buildWorkspace(t.db)).id, { name: 'Ana Other' });
    await buildResource(t.db, ws, { name: 'Zed', email: 'ANA.Z@example.com', role: 'architect' });
    await buildResource(t.db, ws, { name: 'Ana Ruiz', partner_id: firm });
    await buildResource(t.db, ws, { name: 'Bob', active: 0, email: null });
    const all = { workspaceId: ws, partnerId: null };

    expect(names(await selectResources(t.db, all))).toEqual(['Ana Ruiz', 'Bob', 'Zed']);
    expect(names(await selectResources(t.db, all, { q: 'ana' }))).toEqual(['Ana Ruiz', 'Zed']);
    expect(names(await selectResources(t.db, all, { q: 'a_a' })), 'wildcards dropped').toEqual([]);
    expect(names(await selectResources(t.db, all, { role: 'architect' }))).toEqual(['Zed']);
    expect(names(await selectResources(t.db, all, { active: false }))).toEqual(['Bob']);
    expect(names(await selectResources(t.db, all, { partnerId: firm }))).toEqual(['Ana Ruiz']);
    expect(names(await selectResources(t.db, { workspaceId: ws, partnerId: firm }))).toEqual(['Ana Ruiz']);
  });

  it('keeps a partner firm and other workspaces away from people that are not theirs', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const firm = (await buildPartner(t.db, ws)).id;
    const inHouse = await buildResource(t.db, ws);
    const theirs = await buildResource(t.db, (await buildWorkspace(t.db)).id);
    expect(await findResource(t.db, { workspaceId: ws, partnerId: firm }, inHouse.id)).toBeUndefined();
    expect(await findResource(t.db, { workspaceId: ws, partnerId: null }, inHouse.id)).toEqual(inHouse);
    expect(await findResource(t.db, { workspaceId: ws, partnerId: null }, theirs.id)).toBeUndefined();
    await updateResourceRow(t.db, ws, theirs.id, { name: 'Taken over' });
    expect((await findResource(t.db, { workspaceId: theirs.workspace_id, partnerId: null }, theirs.id))?.name).toBe(
      theirs.name,
    );
  });

  it('finds people by email or name in any case, within the workspace', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const rita = await buildResource(t.db, ws, { name: 'Rita Ops', email: 'Rita@Example.com' });
    await buildResource(t.db, (await buildWorkspace(t.db)).id, { name: 'Rita Ops', email: 'rita@example.com' });
    expect(await selectResourcesByEmail(t.db, ws, 'RITA@example.COM')).toEqual([rita]);
    expect(await selectResourcesByName(t.db, ws, 'rita ops')).toEqual([rita]);
    expect(await selectResourcesByName(t.db, ws, 'rita')).toEqual([]);
  });

  it('counts people by role and the time a person logged', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const ana = await buildResource(t.db, ws, { role: 'consultant' });
    await buildResource(t.db, ws, { role: 'consultant' });
    await buildResource(t.db, ws, { role: 'architect' });
    await buildResource(t.db, (await buildWorkspace(t.db)).id, { role: 'consultant' });
    expect(await countResourcesWithRole(t.db, ws, ['consultant', 'trainer'])).toEqual(new Map([['consultant', 2]]));
    expect(await countResourcesWithRole(t.db, ws, [])).toEqual(new Map());
    const p = await buildProject(t.db, ws);
    await buildTimeEntry(t.db, p, ana.id);
    await buildTimeEntry(t.db, p, ana.id);
    expect(await countTimeEntriesOf(t.db, ws, ana.id)).toBe(2);
    expect(await countTimeEntriesOf(t.db, (await buildWorkspace(t.db)).id, ana.id)).toBe(0);
  });

  it('reads time off by person then start, for some people or all, and finds it only under its person', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const [a, b] = [await buildResource(t.db, ws), await buildResource(t.db, ws)];
    const off = (resource_id: string, starts_on: string) => ({
      id: fixtureId(),
      workspace_id: ws,
      resource_id,
      starts_on,
      ends_on: starts_on,
      reason: null,
      created_at: FIXTURE_NOW,
    });
    const [a2, a1, b1] = [off(a.id, '2026-12-20'), off(a.id, '2026-12-01'), off(b.id, '2026-12-05')];
    for (const o of [a2, a1, b1]) await insertTimeOff(t.db, o);
    expect(await selectTimeOff(t.db, ws, [a.id])).toEqual([a1, a2]);
    expect(await selectTimeOff(t.db, ws, [])).toEqual([]);
    expect((await selectTimeOff(t.db, ws)).map((o) => o.id)).toEqual(
      a.id < b.id ? [a1.id, a2.id, b1.id] : [b1.id, a1.id, a2.id],
    );
    expect(await findTimeOff(t.db, ws, b.id, a1.id)).toBeUndefined();
    expect(await findTimeOff(t.db, ws, a.id, a1.id)).toEqual(a1);
  });

  it("replaces a workspace's holidays, read in date order, leaving other workspaces' alone", async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const other = (await buildWorkspace(t.db)).id;
    const day = (workspace_id: string, on_date: string) => ({ id: fixtureId(), workspace_id, on_date, name: on_date });
    const theirs = day(other, '2026-12-25');
    await insertHolidays(t.db, [day(ws, '2026-12-26'), day(ws, '2026-12-25'), theirs]);
    expect((await selectHolidays(t.db, ws)).map((h) => h.on_date)).toEqual(['2026-12-25', '2026-12-26']);
    await deleteHolidays(t.db, ws);
    await insertHolidays(t.db, []);
    expect(await selectHolidays(t.db, ws)).toEqual([]);
    expect(await selectHolidays(t.db, other)).toEqual([theirs]);
  });
});
