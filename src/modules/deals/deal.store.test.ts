import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildDeal, buildWorkspace } from '../../../test/helpers/fixtures/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-db.ts';
import {
  countDealsByState,
  findDeal,
  selectDealFacts,
  selectDeals,
  selectDealsByExternalIds,
  selectDealsInState,
  selectDealsWithoutAccount,
  selectStageMappings,
  setAccountOfDeals,
  updateDealsCategory,
  upsertStageMapping,
} from './deal.store.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

describe('deal store (both databases)', () => {
  it("lists a workspace's deals newest change first and pages by (updated_at, id) through equal times", async () => {
    const ws = (await buildWorkspace(t.db)).id;
    await buildDeal(t.db, (await buildWorkspace(t.db)).id, { updated_at: '2026-11-30T00:00:00.000Z' });
    const old = await buildDeal(t.db, ws, { updated_at: '2026-11-01T00:00:00.000Z' });
    const a = await buildDeal(t.db, ws, { updated_at: '2026-11-10T00:00:00.000Z' });
    const b = await buildDeal(t.db, ws, { updated_at: '2026-11-10T00:00:00.000Z' });
    const newest = await buildDeal(t.db, ws, { updated_at: '2026-11-12T00:00:00.000Z' });

    const first = await selectDeals(t.db, t.caps, ws, { limit: 2 });
    expect(ids(first)).toEqual([newest.id, b.id]);
    const before = { updatedAt: first[1]!.updated_at, id: first[1]!.id };
    expect(ids(await selectDeals(t.db, t.caps, ws, { before, limit: 2 }))).toEqual([a.id, old.id]);
    expect(
      await selectDeals(t.db, t.caps, ws, { before: { updatedAt: old.updated_at, id: old.id }, limit: 2 }),
    ).toEqual([]);
  });

  it('filters by journey states, by name in any case and by account', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const account = await buildAccount(t.db, ws);
    const pending = await buildDeal(t.db, ws, { name: 'Northwind renewal' });
    const open = await buildDeal(t.db, ws, { name: 'Northwind pilot', journey_state: 'open', account_id: account.id });
    const confirmed = await buildDeal(t.db, ws, { name: 'Globex', journey_state: 'confirmed' });
    const list = async (f: Omit<Parameters<typeof selectDeals>[3], 'limit'>) =>
      ids(await selectDeals(t.db, t.caps, ws, { ...f, limit: 10 })).sort();

    expect(await list({ states: ['open', 'confirmed'] })).toEqual([open.id, confirmed.id].sort());
    expect(await list({ states: [] }), 'no states: every state').toHaveLength(3);
    expect(await list({ q: 'NORTHWIND' })).toEqual([pending.id, open.id].sort());
    expect(await list({ q: 'north%' }), 'wildcards dropped, not matched').toEqual([pending.id, open.id].sort());
    expect(await list({ accountId: account.id })).toEqual([open.id]);
    expect(await countDealsByState(t.db, ws)).toEqual({ pending_confirmation: 1, open: 1, confirmed: 1 });
    expect(ids(await selectDealsInState(t.db, ws, 'confirmed'))).toEqual([confirmed.id]);
  });

  it("finds deals by source and external id, and never another workspace's or source's", async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const other = (await buildWorkspace(t.db)).id;
    const mine = await buildDeal(t.db, ws, { external_id: 'OPP-X' });
    await buildDeal(t.db, ws, { external_id: 'OPP-X', source: 'hubspot' });
    const theirs = await buildDeal(t.db, other, { external_id: 'OPP-X' });
    expect(await selectDealsByExternalIds(t.db, ws, 'salesforce', ['OPP-X', 'OPP-none'])).toEqual([mine]);
    expect(await findDeal(t.db, ws, theirs.id)).toBeUndefined();
    expect(await findDeal(t.db, other, theirs.id)).toEqual(theirs);
    const facts = await selectDealFacts(t.db, ws, [mine.id, theirs.id]);
    expect(facts).toEqual([
      {
        id: mine.id,
        name: mine.name,
        amount: 120_000,
        currency: 'USD',
        signed_date: '2026-10-14',
        account_name: null,
        products: '["Platform"]',
      },
    ]);
  });

  it('recategorises deals, keeping a first confirmation time and setting reopened only when given', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const first = await buildDeal(t.db, ws, { confirmed_at: '2026-11-01T00:00:00.000Z', journey_state: 'confirmed' });
    const never = await buildDeal(t.db, ws);
    const untouched = await buildDeal(t.db, ws);
    const at = '2026-11-21T00:00:00.000Z';
    await updateDealsCategory(t.db, ws, [first.id, never.id], {
      category: 'won',
      state: 'confirmed',
      confirmedAt: at,
      reopenedAt: null,
      updatedAt: at,
    });
    expect(await findDeal(t.db, ws, first.id)).toMatchObject({
      confirmed_at: '2026-11-01T00:00:00.000Z',
      reopened_at: null,
    });
    expect(await findDeal(t.db, ws, never.id)).toMatchObject({
      confirmed_at: at,
      journey_state: 'confirmed',
      updated_at: at,
    });
    expect(await findDeal(t.db, ws, untouched.id)).toEqual(untouched);

    await updateDealsCategory(t.db, ws, [first.id], {
      category: 'open',
      state: 'reopened',
      confirmedAt: null,
      reopenedAt: at,
      updatedAt: at,
    });
    expect(await findDeal(t.db, ws, first.id)).toMatchObject({
      stage_category: 'open',
      journey_state: 'reopened',
      reopened_at: at,
      confirmed_at: '2026-11-01T00:00:00.000Z',
    });
    // Another workspace's id in the list changes nothing there.
    const other = (await buildWorkspace(t.db)).id;
    const theirs = await buildDeal(t.db, other);
    await updateDealsCategory(t.db, ws, [theirs.id], {
      category: 'lost',
      state: 'lost',
      confirmedAt: null,
      reopenedAt: null,
      updatedAt: at,
    });
    expect(await findDeal(t.db, other, theirs.id)).toEqual(theirs);
  });

  it('pages deals waiting for an account in id order, and links only those still without one', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const account = await buildAccount(t.db, ws);
    const byName = await buildDeal(t.db, ws, { account_name: 'Northwind' });
    await buildDeal(t.db, ws, { account_name: null, account_external_id: null });
    const linked = await buildDeal(t.db, ws, { account_name: 'Linked', account_id: account.id });
    const byCrmId = await buildDeal(t.db, ws, { account_external_id: '001A' });
    await buildDeal(t.db, (await buildWorkspace(t.db)).id, { account_name: 'Northwind' });

    const page = await selectDealsWithoutAccount(t.db, ws, null, 1);
    expect(ids(page)).toEqual([byName.id]);
    expect(await selectDealsWithoutAccount(t.db, ws, byName.id, 5)).toEqual([
      { id: byCrmId.id, source: 'salesforce', account_external_id: '001A', account_name: null },
    ]);

    const other = await buildAccount(t.db, ws);
    expect(await setAccountOfDeals(t.db, ws, other.id, [byName.id, linked.id])).toBe(1);
    expect((await findDeal(t.db, ws, linked.id))?.account_id).toBe(account.id);
    expect((await findDeal(t.db, ws, byName.id))?.account_id).toBe(other.id);
    expect(await setAccountOfDeals(t.db, ws, other.id, [])).toBe(0);
  });

  it('upserts a stage mapping by (source, pipeline, stage): category and label change, the rest stays', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const row = {
      workspace_id: ws,
      source: 'hubspot',
      pipeline: 'default',
      stage: 'closedwon',
      category: 'open',
      label: 'Closed won',
      pipeline_label: 'Sales',
      probability: 100,
      display_order: 3,
    };
    await upsertStageMapping(t.db, row);
    await upsertStageMapping(t.db, { ...row, category: 'won', label: 'Won', probability: 5, display_order: 9 });
    expect(await selectStageMappings(t.db, ws)).toEqual([{ ...row, category: 'won', label: 'Won' }]);
    expect(await selectStageMappings(t.db, (await buildWorkspace(t.db)).id)).toEqual([]);
  });
});
