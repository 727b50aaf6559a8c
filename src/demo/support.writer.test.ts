import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTestApp, type TestApp } from '../../test/helpers/test-app.ts';
import { getTicketWithHistory } from '../modules/support/ticket.service.ts';
import { buildDemoWorkspace, type DemoSummary } from './demo.service.ts';

const today = new Date('2026-12-01T10:30:00Z');
let t: TestApp;
let summary: DemoSummary;

beforeAll(async () => {
  t = await createTestApp({}, { now: () => today });
  summary = await t.ctx.db.transaction().execute((trx) => buildDemoWorkspace(trx, { today }));
}, 180_000);
afterAll(async () => t?.close());

describe('the demo’s ticket history', () => {
  it('keeps the story customer’s status changes, several reopened, and those of a share of the others', async () => {
    const ws = summary.workspaceId;
    const rows = await t.ctx.db
      .selectFrom('tickets')
      .select(['id', 'account_id'])
      .where('workspace_id', '=', ws)
      .execute();
    expect(rows).toHaveLength(summary.tickets);
    const perAccount = new Map<string | null, number>();
    for (const r of rows) perAccount.set(r.account_id, (perAccount.get(r.account_id) ?? 0) + 1);
    const [story] = [...perAccount].filter(([a]) => a).sort((a, b) => b[1] - a[1])[0]!;
    const tickets = await Promise.all(rows.map((r) => getTicketWithHistory(t.ctx.db, ws, r.id)));
    const ofStory = tickets.filter((x) => x.accountId === story);
    expect(ofStory.every((x) => x.history.length > 0 && x.history[0]!.status === 'new')).toBe(true);
    const reopened = ofStory.filter((x) =>
      x.history.some((e, i) => i > 0 && x.history[i - 1]!.status === 'solved' && e.status === 'open'),
    );
    expect(reopened.length).toBeGreaterThanOrEqual(4);
    expect(reopened.every((x) => x.reopens === 1)).toBe(true);
    const others = tickets.filter((x) => x.accountId !== story);
    const withHistory = others.filter((x) => x.history.length > 0).length;
    expect(withHistory).toBeGreaterThan(others.length * 0.3);
    expect(withHistory).toBeLessThan(others.length);
    expect(tickets.reduce((n, x) => n + x.history.length, 0)).toBe(summary.ticketStatusChanges);
    // The ticket's times read from its history: created when it came in, solved the first time it was solved.
    for (const x of tickets.filter((y) => y.history.length > 0)) {
      expect(x.createdAt).toBe(x.history[0]!.at);
      expect(x.status).toBe(x.history.at(-1)!.status);
      if (x.solvedAt) expect(x.history.find((e) => e.status === 'solved')?.at).toBe(x.solvedAt);
      expect(x.history.every((e) => e.at < today.toISOString())).toBe(true);
    }
  });
});
