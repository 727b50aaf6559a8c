import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-db.ts';
import { SYSTEM_ACTOR } from '../../../platform/auth/principal.ts';
import { createWorkspace } from '../../../platform/identity/workspace.service.ts';
import { newId } from '../../../platform/ids.ts';
import { addRollupCounts } from '../adoption/rollup.store.ts';
import { insertNewEvents } from './event.store.ts';
import type { UsageEventTable } from './ingest.table.ts';

let t: TestDatabase;
let workspaceId: string;
const accountId = newId();

beforeAll(async () => {
  t = await createTestDatabase();
  workspaceId = (await createWorkspace(t.db, SYSTEM_ACTOR, { slug: 'acme' })).id;
  const now = new Date().toISOString();
  await t.db
    .insertInto('accounts')
    .values({
      id: accountId,
      workspace_id: workspaceId,
      name: 'Northwind',
      segment: 'smb',
      lifecycle_phase: 'live',
      created_at: now,
      updated_at: now,
    })
    .execute();
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
