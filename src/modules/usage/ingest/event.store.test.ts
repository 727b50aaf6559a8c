import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  buildAccount,
  buildUsageEvent,
  buildWorkspace,
  FIXTURE_NOW,
  fixtureId,
} from '../../../../test/helpers/fixtures/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-db.ts';
import { addRollupCounts } from '../adoption/rollup.store.ts';
import {
  insertNewEvents,
  selectUngroupedUsers,
  selectUnmatchedCounts,
  selectUnmatchedGroupIds,
  setGroupAccount,
  setUserEventsAccount,
} from './event.store.ts';
import { recordIngestRequests, selectIngestTotals, selectRecentRejections } from './ingest-request.store.ts';
import type { UsageEventTable, UsageIngestRequestTable } from './ingest.table.ts';

let t: TestDatabase;
let workspaceId: string;
let accountId: string;

beforeAll(async () => {
  t = await createTestDatabase();
  workspaceId = (await buildWorkspace(t.db)).id;
  accountId = (await buildAccount(t.db, workspaceId, { name: 'Northwind' })).id;
});
afterAll(() => t.close());

const event = (id: string, over: Partial<UsageEventTable> = {}): UsageEventTable => ({
  workspace_id: workspaceId,
  source: 'segment',
  message_id: id,
  type: 'track',
  event: 'Report Published',
  user_id: `user-${id.length % 3}`,
  anonymous_id: null,
  account_id: accountId,
  group_id: 'northwind.example',
  occurred_at: '2026-11-20T10:00:00.000Z',
  received_at: '2026-11-20T10:00:01.000Z',
  properties: '{"title":"Q3, \\"final\\" {draft}","path":"/a\\\\b"}',
  ...over,
});

const inTransaction = <T>(f: (db: TestDatabase['db']) => Promise<T>) => t.db.transaction().execute(f);

