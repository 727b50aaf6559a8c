import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildWebhookDelivery, buildWebhookEvent, buildWorkspace } from '../../../../test/helpers/fixtures/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../../test/helpers/test-db.ts';
import {
  deleteDeliveriesBefore,
  deleteEvents,
  eventStats,
  findNewerApplied,
  rejectedDeliveries,
  selectDeliveries,
  selectKnownEventIds,
  selectLoggedSources,
  selectOldEvents,
} from './webhook.store.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const at = (day: number) => `2026-11-${String(day).padStart(2, '0')}T00:00:00.000Z`;

describe('CRM webhook store (both databases)', () => {
  it('knows which event ids a source already delivered to a workspace, over many ids', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const d = await buildWebhookDelivery(t.db, ws);
    await buildWebhookEvent(t.db, d, { event_id: 'e-1' });
    await buildWebhookEvent(t.db, await buildWebhookDelivery(t.db, ws, { source: 'crm' }), { event_id: 'e-2' });
    await buildWebhookEvent(t.db, await buildWebhookDelivery(t.db, (await buildWorkspace(t.db)).id), {
      event_id: 'e-3',
    });
    const asked = [...Array.from({ length: 1_200 }, (_, i) => `x-${i}`), 'e-1', 'e-2', 'e-3'];
    expect(await selectKnownEventIds(t.db, ws, 'hubspot', asked)).toEqual(new Set(['e-1']));
  });

  it('finds the newest applied change after a moment: of the same property, or any that carries the whole deal', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const d = await buildWebhookDelivery(t.db, ws);
    await buildWebhookEvent(t.db, d, { property: 'amount', occurred_at: at(3) });
    const stage = await buildWebhookEvent(t.db, d, { property: 'dealstage', occurred_at: at(5) });
    await buildWebhookEvent(t.db, d, { property: 'amount', occurred_at: at(6), outcome: 'ignored' });
    await buildWebhookEvent(t.db, d, { property: 'amount', occurred_at: at(7), object_id: 'deal-2' });
    const newer = (property: string | null, after: string) =>
      findNewerApplied(t.db, ws, 'hubspot', 'deal-1', property, after);

    expect(await newer('amount', at(2))).toEqual({
      event_id: expect.any(String),
      occurred_at: at(3),
      property: 'amount',
    });
    expect(await newer('amount', at(3)), 'only strictly later, ignored events aside').toBeUndefined();
    expect(await newer(null, at(2)), 'a whole-deal event yields to any property').toMatchObject({
      event_id: stage.event_id,
    });
    const whole = await buildWebhookEvent(t.db, d, { property: null, occurred_at: at(4) });
    expect(await newer('amount', at(3)), 'a whole-deal change is newer than a property change').toMatchObject({
      event_id: whole.event_id,
    });
  });

  it('pages deliveries newest first by id, of one source when asked', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const [a, b, c] = [
      await buildWebhookDelivery(t.db, ws),
      await buildWebhookDelivery(t.db, ws, { source: 'crm' }),
      await buildWebhookDelivery(t.db, ws),
    ];
    await buildWebhookDelivery(t.db, (await buildWorkspace(t.db)).id);
    const ids = (rows: { id: string }[]) => rows.map((r) => r.id);
    expect(ids(await selectDeliveries(t.db, ws, { limit: 2 }))).toEqual([c.id, b.id]);
    expect(ids(await selectDeliveries(t.db, ws, { limit: 2, beforeId: b.id }))).toEqual([a.id]);
    expect(ids(await selectDeliveries(t.db, ws, { limit: 5, source: 'hubspot' }))).toEqual([c.id, a.id]);
  });

  it('counts events per source and outcome since a moment, the last one received, and rejected deliveries', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const d = await buildWebhookDelivery(t.db, ws);
    await buildWebhookEvent(t.db, d, { received_at: at(1) });
    await buildWebhookEvent(t.db, d, { received_at: at(10) });
    await buildWebhookEvent(t.db, d, { received_at: at(12), outcome: 'ignored' });
    await buildWebhookDelivery(t.db, ws, { status: 'rejected', received_at: at(11) });
    await buildWebhookDelivery(t.db, ws, { status: 'rejected', received_at: at(1) });
    const stats = await eventStats(t.db, ws, at(10));
    expect(stats.last).toEqual([{ source: 'hubspot', last: at(12) }]);
    expect(stats.recent.sort((x, y) => x.outcome.localeCompare(y.outcome))).toEqual([
      { source: 'hubspot', outcome: 'applied', n: 1 },
      { source: 'hubspot', outcome: 'ignored', n: 1 },
    ]);
    expect(await rejectedDeliveries(t.db, ws, at(10))).toEqual([{ source: 'hubspot', n: 1 }]);
    expect(await selectLoggedSources(t.db)).toContainEqual({ workspace_id: ws, source: 'hubspot' });
  });

  it('pages old events by (received_at, event_id), each marked when a newer applied change supersedes it', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const d = await buildWebhookDelivery(t.db, ws);
    const e = (event_id: string, received: number, over: Parameters<typeof buildWebhookEvent>[2] = {}) =>
      buildWebhookEvent(t.db, d, { event_id, received_at: at(received), occurred_at: at(received), ...over });
    await e('a-old-amount', 1);
    await e('b-old-stage', 1, { property: 'dealstage' });
    await e('c-whole', 2, { property: null });
    await e('d-newer-amount', 3);
    await e('e-recent', 20); // received after the cutoff: never in a page, yet it supersedes d
    const page = (after: { receivedAt: string; eventId: string } | null, limit = 2) =>
      selectOldEvents(t.db, ws, 'hubspot', at(10), after, limit);

    const first = await page(null);
    expect(first).toEqual([
      { eventId: 'a-old-amount', receivedAt: at(1), outcome: 'applied', superseded: true },
      { eventId: 'b-old-stage', receivedAt: at(1), outcome: 'applied', superseded: false },
    ]);
    const rest = await page({ receivedAt: at(1), eventId: 'b-old-stage' }, 10);
    expect(rest.map((r) => [r.eventId, r.superseded])).toEqual([
      ['c-whole', false],
      ['d-newer-amount', true],
    ]);
    expect(await deleteEvents(t.db, ws, 'hubspot', ['a-old-amount', 'b-old-stage'])).toBe(2);
    expect(await deleteEvents(t.db, ws, 'hubspot', [])).toBe(0);
    expect((await page(null, 10)).map((r) => r.eventId)).toEqual(['c-whole', 'd-newer-amount']);
  });

  it('deletes at most a page of deliveries received before a cutoff, of one workspace and source', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const other = (await buildWorkspace(t.db)).id;
    for (let i = 0; i < 3; i++) await buildWebhookDelivery(t.db, ws, { received_at: at(1) });
    const recent = await buildWebhookDelivery(t.db, ws, { received_at: at(15) });
    const crm = await buildWebhookDelivery(t.db, ws, { received_at: at(1), source: 'crm' });
    const theirs = await buildWebhookDelivery(t.db, other, { received_at: at(1) });
    expect(await deleteDeliveriesBefore(t.db, ws, 'hubspot', at(10), 2)).toBe(2);
    expect(await deleteDeliveriesBefore(t.db, ws, 'hubspot', at(10), 2)).toBe(1);
    expect(await deleteDeliveriesBefore(t.db, ws, 'hubspot', at(10), 2)).toBe(0);
    const left = async (w: string) => (await selectDeliveries(t.db, w, { limit: 10 })).map((r) => r.id).sort();
    expect(await left(ws)).toEqual([recent.id, crm.id].sort());
    expect(await left(other)).toEqual([theirs.id]);
  });
});
