import { describe, expect, it } from 'vitest';
import type { TicketRecord } from '../ticket.ts';
import { collapseTicket, deriveFromHistory, type EventLogTicket, foldEventRow, orderHistory } from './event-log.ts';

const row = (at: string, status: string | null, over: Partial<TicketRecord> = {}): TicketRecord => ({
  source: 'csv',
  externalId: 'T1',
  subject: null,
  description: null,
  status,
  priority: null,
  category: null,
  channel: null,
  requesterEmail: null,
  organization: null,
  accountExternalId: null,
  assignee: null,
  tags: [],
  createdAt: at,
  firstResponseAt: null,
  solvedAt: null,
  satisfaction: null,
  updatedAt: at,
  ...over,
});

const fold = (rows: TicketRecord[], createdMapped = false): EventLogTicket => {
  let summary: EventLogTicket | undefined;
  rows.forEach((r, i) => (summary = foldEventRow(summary, r, i + 2, createdMapped)));
  return summary!;
};

describe('an event log’s status history', () => {
  it.each([
    ['solved once', ['new', 'open', 'solved'], { solvedAt: 't3', reopens: 0, firstResponseAt: 't2' }],
    ['reopened twice', ['open', 'solved', 'open', 'closed', 'pending', 'solved'], { solvedAt: 't2', reopens: 2 }],
    ['never solved', ['new', 'pending'], { solvedAt: null, reopens: 0, firstResponseAt: 't2' }],
    ['repeats are one status', ['new', 'new', 'solved', 'solved', 'open'], { solvedAt: 't3', reopens: 1 }],
    ['no answer derivable when it starts open', ['open', 'solved'], { firstResponseAt: null }],
  ])('%s', (_name, statuses, expected) => {
    const events = statuses.map((status, i) => ({ status, at: `t${i + 1}` }));
    expect(deriveFromHistory(events)).toMatchObject(expected);
    // The order the rows came in does not matter.
    expect(deriveFromHistory([...events].reverse())).toMatchObject(expected);
  });

  it('orders by time and folds repeats', () => {
    const h = orderHistory([
      { status: 'open', at: '2026-10-02' },
      { status: 'new', at: '2026-10-01' },
      { status: 'open', at: '2026-10-03' },
    ]);
    expect(h).toEqual([
      { status: 'new', at: '2026-10-01' },
      { status: 'open', at: '2026-10-02' },
    ]);
  });
});

describe('folding an event log’s rows into a ticket', () => {
  const rows = [
    row('2026-10-03T10:00:00.000Z', 'solved', { assignee: 'Bo' }),
    row('2026-10-01T09:00:00.000Z', 'new', { subject: 'Cannot log in', organization: 'Northwind' }),
    row('2026-10-04T08:00:00.000Z', 'open', { priority: 'high' }),
    row('2026-10-01T11:30:00.000Z', 'open', { subject: 'Cannot log in (SSO)' }),
  ];

  it('keeps the latest row’s status and each field’s latest value, whatever the order', () => {
    const summary = fold(rows);
    expect(summary).toMatchObject({ firstAt: '2026-10-01T09:00:00.000Z', latestAt: '2026-10-04T08:00:00.000Z' });
    expect(summary.record).toMatchObject({
      status: 'open',
      subject: 'Cannot log in (SSO)',
      organization: 'Northwind',
      assignee: 'Bo',
      priority: 'high',
    });
    expect(fold([...rows].reverse()).record).toMatchObject({ status: 'open', subject: 'Cannot log in (SSO)' });
    expect(summary.rows).toBe(4);
    expect(summary.row).toBe(2);
  });

  it('collapses into a ticket: opened at its first row, solved the first time, reopened once', () => {
    const summary = fold(rows);
    const events = rows.map((r) => ({ status: r.status!, at: r.updatedAt! }));
    expect(collapseTicket(summary, events)).toMatchObject({
      createdAt: '2026-10-01T09:00:00.000Z',
      firstResponseAt: '2026-10-01T11:30:00.000Z',
      solvedAt: '2026-10-03T10:00:00.000Z',
      updatedAt: '2026-10-04T08:00:00.000Z',
      status: 'open',
      reopens: 1,
    });
  });

  it('takes a mapped created_at column over the first row’s time', () => {
    const mapped = rows.map((r) => ({ ...r, createdAt: '2026-09-30T23:00:00.000Z' }));
    const summary = fold(mapped, true);
    expect(collapseTicket(summary, []).createdAt).toBe('2026-09-30T23:00:00.000Z');
    expect(collapseTicket(fold(mapped, false), []).createdAt).toBe('2026-10-01T09:00:00.000Z');
  });
});
