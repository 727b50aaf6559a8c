import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildAccountAttributes, buildWorkspace } from '../../../test/helpers/fixtures/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-db.ts';
import { listAccountAttributes, replaceAccountAttributes } from './account-attributes.store.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

describe('account attributes store (both databases)', () => {
  it("lists one workspace's accounts with attributes by name, their outcome read as 1, 0 or unknown", async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const other = (await buildWorkspace(t.db)).id;
    const zeta = await buildAccount(t.db, ws, { name: 'Zeta' });
    const alpha = await buildAccount(t.db, ws, { name: 'Alpha' });
    const mid = await buildAccount(t.db, ws, { name: 'Mid' });
    await buildAccount(t.db, ws, { name: 'No attributes' });
    const elsewhere = await buildAccount(t.db, other, { name: 'Alpha' });
    await buildAccountAttributes(t.db, ws, zeta.id, {
      attributes: { plan: 'Pro' },
      outcome: 1,
      outcome_recorded_on: '2026-03-31',
    });
    await buildAccountAttributes(t.db, ws, alpha.id, { attributes: { plan: 'Basic', seats: '12' }, outcome: 0 });
    await buildAccountAttributes(t.db, ws, mid.id);
    await buildAccountAttributes(t.db, other, elsewhere.id, { outcome: 1 });

    expect(await listAccountAttributes(t.db, ws)).toEqual([
      {
        accountId: alpha.id,
        name: 'Alpha',
        attributes: { plan: 'Basic', seats: '12' },
        outcome: 0,
        outcomeRecordedOn: null,
      },
      { accountId: mid.id, name: 'Mid', attributes: {}, outcome: null, outcomeRecordedOn: null },
      { accountId: zeta.id, name: 'Zeta', attributes: { plan: 'Pro' }, outcome: 1, outcomeRecordedOn: '2026-03-31' },
    ]);
  });

  it('replaces what an account had, in chunks past a hundred accounts, leaving other accounts as they were', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const kept = await buildAccount(t.db, ws, { name: 'Kept' });
    await buildAccountAttributes(t.db, ws, kept.id, { attributes: { plan: 'Enterprise' }, outcome: 0 });
    const accounts: Array<{ id: string }> = [];
    for (let i = 0; i < 130; i++)
      accounts.push(await buildAccount(t.db, ws, { name: `Batch ${String(i).padStart(3, '0')}` }));
    const rows = (plan: string, outcome: number | null) =>
      accounts.map((a) => ({
        account_id: a.id,
        workspace_id: ws,
        attributes: JSON.stringify({ plan }),
        outcome,
        outcome_recorded_on: null,
        updated_at: '2026-11-20T10:00:00.000Z',
      }));
    await replaceAccountAttributes(t.db, rows('Basic', null));
    await replaceAccountAttributes(t.db, rows('Pro', 1));

    const listed = await listAccountAttributes(t.db, ws);
    expect(listed).toHaveLength(131);
    expect(
      listed.filter((r) => r.name.startsWith('Batch')).every((r) => r.attributes.plan === 'Pro' && r.outcome === 1),
    ).toBe(true);
    expect(listed.find((r) => r.name === 'Kept')).toMatchObject({ attributes: { plan: 'Enterprise' }, outcome: 0 });
  });
});
