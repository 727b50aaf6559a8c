import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildContact, buildWorkspace } from '../../../test/helpers/fixtures/index.ts';
import { buildSurvey, buildTouch } from '../../../test/helpers/fixtures/relationship.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-db.ts';
import { recordContactTouches } from '../accounts/index.ts';
import { selectContactAnswers, selectScores, selectSurveyKeys, selectSurveys } from './survey.store.ts';
import { selectTouches, selectTouchKeys } from './touch.store.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

describe('relationship stores (both databases)', () => {
  it('finds answers by key within one workspace, past a chunk of 500 keys', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const other = (await buildWorkspace(t.db)).id;
    const a = await buildAccount(t.db, ws);
    const b = await buildAccount(t.db, other);
    await buildSurvey(t.db, ws, a.id, { dedupe_key: 'k1' });
    await buildSurvey(t.db, other, b.id, { dedupe_key: 'k1' });
    const asked = ['k1', ...Array.from({ length: 600 }, (_, i) => `missing-${i}`)];
    const found = await selectSurveyKeys(t.db, ws, asked);
    expect(found.map((r) => [r.workspace_id, r.dedupe_key])).toEqual([[ws, 'k1']]);
  });

  it('lists answers newest first, by account, kind and period, and the scores of a period', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const a = await buildAccount(t.db, ws);
    const b = await buildAccount(t.db, ws);
    await buildSurvey(t.db, ws, a.id, { responded_at: '2026-01-01T00:00:00.000Z', score: 3 });
    await buildSurvey(t.db, ws, a.id, { responded_at: '2026-02-01T00:00:00.000Z', score: 10 });
    await buildSurvey(t.db, ws, a.id, { responded_at: '2026-02-02T00:00:00.000Z', kind: 'csat', score: 4 });
    await buildSurvey(t.db, ws, b.id, { responded_at: '2026-03-01T00:00:00.000Z', score: 0 });
    const ofA = await selectSurveys(t.db, ws, { accountId: a.id });
    expect(ofA.map((r) => Number(r.score))).toEqual([4, 10, 3]);
    expect((await selectSurveys(t.db, ws, { kind: 'csat' })).map((r) => r.account_id)).toEqual([a.id]);
    expect((await selectSurveys(t.db, ws, { limit: 1 })).map((r) => r.account_id)).toEqual([b.id]);
    const feb = await selectScores(t.db, ws, '2026-02-01T00:00:00.000Z', '2026-02-28T23:59:59.999Z');
    expect(feb.map((r) => Number(r.score)).sort()).toEqual([10, 4]);
    expect(await selectScores(t.db, ws, '2026-01-01T00:00:00.000Z', '2026-12-31T00:00:00.000Z', b.id)).toHaveLength(1);
  });

  it('gives an account’s answers with a contact, newest first', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const a = await buildAccount(t.db, ws);
    const c = await buildContact(t.db, ws, a.id);
    await buildSurvey(t.db, ws, a.id, { contact_id: c.id, responded_at: '2026-01-01T00:00:00.000Z', score: 9 });
    await buildSurvey(t.db, ws, a.id, { contact_id: c.id, responded_at: '2026-02-01T00:00:00.000Z', score: 2 });
    await buildSurvey(t.db, ws, a.id, { responded_at: '2026-03-01T00:00:00.000Z' });
    const answers = await selectContactAnswers(t.db, ws, a.id);
    expect(answers.map((r) => Number(r.score))).toEqual([2, 9]);
  });

  it('lists touches newest first and finds them by key', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const a = await buildAccount(t.db, ws);
    await buildTouch(t.db, ws, a.id, { occurred_at: '2026-01-01T00:00:00.000Z', dedupe_key: 'old' });
    await buildTouch(t.db, ws, a.id, { occurred_at: '2026-02-01T00:00:00.000Z', kind: 'meeting', dedupe_key: 'new' });
    expect((await selectTouches(t.db, ws, { accountId: a.id })).map((r) => r.dedupe_key)).toEqual(['new', 'old']);
    expect((await selectTouches(t.db, ws, { kind: 'call' })).map((r) => r.dedupe_key)).toEqual(['old']);
    expect(
      (await selectTouches(t.db, ws, { from: '2026-01-15T00:00:00.000Z', to: '2026-03-01T00:00:00.000Z' })).length,
    ).toBe(1);
    expect((await selectTouchKeys(t.db, ws, ['new', 'none'])).map((r) => r.dedupe_key)).toEqual(['new']);
  });

  it('moves a contact’s last touch to the newest moment, never back', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const a = await buildAccount(t.db, ws);
    const c = await buildContact(t.db, ws, a.id, { last_touch_at: '2026-02-01T00:00:00.000Z' });
    const never = await buildContact(t.db, ws, a.id);
    const moved = await recordContactTouches(t.db, ws, [
      { contactId: c.id, at: '2026-01-01T00:00:00.000Z' },
      { contactId: never.id, at: '2026-01-05T00:00:00.000Z' },
      { contactId: never.id, at: '2026-01-03T00:00:00.000Z' },
    ]);
    expect(moved).toBe(1);
    const touch = async (id: string) =>
      (await t.db.selectFrom('contacts').select('last_touch_at').where('id', '=', id).executeTakeFirstOrThrow())
        .last_touch_at;
    expect(await touch(c.id)).toBe('2026-02-01T00:00:00.000Z');
    expect(await touch(never.id)).toBe('2026-01-05T00:00:00.000Z');
    expect(await recordContactTouches(t.db, ws, [{ contactId: c.id, at: '2026-03-01T00:00:00.000Z' }])).toBe(1);
    expect(await touch(c.id)).toBe('2026-03-01T00:00:00.000Z');
  });
});
