import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAuditEntry, buildWorkspace } from '../../../test/helpers/fixtures/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-db.ts';
import { listAuditEntries, selectAuditFacets } from './audit.store.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const ids = (rows: { id: string }[]) => rows.map((r) => r.id);

describe('audit store (both databases)', () => {
  it("pages a workspace's log newest entry first by id, never another workspace's", async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const other = (await buildWorkspace(t.db)).id;
    const [e1, e2, e3] = [
      await buildAuditEntry(t.db, ws),
      await buildAuditEntry(t.db, ws),
      await buildAuditEntry(t.db, ws),
    ];
    await buildAuditEntry(t.db, other);
    expect(ids(await listAuditEntries(t.db, ws, { limit: 2 }))).toEqual([e3.id, e2.id]);
    expect(ids(await listAuditEntries(t.db, ws, { limit: 2, beforeId: e2.id }))).toEqual([e1.id]);
    expect(await listAuditEntries(t.db, ws, { limit: 2, beforeId: e1.id })).toEqual([]);
  });

  it('filters by record, action, person and a span of moments (from inclusive, before exclusive)', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const early = await buildAuditEntry(t.db, ws, { at: '2026-11-01T00:00:00.000Z', entity_id: 'acc-1' });
    const byAna = await buildAuditEntry(t.db, ws, {
      at: '2026-11-02T00:00:00.000Z',
      actor_type: 'user',
      actor_id: 'user-ana',
      actor_label: 'ana@example.com',
      action: 'deal.confirm',
      entity_type: 'deal',
    });
    const late = await buildAuditEntry(t.db, ws, { at: '2026-11-03T00:00:00.000Z', entity_id: 'acc-1' });
    const list = (f: Omit<Parameters<typeof listAuditEntries>[2], 'limit'>) =>
      listAuditEntries(t.db, ws, { ...f, limit: 10 }).then(ids);

    expect(await list({ entityType: 'account', entityId: 'acc-1' })).toEqual([late.id, early.id]);
    expect(await list({ action: 'deal.confirm' })).toEqual([byAna.id]);
    expect(await list({ actorId: 'user-ana' })).toEqual([byAna.id]);
    expect(await list({ fromAt: byAna.at, beforeAt: late.at })).toEqual([byAna.id]);
    expect(await list({ fromAt: '2026-11-02T00:00:00.001Z' })).toEqual([late.id]);
  });

  it('offers the actions, record types and named actors a workspace holds, once each', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    await buildAuditEntry(t.db, ws, {
      action: 'deal.confirm',
      entity_type: 'deal',
      actor_type: 'user',
      actor_id: 'u1',
      actor_label: 'ana@example.com',
    });
    await buildAuditEntry(t.db, ws, {
      action: 'deal.confirm',
      entity_type: 'deal',
      actor_type: 'user',
      actor_id: 'u1',
      actor_label: 'ana@example.com',
    });
    await buildAuditEntry(t.db, ws);
    await buildAuditEntry(t.db, (await buildWorkspace(t.db)).id, {
      action: 'workspace.create',
      entity_type: 'workspace',
    });
    expect(await selectAuditFacets(t.db, ws)).toEqual({
      actions: ['account.create', 'deal.confirm'],
      entityTypes: ['account', 'deal'],
      actors: [{ actor_type: 'user', actor_id: 'u1', actor_label: 'ana@example.com' }],
    });
  });
});