describe('storing usage events (both databases)', () => {
  it('inserts more events than one statement takes, and tells for each whether it was new', async () => {
    const first = Array.from({ length: 5_003 }, (_, i) => event(`bulk-${i}`));
    expect(await inTransaction((db) => insertNewEvents(db, first))).toEqual(first.map(() => true));
    // Again with three new ones among them, in another order: only those are new.
    const again = [
      event('bulk-new-1'),
      ...first.slice(0, 2_600),
      event('bulk-new-2'),
      ...first.slice(2_600),
      event('bulk-new-3'),
    ];
    const inserted = await inTransaction((db) => insertNewEvents(db, again));
    expect(again.filter((_, i) => inserted[i]).map((e) => e.message_id)).toEqual([
      'bulk-new-1',
      'bulk-new-2',
      'bulk-new-3',
    ]);
    const n = await t.db
      .selectFrom('usage_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('message_id', 'like', 'bulk-%')
      .executeTakeFirstOrThrow();
    expect(Number(n.n)).toBe(5_006);
  });

  it('keeps every value as given: nulls, quotes, braces, commas, backslashes and text beyond ASCII', async () => {
    const odd = [
      event('odd-1', { event: null, user_id: null, anonymous_id: 'anon "1", {x}', group_id: null, account_id: null }),
      event('odd-2', { event: 'Zoë’s {report}, "v2"', user_id: 'NULL', properties: '{"emoji":"😀","nul":"\\u0000"}' }),
    ];
    expect(await inTransaction((db) => insertNewEvents(db, odd))).toEqual([true, true]);
    const back = await t.db
      .selectFrom('usage_events')
      .selectAll()
      .where('message_id', 'in', ['odd-1', 'odd-2'])
      .orderBy('message_id')
      .execute();
    expect(back).toEqual(odd);
  });

  it('adds counts to the rollups by key, many keys in one call, and takes them back with negative counts', async () => {
    const features = Array.from({ length: 1_200 }, (_, i) => ({
      account_id: accountId,
      day: `2026-11-${String(1 + (i % 28)).padStart(2, '0')}`,
      feature: `f-${i}, "x"`,
      events: 1 + (i % 5),
    }));
    const users = [{ account_id: accountId, day: '2026-11-01', user_key: 'user {1}', events: 4 }];
    await inTransaction((db) => addRollupCounts(db, workspaceId, features, users));
    await inTransaction((db) =>
      addRollupCounts(
        db,
        workspaceId,
        features.slice(0, 10).map((f) => ({ ...f, events: -1 })),
        [{ ...users[0]!, events: 3 }],
      ),
    );
    const rows = await t.db
      .selectFrom('usage_daily_account_feature')
      .select(['feature', 'events'])
      .where('workspace_id', '=', workspaceId)
      .execute();
    const byFeature = new Map(rows.map((r) => [r.feature, Number(r.events)]));
    expect(byFeature.size).toBe(1_200);
    expect(features.every((f, i) => byFeature.get(f.feature) === f.events - (i < 10 ? 1 : 0))).toBe(true);
    const user = await t.db
      .selectFrom('usage_daily_account_user')
      .select(['user_key', 'events'])
      .where('workspace_id', '=', workspaceId)
      .execute();
    expect(user.map((u) => [u.user_key, Number(u.events)])).toEqual([['user {1}', 7]]);
  });
});

describe('events kept aside and ingest totals (both databases)', () => {
  it('matches the events kept aside of a group, or of a user without a group, once, in their workspace only', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const other = (await buildWorkspace(t.db)).id;
    const account = (await buildAccount(t.db, ws)).id;
    await buildUsageEvent(t.db, ws, { group_id: 'northwind.example', user_id: 'ana' });
    await buildUsageEvent(t.db, ws, { group_id: 'northwind.example', source: 'posthog' });
    await buildUsageEvent(t.db, ws, { group_id: null, user_id: 'ana' });
    await buildUsageEvent(t.db, ws, { group_id: null, user_id: null, anonymous_id: 'anon-7' });
    await buildUsageEvent(t.db, other, { group_id: 'northwind.example' });
    expect(await selectUnmatchedGroupIds(t.db, ws)).toEqual(['northwind.example']);
    expect((await selectUngroupedUsers(t.db, ws)).sort()).toEqual(['ana', 'anon-7']);
    const counts = await selectUnmatchedCounts(t.db, ws);
    expect(counts.map((c) => [c.source, Number(c.unmatched)]).sort()).toEqual([
      ['posthog', 1],
      ['segment', 3],
    ]);

    const byGroup = await setGroupAccount(t.db, ws, 'northwind.example', account);
    expect(byGroup.map((e) => e.account_id)).toEqual([account, account]);
    expect(await setGroupAccount(t.db, ws, 'northwind.example', account), 'matched once').toEqual([]);
    const byUser = await setUserEventsAccount(t.db, ws, 'anon-7', 'northwind.example', account);
    expect(byUser).toHaveLength(1);
    expect(await selectUngroupedUsers(t.db, ws)).toEqual(['ana']);
    expect(await selectUnmatchedGroupIds(t.db, other)).toEqual(['northwind.example']);
  });

  it('adds requests to the totals per source, keeps the latest times, and logs only the refused ones', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const request = (source: string, received_at: string, over: Partial<UsageIngestRequestTable> = {}) => ({
      id: fixtureId(),
      workspace_id: ws,
      source,
      received_at,
      received: 2,
      stored: 2,
      duplicates: 0,
      rejected: 0,
      unmatched: 0,
      detail: null,
      ...over,
    });
    const refused = request('segment', '2026-11-20T10:00:02.000Z', { stored: 0, rejected: 2, detail: 'bad batch' });
    await recordIngestRequests(
      t.db,
      [request('segment', '2026-11-20T10:00:01.000Z'), refused, request('posthog', FIXTURE_NOW)],
      new Map([['segment', '2026-11-20T09:00:00.000Z']]),
    );
    await recordIngestRequests(
      t.db,
      [request('segment', '2026-11-19T00:00:00.000Z')],
      new Map([['segment', '2026-11-01T00:00:00.000Z']]),
    );
    const totals = new Map((await selectIngestTotals(t.db, ws)).map((r) => [r.source, r]));
    expect(totals.get('segment')).toMatchObject({
      received: 6,
      stored: 4,
      rejected: 2,
      last_event_at: '2026-11-20T09:00:00.000Z',
      last_received_at: '2026-11-20T10:00:01.000Z',
    });
    expect(totals.get('posthog')).toMatchObject({ received: 2, last_event_at: null, last_received_at: FIXTURE_NOW });
    expect(await selectRecentRejections(t.db, ws, 10)).toEqual([
      { source: 'segment', received_at: refused.received_at, rejected: 2, detail: 'bad batch' },
    ]);
  });
});
