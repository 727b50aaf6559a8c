import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildUsageEvent, buildWorkspace, fixtureId } from '../../../../test/helpers/fixtures/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-db.ts';
import { deleteEventsReceivedBefore, deleteRejectionsBefore, selectWorkspacesWithIngest } from './retention.store.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const day = (d: number) => `2026-11-${String(d).padStart(2, '0')}T00:00:00.000Z`;
const countEvents = async (workspaceId: string) =>
  Number(
    (
      await t.db
        .selectFrom('usage_events')
        .select((eb) => eb.fn.countAll().as('n'))
        .where('workspace_id', '=', workspaceId)
        .executeTakeFirstOrThrow()
    ).n,
  );

describe('usage retention store (both databases)', () => {
  it("deletes a workspace's events received before a cutoff, a bounded batch at a time", async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const other = (await buildWorkspace(t.db)).id;
    for (let i = 0; i < 5; i++) await buildUsageEvent(t.db, ws, { received_at: day(1) });
    await buildUsageEvent(t.db, ws, { received_at: day(1), source: 'posthog', message_id: 'same-id' });
    await buildUsageEvent(t.db, ws, { received_at: day(20), message_id: 'same-id' });
    await buildUsageEvent(t.db, other, { received_at: day(1) });

    expect(await deleteEventsReceivedBefore(t.db, ws, day(10), 4)).toBe(4);
    expect(await deleteEventsReceivedBefore(t.db, ws, day(10), 4)).toBe(2);
    expect(await deleteEventsReceivedBefore(t.db, ws, day(10), 4)).toBe(0);
    const left = await t.db
      .selectFrom('usage_events')
      .select(['source', 'message_id'])
      .where('workspace_id', '=', ws)
      .execute();
    expect(left, 'same message id, another source, received later: kept').toEqual([
      { source: 'segment', message_id: 'same-id' },
    ]);
    expect(await countEvents(other)).toBe(1);
  });

  it("deletes a workspace's refused-request log before a cutoff, and lists the workspaces that received usage", async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const quiet = (await buildWorkspace(t.db)).id;
    const request = (workspace_id: string, received_at: string) => ({
      id: fixtureId(),
      workspace_id,
      source: 'segment',
      received_at,
      received: 1,
      stored: 0,
      duplicates: 0,
      rejected: 1,
      unmatched: 0,
      detail: 'bad',
    });
    await t.db
      .insertInto('usage_ingest_requests')
      .values([request(ws, day(1)), request(ws, day(15)), request(quiet, day(1))])
      .execute();
    expect(await deleteRejectionsBefore(t.db, ws, day(10))).toBe(1);
    expect(await deleteRejectionsBefore(t.db, ws, day(10))).toBe(0);

    const totals = (workspace_id: string, received: number) => ({
      workspace_id,
      source: 'segment',
      received,
      stored: received,
      duplicates: 0,
      rejected: 0,
      last_event_at: null,
      last_received_at: null,
    });
    await t.db
      .insertInto('usage_ingest_totals')
      .values([totals(ws, 3), totals(quiet, 0)])
      .execute();
    const withIngest = await selectWorkspacesWithIngest(t.db);
    expect(withIngest).toContain(ws);
    expect(withIngest).not.toContain(quiet);
    expect(withIngest).toEqual([...withIngest].sort());
  });
});
