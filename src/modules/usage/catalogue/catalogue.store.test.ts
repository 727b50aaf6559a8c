import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildWorkspace, FIXTURE_NOW } from '../../../../test/helpers/fixtures/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-db.ts';
import {
  deleteFeature,
  deletePlan,
  findFeature,
  findPlan,
  insertFeature,
  replaceFeatureEvents,
  selectFeatureEvents,
  selectFeatures,
  selectPlans,
  updateFeature,
  upsertPlan,
} from './catalogue.store.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const feature = (workspace_id: string, key: string) => ({
  workspace_id,
  key,
  name: key.toUpperCase(),
  plans: '[]',
  created_at: FIXTURE_NOW,
  updated_at: FIXTURE_NOW,
});

describe('feature catalogue store (both databases)', () => {
  it("lists a workspace's features by key, changes and removes one there only", async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const other = (await buildWorkspace(t.db)).id;
    for (const key of ['sso', 'reports']) await insertFeature(t.db, feature(ws, key));
    await insertFeature(t.db, feature(other, 'sso'));
    expect((await selectFeatures(t.db, ws)).map((f) => f.key)).toEqual(['reports', 'sso']);
    const later = '2026-11-21T00:00:00.000Z';
    await updateFeature(t.db, ws, 'sso', { name: 'Single sign-on', plans: '["enterprise"]', updated_at: later });
    expect(await findFeature(t.db, ws, 'sso')).toEqual({
      ...feature(ws, 'sso'),
      name: 'Single sign-on',
      plans: '["enterprise"]',
      updated_at: later,
    });
    expect(await findFeature(t.db, other, 'sso')).toEqual(feature(other, 'sso'));
    await deleteFeature(t.db, ws, 'sso');
    expect(await findFeature(t.db, ws, 'sso')).toBeUndefined();
    expect(await findFeature(t.db, other, 'sso')).toBeDefined();
  });

  it("replaces one feature's events, leaving the other features' events, and reads them by event", async () => {
    const ws = (await buildWorkspace(t.db)).id;
    for (const key of ['sso', 'reports']) await insertFeature(t.db, feature(ws, key));
    await replaceFeatureEvents(t.db, ws, 'sso', ['SSO Login', 'SSO Configured']);
    await replaceFeatureEvents(t.db, ws, 'reports', ['Report Published']);
    await replaceFeatureEvents(t.db, ws, 'sso', ['SSO Login']);
    expect(await selectFeatureEvents(t.db, ws)).toEqual([
      { event: 'Report Published', feature_key: 'reports' },
      { event: 'SSO Login', feature_key: 'sso' },
    ]);
    await replaceFeatureEvents(t.db, ws, 'sso', []);
    expect(await selectFeatureEvents(t.db, ws)).toEqual([{ event: 'Report Published', feature_key: 'reports' }]);
    expect(await selectFeatureEvents(t.db, (await buildWorkspace(t.db)).id)).toEqual([]);
  });

  it("upserts an account's plan, and forgets it", async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const a = (await buildAccount(t.db, ws)).id;
    const b = (await buildAccount(t.db, ws)).id;
    await upsertPlan(t.db, { workspace_id: ws, account_id: a, plan: 'growth', updated_at: FIXTURE_NOW });
    await upsertPlan(t.db, {
      workspace_id: ws,
      account_id: a,
      plan: 'enterprise',
      updated_at: '2026-11-21T00:00:00.000Z',
    });
    await upsertPlan(t.db, { workspace_id: ws, account_id: b, plan: 'growth', updated_at: FIXTURE_NOW });
    expect(await findPlan(t.db, ws, a)).toEqual({ plan: 'enterprise' });
    expect(await selectPlans(t.db, ws)).toHaveLength(2);
    await deletePlan(t.db, (await buildWorkspace(t.db)).id, a);
    expect(await findPlan(t.db, ws, a)).toBeDefined();
    await deletePlan(t.db, ws, a);
    expect(await findPlan(t.db, ws, a)).toBeUndefined();
    expect(await selectPlans(t.db, ws)).toEqual([{ account_id: b, plan: 'growth', updated_at: FIXTURE_NOW }]);
  });
});
