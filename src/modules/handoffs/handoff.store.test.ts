import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAccount,
  buildBrief,
  buildUser,
  buildWorkspace,
  FIXTURE_NOW,
  fixtureId,
} from '../../../test/helpers/fixtures/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-db.ts';
import {
  countBriefsByState,
  countOpenClarifications,
  findBrief,
  findBriefByDeal,
  findClarification,
  insertClarification,
  insertEvent,
  insertOwnershipHandoff,
  selectBriefs,
  selectClarifications,
  selectEvents,
  selectOwnershipHandoffs,
  setAccountOfDealBriefs,
  updateBrief,
} from './handoff.store.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

describe('handoff store (both databases)', () => {
  it('pages briefs by last change, newest first, and filters by state, account, deal and either owner', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const account = (await buildAccount(t.db, ws)).id;
    const ae = (await buildUser(t.db)).id;
    const lead = (await buildUser(t.db)).id;
    const at = '2026-11-21T00:00:00.000Z';
    const old = await buildBrief(t.db, ws, { ae_user_id: ae });
    const a = await buildBrief(t.db, ws, { updated_at: at, state: 'submitted', account_id: account });
    const b = await buildBrief(t.db, ws, { updated_at: at, delivery_lead_user_id: lead });
    await buildBrief(t.db, (await buildWorkspace(t.db)).id, { updated_at: '2026-12-01T00:00:00.000Z' });
    const page = (f: Partial<Parameters<typeof selectBriefs>[2]>) => selectBriefs(t.db, ws, { limit: 2, ...f });

    expect(ids(await page({}))).toEqual([b.id, a.id]);
    expect(ids(await page({ before: { updatedAt: at, id: a.id } }))).toEqual([old.id]);
    expect(ids(await page({ states: ['submitted'] }))).toEqual([a.id]);
    expect(ids(await page({ accountId: account }))).toEqual([a.id]);
    expect(ids(await page({ dealId: old.deal_id }))).toEqual([old.id]);
    expect(ids(await page({ userId: ae }))).toEqual([old.id]);
    expect(ids(await page({ userId: lead }))).toEqual([b.id]);
    expect(await countBriefsByState(t.db, ws)).toEqual({ draft: 2, submitted: 1 });
  });

  it('finds a brief by id or deal in its workspace only, and changes it there only', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const other = (await buildWorkspace(t.db)).id;
    const theirs = await buildBrief(t.db, other);
    expect(await findBrief(t.db, ws, theirs.id)).toBeUndefined();
    expect(await findBriefByDeal(t.db, ws, theirs.deal_id)).toBeUndefined();
    expect(await findBriefByDeal(t.db, other, theirs.deal_id)).toEqual(theirs);
    await updateBrief(t.db, ws, theirs.id, { state: 'accepted' });
    expect(await findBrief(t.db, other, theirs.id)).toEqual(theirs);
  });

  it('links the briefs of newly linked deals that have no account yet, and leaves linked ones alone', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const first = (await buildAccount(t.db, ws)).id;
    const second = (await buildAccount(t.db, ws)).id;
    const waiting = await buildBrief(t.db, ws);
    const linked = await buildBrief(t.db, ws, { account_id: first });
    const unrelated = await buildBrief(t.db, ws);
    expect(await setAccountOfDealBriefs(t.db, ws, second, [waiting.deal_id, linked.deal_id])).toBe(1);
    expect((await findBrief(t.db, ws, waiting.id))?.account_id).toBe(second);
    expect((await findBrief(t.db, ws, linked.id))?.account_id).toBe(first);
    expect((await findBrief(t.db, ws, unrelated.id))?.account_id).toBeNull();
    expect(await setAccountOfDealBriefs(t.db, ws, second, [])).toBe(0);
  });

  it('keeps events and clarifications in time order (ties by id) and counts the unanswered per brief', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const brief = await buildBrief(t.db, ws);
    const quiet = await buildBrief(t.db, ws);
    const event = (at: string, to_state: string) => ({
      id: fixtureId(),
      workspace_id: ws,
      brief_id: brief.id,
      at,
      actor_label: 'fixture',
      actor_id: null,
      from_state: null,
      to_state,
      completeness: 0,
      note: null,
    });
    const [e2, e1] = [event('2026-11-22T00:00:00.000Z', 'submitted'), event(FIXTURE_NOW, 'draft')];
    await insertEvent(t.db, e2);
    await insertEvent(t.db, e1);
    expect(await selectEvents(t.db, ws, brief.id)).toEqual([e1, e2]);

    const question = (asked_at: string, answered_at: string | null) => ({
      id: fixtureId(),
      workspace_id: ws,
      brief_id: brief.id,
      field: 'goals',
      question: 'Which goals?',
      repeated: 0,
      asked_by: null,
      asked_at,
      answer: answered_at ? 'These' : null,
      answered_by: null,
      answered_at,
    });
    const open1 = question(FIXTURE_NOW, null);
    const open2 = question(FIXTURE_NOW, null);
    const answered = question('2026-11-19T00:00:00.000Z', FIXTURE_NOW);
    for (const q of [open2, answered, open1]) await insertClarification(t.db, q);
    expect(ids(await selectClarifications(t.db, ws, brief.id))).toEqual([answered.id, open1.id, open2.id]);
    expect(await findClarification(t.db, ws, quiet.id, open1.id), 'under another brief: not found').toBeUndefined();
    expect(await countOpenClarifications(t.db, ws, [brief.id, quiet.id])).toEqual(new Map([[brief.id, 2]]));
    expect(await countOpenClarifications(t.db, ws, [])).toEqual(new Map());
  });

  it("reads an account's ownership handoffs in time order", async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const account = (await buildAccount(t.db, ws)).id;
    const handoff = (at: string, to_role: string) => ({
      id: fixtureId(),
      workspace_id: ws,
      account_id: account,
      from_role: 'ae',
      to_role,
      from_user_id: null,
      to_user_id: null,
      brief_id: null,
      at,
      note: null,
    });
    const [later, earlier] = [handoff('2026-11-25T00:00:00.000Z', 'csm'), handoff(FIXTURE_NOW, 'delivery_lead')];
    await insertOwnershipHandoff(t.db, later);
    await insertOwnershipHandoff(t.db, earlier);
    expect(await selectOwnershipHandoffs(t.db, ws, account)).toEqual([earlier, later]);
    expect(await selectOwnershipHandoffs(t.db, (await buildWorkspace(t.db)).id, account)).toEqual([]);
  });
});
