import fs from 'node:fs';
import path from 'node:path';
import type { Kysely } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openDatabase } from '../../src/platform/db/database.ts';
import type { Database } from '../../src/platform/db/schema.ts';
import { baton, type CliWorkspace, cliWorkspace } from '../helpers/cli.ts';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

/**
 * One way into imports: the same file through `baton import` and through the upload route gives the same report,
 * the same notes kept with its run, the same run record and the same audit entry.
 */

let cli: CliWorkspace;
let t: TestApp;
let admin: Client;
let ws: string;

beforeAll(async () => {
  cli = await cliWorkspace('acme');
  t = await createTestApp();
  ws = await t.workspace('acme');
  admin = await t.login((await t.user(ws, 'admin')).email);
}, 60_000);
afterAll(async () => {
  await t?.close();
  await cli?.close();
});

const PIPELINES = path.resolve(
  import.meta.dirname,
  '../../src/modules/deals/stages/fixtures/hubspot-deal-pipelines.json',
);

/** A stage no mapping explains (a note), a row without a name (rejected) and a deal that imports. */
const DEALS = 'Deal ID,Title,Status,Amount\nD-1,Globex renewal,Haggling,1200\nD-2,,Haggling,10\nD-3,Initech,won,500\n';
const DEAL_MAP = { 'Deal ID': 'external_id', Title: 'name', Status: 'stage', Amount: 'amount' };
/** Reports of an account Baton does not know (a note) and one with a status that is neither ok nor error. */
const SYNCS =
  'account,integration,status,detail,occurred_at\numbrella.example,crm-sync,ok,,2026-03-01T08:00:00Z\numbrella.example,crm-sync,fine,,2026-03-01T09:00:00Z\n';

interface Door {
  report: Record<string, unknown>;
  run: Record<string, unknown>;
  audit: { action: string; after: Record<string, unknown> } | undefined;
}

/** The run a report names and the audit entry of it, without what differs by nature (ids, times, who). */
async function recordsOf(db: Kysely<Database>, report: Record<string, unknown>): Promise<Door> {
  const { runId, ...rest } = report;
  const run = await db
    .selectFrom('import_runs')
    .select(['kind', 'format', 'file_name', 'status', 'dry_run', 'read', 'created', 'updated', 'rejected'])
    .select(['unchanged', 'skipped', 'errors', 'notes'])
    .where('id', '=', runId as string)
    .executeTakeFirstOrThrow();
  const audit = await db
    .selectFrom('audit_log')
    .select(['action', 'after_json'])
    .where('entity_type', '=', 'import_run')
    .where('entity_id', '=', runId as string)
    .executeTakeFirst();
  return {
    report: rest,
    run: { ...run, errors: JSON.parse(run.errors), notes: run.notes ? JSON.parse(run.notes) : [] },
    audit: audit && { action: audit.action, after: JSON.parse(audit.after_json ?? '{}') },
  };
}

async function throughCli(args: string[], name: string, text: string): Promise<Door> {
  const file = path.join(cli.dir, name);
  fs.writeFileSync(file, text);
  const r = baton(['import', ...args.slice(0, 1), file, ...args.slice(1), '--workspace', 'acme', '--json'], cli.env);
  const report = JSON.parse(r.stdout || '{}');
  expect(r.status, r.stderr).toBe(report.rejected > 0 ? 3 : 0);
  const dbh = await openDatabase(cli.database.url);
  try {
    return await recordsOf(dbh.db, report);
  } finally {
    await dbh.close();
  }
}

async function throughApi(
  kind: string,
  query: Record<string, string>,
  name: string,
  text: string,
  type = 'text/csv',
): Promise<Door> {
  const res = await admin.request({
    method: 'POST',
    url: `/api/v1/imports/${kind}?${new URLSearchParams({ ...query, fileName: name })}`,
    headers: { 'content-type': type },
    payload: text,
  });
  expect(res.statusCode, res.body).toBe(200);
  return recordsOf(t.ctx.db, res.json());
}

describe('the same file through the command line and the upload route', () => {
  it('deals: the same report, notes (the unmapped stage), run record and audit entry', async () => {
    const mapArgs = Object.entries(DEAL_MAP).flatMap(([column, field]) => ['--map', `${column}=${field}`]);
    const fromCli = await throughCli(['deals', ...mapArgs], 'deals.csv', DEALS);
    const fromApi = await throughApi('deals', { mapping: JSON.stringify(DEAL_MAP) }, 'deals.csv', DEALS);
    expect(fromCli.report).toMatchObject({ read: 3, created: 2, rejected: 1 });
    expect((fromCli.report.notes as string[]).join(' ')).toMatch(/stages with no mapping .*Haggling/);
    // The command line used to leave the notes out of the run it kept.
    expect(fromCli.run.notes).toEqual(fromCli.report.notes);
    expect(fromApi).toEqual(fromCli);
    expect(fromCli.audit?.action).toBe('deal.import');
  });

  it('integration status: the same report, notes (the accounts kept aside), run record and audit entry', async () => {
    const fromCli = await throughCli(['integration-status'], 'syncs.csv', SYNCS);
    const fromApi = await throughApi('integration-status', {}, 'syncs.csv', SYNCS);
    expect(fromCli.report).toMatchObject({ kind: 'integration_status', read: 2, created: 1, rejected: 1 });
    expect(fromCli.run.notes).toEqual(fromCli.report.notes);
    expect((fromCli.run.notes as string[]).join(' ')).toMatch(/umbrella\.example\) are kept aside/);
    expect(fromApi).toEqual(fromCli);
    expect(fromCli.audit?.action).toBe('usage.integration_status_import');
  });

  it('pipelines: a definition file loads alike, and is kept as a run with its audit entry', async () => {
    const json = fs.readFileSync(PIPELINES, 'utf8');
    const fromCli = await throughCli(['pipelines'], 'pipelines.json', json);
    const fromApi = await throughApi('pipelines', {}, 'pipelines.json', json, 'application/json');
    expect(fromCli.report).toMatchObject({ kind: 'pipelines', format: 'hubspot-pipelines', read: 2, created: 2 });
    expect(fromCli.report.details).toMatchObject({ stages: 12, files: ['pipelines.json'] });
    expect(fromApi).toEqual(fromCli);
    expect(fromCli.audit?.action).toBe('deal.stage_mapping.import');
  });
});

describe('GET /api/v1/imports/kinds', () => {
  it('lists every kind the modules declare, with what it takes and who may import it', async () => {
    const res = await admin.request({ method: 'GET', url: '/api/v1/imports/kinds' });
    expect(res.statusCode, res.body).toBe(200);
    const kinds = res.json().items as Array<{ kind: string }>;
    const kind = (name: string) => kinds.find((k) => k.kind === name);
    for (const name of ['deals', 'accounts', 'contacts', 'pipelines', 'resources', 'time-entries', 'usage', 'seats'])
      expect(kind(name), name).toBeDefined();
    expect(kind('deals')).toMatchObject({
      access: 'imports:run',
      preview: true,
      takes: expect.arrayContaining(['decimal']),
    });
    expect(kind('time-entries')).toMatchObject({ access: 'time:write', preview: false, takes: [] });
    expect(kind('usage')).toMatchObject({
      takes: ['mapping'],
      options: [{ name: 'source', default: 'csv' }],
      files: [{ name: 'subscriptions' }, { name: 'accounts' }],
    });
    expect(kind('integration-status')).toMatchObject({ runKind: 'integration_status' });
  });
});
