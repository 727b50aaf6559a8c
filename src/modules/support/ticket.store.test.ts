import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildWorkspace } from '../../../test/helpers/fixtures/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-db.ts';
import type { TicketTable } from './ticket.table.ts';
import {
  insertTickets,
  saveModel,
  selectByExternalIds,
  selectModel,
  selectTickets,
  selectUnmatched,
  updateTicket,
} from './ticket.store.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

let seq = 0;
const ticket = (workspaceId: string, over: Partial<TicketTable> = {}): TicketTable => ({
  id: `00000000-0000-7000-8000-${String(++seq).padStart(12, '0')}`,
  workspace_id: workspaceId,
  account_id: null,
  source: 'csv',
  external_id: `T${seq}`,
  subject: 'A question',
  description: null,
  status: 'open',
  priority: null,
  category: null,
  category_source: null,
  channel: null,
  requester_email: null,
  organization: null,
  account_external_id: null,
  assignee: null,
  tags: '[]',
  reopens: null,
  created_at: '2026-10-01T00:00:00.000Z',
  first_response_at: null,
  solved_at: null,
  satisfaction: null,
  updated_at: null,
  content_hash: 'h',
  stored_at: '2026-10-01T00:00:00.000Z',
  ...over,
});

const ids = (rows: { external_id: string }[]) => rows.map((r) => r.external_id);

describe('ticket store (both databases)', () => {
  it('finds tickets by external id within one source and workspace, past a chunk of 500 ids', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const other = (await buildWorkspace(t.db)).id;
    await insertTickets(t.db, [
      ticket(ws, { external_id: 'a' }),
      ticket(ws, { external_id: 'a', source: 'zendesk' }),
      ticket(other, { external_id: 'a' }),
      ticket(ws, { external_id: 'z' }),
    ]);
    const asked = ['a', ...Array.from({ length: 600 }, (_, i) => `missing-${i}`), 'z'];
    const found = await selectByExternalIds(t.db, ws, 'csv', asked);
    expect(ids(found).sort()).toEqual(['a', 'z']);
    expect(found.every((r) => r.workspace_id === ws && r.source === 'csv')).toBe(true);
  });

  it('refuses a second ticket with the same source and external id in a workspace', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    await insertTickets(t.db, [ticket(ws, { external_id: 'dup' })]);
    await expect(insertTickets(t.db, [ticket(ws, { external_id: 'dup' })])).rejects.toThrow();
  });

  it('pages newest first with filters, and lists the unmatched ones', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const account = (await buildAccount(t.db, ws)).id;
    await insertTickets(t.db, [
      ticket(ws, { external_id: 'old', created_at: '2026-09-01T00:00:00.000Z', account_id: account, category: 'bug' }),
      ticket(ws, { external_id: 'mid', created_at: '2026-09-15T00:00:00.000Z', category: 'how_to' }),
      ticket(ws, { external_id: 'new', created_at: '2026-10-01T00:00:00.000Z', account_id: account, status: 'solved' }),
    ]);
    const first = await selectTickets(t.db, ws, { limit: 2 });
    expect(ids(first)).toEqual(['new', 'mid', 'old']);
    const last = first[1]!;
    expect(
      ids(await selectTickets(t.db, ws, { limit: 2, after: { createdAt: last.created_at, id: last.id } })),
    ).toEqual(['old']);
    expect(ids(await selectTickets(t.db, ws, { limit: 10, accountId: account }))).toEqual(['new', 'old']);
    expect(ids(await selectTickets(t.db, ws, { limit: 10, category: 'how_to' }))).toEqual(['mid']);
    expect(ids(await selectTickets(t.db, ws, { limit: 10, status: 'solved' }))).toEqual(['new']);
    expect(ids(await selectTickets(t.db, ws, { limit: 10, unmatched: true }))).toEqual(['mid']);
    expect((await selectUnmatched(t.db, ws)).map((r) => r.id)).toHaveLength(1);
  });

  it('updates one ticket of its own workspace only', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const other = (await buildWorkspace(t.db)).id;
    const row = ticket(ws);
    await insertTickets(t.db, [row]);
    await updateTicket(t.db, other, row.id, { category: 'billing' });
    await updateTicket(t.db, ws, row.id, { category: 'bug', category_source: 'person' });
    const [stored] = await selectTickets(t.db, ws, { limit: 1 });
    expect(stored).toMatchObject({ category: 'bug', category_source: 'person' });
  });

  it('keeps one fitted model per workspace: the last', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const fit = { workspace_id: ws, n: 10, accuracy: 0.5, macro_f1: 0.4, metrics: '{}', model: '{}' };
    await saveModel(t.db, { ...fit, trained_at: '2026-10-01T00:00:00.000Z' });
    await saveModel(t.db, { ...fit, trained_at: '2026-10-02T00:00:00.000Z', accuracy: 0.75 });
    const stored = await selectModel(t.db, ws);
    expect(stored).toMatchObject({ trained_at: '2026-10-02T00:00:00.000Z' });
    expect(Number(stored!.accuracy)).toBe(0.75);
  });
});
