import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount } from '../helpers/fixtures/index.ts';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

const NOW = new Date('2026-11-20T12:00:00.000Z');
let t: TestApp;
let n = 0;

beforeAll(async () => {
  t = await createTestApp({}, { now: () => NOW });
});
afterAll(async () => t?.close());

async function setUp() {
  const ws = await t.workspace(`support-event-log-${++n}`);
  const agent = await t.login((await t.user(ws, 'support')).email);
  const northwind = await buildAccount(t.ctx.db, ws, { name: 'Northwind Traders', domain: 'northwind.example' });
  return { ws, agent, northwind };
}

const upload = (client: Client, csv: string, query: string) =>
  client.request({
    method: 'POST',
    url: `/api/v1/imports/tickets${query}`,
    headers: { 'content-type': 'text/csv' },
    payload: csv,
  });

const LOG = '?eventLog=true&key=ticket&at=changed_at';

/** An ITSM audit log: rows of one ticket scattered through the file, out of time order. */
const AUDIT_LOG = [
  'ticket,changed_at,status,subject,email',
  'INC-2,2026-10-02T09:00:00Z,new,Export is slow,ops@northwind.example',
  'INC-1,2026-10-03T10:00:00Z,solved,,',
  'INC-1,2026-10-01T09:00:00Z,new,Cannot log in,ann@northwind.example',
  'INC-2,2026-10-02T13:00:00Z,pending,,',
  'INC-1,2026-10-04T08:00:00Z,open,,',
  'INC-1,2026-10-01T11:30:00Z,open,Cannot log in with SSO,',
  'INC-1,2026-10-05T08:00:00Z,closed,,',
].join('\n');

const ticketRows = (ws: string) =>
  t.ctx.db.selectFrom('tickets').selectAll().where('workspace_id', '=', ws).orderBy('external_id').execute();

describe('baton import tickets --event-log', () => {
  it('collapses status changes into tickets with their history, whatever the rows’ order', async () => {
    const s = await setUp();
    const res = await upload(s.agent, AUDIT_LOG, LOG);
    expect(res.statusCode, res.body).toBe(200);
    const report = res.json();
    expect(report).toMatchObject({ format: 'csv', read: 7, created: 7, rejected: 0 });
    expect(report.notes.join(' ')).toContain('status changes of 2 tickets (2 new to Baton)');

    const [one, two] = await ticketRows(s.ws);
    expect(one).toMatchObject({
      external_id: 'INC-1',
      subject: 'Cannot log in with SSO',
      status: 'closed',
      account_id: s.northwind.id,
      created_at: '2026-10-01T09:00:00.000Z',
      first_response_at: '2026-10-01T11:30:00.000Z',
      solved_at: '2026-10-03T10:00:00.000Z',
      updated_at: '2026-10-05T08:00:00.000Z',
      reopens: 1,
    });
    expect(two).toMatchObject({ external_id: 'INC-2', status: 'pending', solved_at: null, reopens: 0 });

    const detail = await s.agent.request({ method: 'GET', url: `/api/v1/support/tickets/${one!.id}` });
    expect(detail.statusCode, detail.body).toBe(200);
    expect(detail.json().history.map((h: { status: string }) => h.status)).toEqual([
      'new',
      'open',
      'solved',
      'open',
      'closed',
    ]);
    expect(detail.json().reopens).toBe(1);
  });

  it('changes nothing on a rerun, and a later log adds to the history', async () => {
    const s = await setUp();
    await upload(s.agent, AUDIT_LOG, LOG);
    const again = (await upload(s.agent, AUDIT_LOG, LOG)).json();
    expect(again).toMatchObject({ created: 0, unchanged: 7 });
    expect(again.notes.join(' ')).toContain('(0 new to Baton)');
    expect(
      await t.ctx.db.selectFrom('ticket_events').where('workspace_id', '=', s.ws).select('at').execute(),
    ).toHaveLength(7);

    const later = ['ticket,changed_at,status,subject,email', 'INC-2,2026-10-06T09:00:00Z,solved,,'].join('\n');
    expect((await upload(s.agent, later, LOG)).json()).toMatchObject({ created: 1, rejected: 0 });
    const two = (await ticketRows(s.ws))[1];
    expect(two).toMatchObject({
      status: 'solved',
      solved_at: '2026-10-06T09:00:00.000Z',
      created_at: '2026-10-02T09:00:00.000Z',
      subject: 'Export is slow',
    });
  });

  it('reports bad rows by row and field, and refuses a key or time column the file does not have', async () => {
    const s = await setUp();
    const csv = [
      'ticket,changed_at,status,subject',
      'A,2026-10-01T09:00:00Z,new,Fine',
      ',2026-10-01T09:00:00Z,new,No key',
      'B,yesterday-ish,new,Bad time',
      'C,2026-10-01T09:00:00Z,new,',
    ].join('\n');
    const report = (await upload(s.agent, csv, LOG)).json();
    const errs = report.errors.map((e: { row: number; field: string }) => `${e.row}:${e.field}`).sort();
    expect(errs).toEqual(['2:external_id', '3:created_at', '4:subject']);
    expect((await ticketRows(s.ws)).map((r) => r.external_id)).toEqual(['A']);

    const missing = await upload(s.agent, csv, '?eventLog=true&key=ticket&at=when');
    expect(missing.statusCode).toBe(400);
    expect(missing.json().detail).toContain('"when" is not in the file');
    const noKey = await upload(s.agent, csv, '?eventLog=true&at=changed_at');
    expect(noKey.statusCode).toBe(400);
    expect(noKey.json().detail).toContain('querystring.key');
    const keyAlone = await upload(s.agent, csv, '?format=csv&key=ticket');
    expect(keyAlone.statusCode).toBe(400);
    expect(keyAlone.json().detail).toContain('querystring.eventLog');
  });
});
