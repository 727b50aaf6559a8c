import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWorkspace, fixtureId } from '../../../../test/helpers/fixtures/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-db.ts';
import type { UsageIngestRequestTable } from './ingest.table.ts';
import { recordIngestRequests, selectIngestTotals, selectRecentRejections } from './ingest-request.store.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const request = (
  workspaceId: string,
  source: string,
  receivedAt: string,
  counts: Partial<Pick<UsageIngestRequestTable, 'received' | 'stored' | 'duplicates' | 'rejected' | 'detail'>>,
): UsageIngestRequestTable => ({
  id: fixtureId(),
  workspace_id: workspaceId,
  source,
  received_at: receivedAt,
  received: 0,
  stored: 0,
  duplicates: 0,
  rejected: 0,
  unmatched: 0,
  detail: null,
  ...counts,
});

const bySource = async (workspaceId: string) =>
  Object.fromEntries((await selectIngestTotals(t.db, workspaceId)).map((r) => [r.source, r]));

describe('ingest request store (both databases)', () => {
  it('adds requests to the totals per source, keeping the latest event and the latest request that stored one', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    await recordIngestRequests(
      t.db,
      [
        request(ws, 'segment', '2026-11-20T10:00:00.000Z', { received: 10, stored: 9, duplicates: 1 }),
        request(ws, 'posthog', '2026-11-20T10:01:00.000Z', { received: 3, stored: 3 }),
      ],
      new Map([['segment', '2026-11-20T09:59:00.000Z']]),
    );
    await recordIngestRequests(
      t.db,
      [
        request(ws, 'segment', '2026-11-20T11:00:00.000Z', { received: 5, stored: 0, duplicates: 5 }),
        request(ws, 'segment', '2026-11-20T10:30:00.000Z', { received: 4, stored: 4 }),
      ],
      // An older event time than the one kept never replaces it.
      new Map([['segment', '2026-11-20T08:00:00.000Z']]),
    );

    const totals = await bySource(ws);
    expect(totals.segment).toMatchObject({
      received: 19,
      stored: 13,
      duplicates: 6,
      rejected: 0,
      last_event_at: '2026-11-20T09:59:00.000Z',
      last_received_at: '2026-11-20T10:30:00.000Z',
    });
    expect(totals.posthog).toMatchObject({ received: 3, stored: 3, last_event_at: null });
  });

  it('logs only the refused requests, newest first, in their own workspace', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const other = (await buildWorkspace(t.db)).id;
    await recordIngestRequests(t.db, [
      request(ws, 'segment', '2026-11-20T10:00:00.000Z', { received: 2, stored: 2 }),
      request(ws, 'segment', '2026-11-20T10:05:00.000Z', { received: 2, rejected: 2, detail: 'batch: not an array' }),
      request(ws, 'posthog', '2026-11-20T10:10:00.000Z', { received: 1, rejected: 1, detail: 'api_key: unknown' }),
    ]);
    await recordIngestRequests(t.db, [request(other, 'segment', '2026-11-20T10:20:00.000Z', { rejected: 1 })]);
    await recordIngestRequests(t.db, []);

    expect(await selectRecentRejections(t.db, ws, 10)).toEqual([
      { source: 'posthog', received_at: '2026-11-20T10:10:00.000Z', rejected: 1, detail: 'api_key: unknown' },
      { source: 'segment', received_at: '2026-11-20T10:05:00.000Z', rejected: 2, detail: 'batch: not an array' },
    ]);
    expect((await bySource(ws)).segment).toMatchObject({ received: 4, stored: 2, rejected: 2 });
  });
});
