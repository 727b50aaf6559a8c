import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAccount,
  buildCommitment,
  buildDeal,
  buildWorkspace,
  FIXTURE_NOW,
  fixtureId,
} from '../../../test/helpers/fixtures/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-db.ts';
import { COMMITMENT_STATUSES, exposureOf, STRENGTHS } from './commitment.ts';
import {
  countCommitments,
  deleteCommitmentRow,
  findCommitment,
  insertStatusChanges,
  selectAllCommitments,
  selectCommitments,
  selectDealCommitments,
  selectStatusChanges,
  updateCommitmentRow,
} from './commitment.store.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const TODAY = '2026-12-01';
const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
const sortedIds = (rows: { id: string }[]) => ids(rows).sort();

describe('commitment store (both databases)', () => {
  it('reads exposure in SQL exactly as the pure rule decides it, for every strength and status', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const account = (await buildAccount(t.db, ws)).id;
    const exposed: string[] = [];
    const covered: string[] = [];
    for (const strength of STRENGTHS)
      for (const status of COMMITMENT_STATUSES) {
        const c = await buildCommitment(t.db, ws, account, { strength, status });
        (exposureOf({ strength, phrase: null }, status).exposed ? exposed : covered).push(c.id);
      }
    const list = async (f: { exposed: boolean }) =>
      sortedIds(await selectCommitments(t.db, t.caps, ws, { ...f, today: TODAY, limit: 100 }));
    expect(exposed.length).toBeGreaterThan(0);
    expect(await list({ exposed: true })).toEqual(exposed.sort());
    expect(await list({ exposed: false })).toEqual(covered.sort());
    expect(await countCommitments(t.db, t.caps, ws, { exposed: true, today: TODAY })).toBe(exposed.length);
  });

  it('reads overdue against the day it is given: due before it and not shipped', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const account = (await buildAccount(t.db, ws)).id;
    const late = await buildCommitment(t.db, ws, account, { due_date: '2026-11-30' });
    const dueToday = await buildCommitment(t.db, ws, account, { due_date: TODAY });
    const shipped = await buildCommitment(t.db, ws, account, { due_date: '2026-11-01', status: 'shipped' });
    const undated = await buildCommitment(t.db, ws, account, { due_date: null });
    const overdue = (today: string, value = true) =>
      selectCommitments(t.db, t.caps, ws, { overdue: value, today, limit: 10 }).then(sortedIds);

    expect(await overdue(TODAY)).toEqual([late.id]);
    expect(await overdue('2026-12-02')).toEqual([late.id, dueToday.id].sort());
    expect(await overdue(TODAY, false)).toEqual([dueToday.id, shipped.id, undated.id].sort());
    const open = await selectCommitments(t.db, t.caps, ws, { open: true, today: TODAY, limit: 10 });
    expect(sortedIds(open)).toEqual([late.id, dueToday.id, undated.id].sort());
  });

  it('pages newest promise first by (made_on, id), and filters by account, accounts, deal, status and text', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const a = (await buildAccount(t.db, ws)).id;
    const b = (await buildAccount(t.db, ws)).id;
    const deal = (await buildDeal(t.db, ws)).id;
    const old = await buildCommitment(t.db, ws, a, { made_on: '2026-10-01', what: 'SSO for the EU tenant' });
    const x = await buildCommitment(t.db, ws, a, { made_on: '2026-11-01', deal_id: deal, status: 'planned' });
    const y = await buildCommitment(t.db, ws, b, { made_on: '2026-11-01', to_name: 'Dana Sso' });
    const other = (await buildWorkspace(t.db)).id;
    await buildCommitment(t.db, other, (await buildAccount(t.db, other)).id, { what: 'SSO' });
    const page = (f: Partial<Parameters<typeof selectCommitments>[3]>) =>
      selectCommitments(t.db, t.caps, ws, { today: TODAY, limit: 2, ...f });

    const first = await page({});
    expect(ids(first)).toEqual([y.id, x.id]);
    expect(ids(await page({ before: { madeOn: x.made_on, id: x.id } }))).toEqual([old.id]);
    expect(ids(await page({ accountId: a }))).toEqual([x.id, old.id]);
    expect(ids(await page({ accountIds: [b] }))).toEqual([y.id]);
    expect(await page({ accountIds: [] }), 'an empty list of accounts matches nothing').toEqual([]);
    expect(ids(await page({ dealId: deal }))).toEqual([x.id]);
    expect(ids(await page({ statuses: ['planned', 'shipped'] }))).toEqual([x.id]);
    expect(ids(await page({ q: 'sso', limit: 9 }))).toEqual([y.id, old.id]);
    expect(await countCommitments(t.db, t.caps, ws, { q: 'sso', today: TODAY })).toBe(2);
  });

  it("keeps every read and write in its workspace, and reads a workspace's promises oldest first", async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const other = (await buildWorkspace(t.db)).id;
    const theirs = await buildCommitment(t.db, other, (await buildAccount(t.db, other)).id);
    const account = (await buildAccount(t.db, ws)).id;
    const deal = (await buildDeal(t.db, ws)).id;
    const newer = await buildCommitment(t.db, ws, account, { made_on: '2026-11-02', deal_id: deal, due_date: TODAY });
    const older = await buildCommitment(t.db, ws, account, { made_on: '2026-11-01' });

    expect(ids(await selectAllCommitments(t.db, ws))).toEqual([older.id, newer.id]);
    expect(await selectDealCommitments(t.db, ws)).toEqual([{ deal_id: deal, status: 'not_reviewed', due_date: TODAY }]);
    expect(await findCommitment(t.db, ws, theirs.id)).toBeUndefined();
    await updateCommitmentRow(t.db, ws, theirs.id, { status: 'shipped' });
    await deleteCommitmentRow(t.db, ws, theirs.id);
    expect(await findCommitment(t.db, other, theirs.id)).toEqual(theirs);
  });

  it("reads a promise's status changes in the order made, ties by id", async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const c = await buildCommitment(t.db, ws, (await buildAccount(t.db, ws)).id);
    const change = (changed_at: string, to_status: string) => ({
      id: fixtureId(),
      workspace_id: ws,
      commitment_id: c.id,
      from_status: null,
      to_status,
      note: null,
      changed_by_user_id: null,
      changed_by_label: 'fixture',
      changed_at,
    });
    const [second, first, third] = [
      change('2026-11-21T00:00:00.000Z', 'planned'),
      change(FIXTURE_NOW, 'not_reviewed'),
      change('2026-11-21T00:00:00.000Z', 'committed'),
    ];
    await insertStatusChanges(t.db, [second, first, third]);
    expect(await selectStatusChanges(t.db, ws, c.id)).toEqual([first, second, third]);
    expect(await selectStatusChanges(t.db, (await buildWorkspace(t.db)).id, c.id)).toEqual([]);
  });
});
