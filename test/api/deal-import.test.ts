import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDeals } from '../../src/modules/deals/deal-import.service.ts';
import { SYSTEM_ACTOR } from '../../src/platform/auth/principal.ts';
import { createWorkspace } from '../../src/platform/identity/workspace.service.ts';
import { hasSharedData, sharedFile } from '../helpers/shared-data.ts';
import { createTestDatabase, type TestDatabase } from '../helpers/test-db.ts';

let t: TestDatabase;
let dir: string;

beforeAll(async () => {
  t = await createTestDatabase();
  dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-import-'));
});
afterAll(async () => {
  await t?.close();
  fs.rmSync(dir, { recursive: true, force: true });
});

const workspace = async (slug: string) => (await createWorkspace(t.db, SYSTEM_ACTOR, { slug })).id;
const fromFile = (file: string) => () => file;
const fromText = (text: string) => () => Readable.from([Buffer.from(text)]);
const run = (workspaceId: string, open: () => Readable | string, extra: Partial<Parameters<typeof importDeals>[1]> = {}) =>
  importDeals(t.db, { workspaceId, actor: SYSTEM_ACTOR, open, fileName: 'test.csv', ...extra });

async function states(workspaceId: string) {
  const rows = await t.db.selectFrom('deals').select(['journey_state', (eb) => eb.fn.countAll().as('n')]).where('workspace_id', '=', workspaceId).groupBy('journey_state').execute();
  return Object.fromEntries(rows.map((r) => [r.journey_state, Number(r.n)]));
}

describe.skipIf(!hasSharedData)('importing the shared Salesforce and Fivetran files', () => {
  it('imports the Data Loader Opportunity export: 12 won deals wait for confirmation, 3 lost, 35 open', async () => {
    const ws = await workspace('sf-workshop');
    const file = sharedFile('salesforce-sample', 'sfdc-assets-data-cloud-workshop', 'Opportunity.csv');
    const report = await run(ws, fromFile(file));
    expect(report).toMatchObject({ format: 'salesforce', read: 50, created: 50, updated: 0, unchanged: 0, rejected: 0, skipped: 0, errors: [] });
    expect(await states(ws)).toEqual({ pending_confirmation: 12, lost: 3, open: 35 });
    const again = await run(ws, fromFile(file));
    expect(again).toMatchObject({ read: 50, created: 0, updated: 0, unchanged: 50 });
  });

  it('imports the Excel-reshaped export, reading its dates in the order the file proves', async () => {
    const ws = await workspace('sf-devorg');
    const report = await run(ws, fromFile(sharedFile('salesforce-sample', 'devorg-sample-powerbi', 'Opportunity.csv')));
    expect(report).toMatchObject({ read: 36, created: 36, rejected: 0 });
    expect(report.notes.join(' ')).toContain('month/day/year');
    expect(await states(ws)).toEqual({ pending_confirmation: 12, lost: 8, open: 16 });
    const dickenson = await t.db.selectFrom('deals').select(['close_date']).where('workspace_id', '=', ws).where('external_id', '=', '006bm00000LKJNNAA5').executeTakeFirstOrThrow();
    expect(dickenson.close_date).toBe('2024-02-03');
  });

  it('skips the deleted rows of the Fivetran Salesforce seed, saying why', async () => {
    const ws = await workspace('ft-sf');
    const report = await run(ws, fromFile(sharedFile('fivetran-schema-seeds', 'salesforce', 'sf_opportunity_data.csv')));
    expect(report).toMatchObject({ format: 'fivetran-salesforce', read: 10, created: 0, skipped: 10, rejected: 0 });
    expect(report.notes.join(' ')).toMatch(/10 rows skipped/);
  });

  it('rejects the Fivetran HubSpot deals that carry no stage, naming the field on every row', async () => {
    const ws = await workspace('ft-hs');
    const report = await run(ws, fromFile(sharedFile('fivetran-schema-seeds', 'hubspot', 'deal_data.csv')));
    expect(report).toMatchObject({ format: 'fivetran-hubspot', read: 44, created: 0, rejected: 44 });
    expect(new Set(report.errors.map((e) => e.field))).toEqual(new Set(['stage']));
    expect(await states(ws)).toEqual({});
  });
});

describe('importing any CSV', () => {
  const header = 'Deal ID,Title,Customer,Status,Value,Signed\n';

  it('maps columns explicitly, and a changed row updates its deal', async () => {
    const ws = await workspace('mapped');
    const mapping = { 'Deal ID': 'external_id', Title: 'name', Customer: 'account', Status: 'stage', Value: 'amount', Signed: 'signed_date' } as const;
    const first = await run(ws, fromText(`${header}D-1,Expansion,Acme,Won,1200,2026-11-01\nD-2,New logo,Globex,Negotiation,5000,\n`), { options: { mapping } });
    expect(first).toMatchObject({ format: 'mapped', read: 2, created: 2 });
    expect(first.notes.join(' ')).toContain('csv: Negotiation');
    const second = await run(ws, fromText(`${header}D-1,Expansion,Acme,Won,1500,2026-11-01\nD-2,New logo,Globex,Negotiation,5000,\n`), { options: { mapping } });
    expect(second).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const d1 = await t.db.selectFrom('deals').selectAll().where('workspace_id', '=', ws).where('external_id', '=', 'D-1').executeTakeFirstOrThrow();
    expect(d1).toMatchObject({ amount: 1500, journey_state: 'pending_confirmation', stage_category: 'won' });
  });

  it('writes nothing on a dry run, yet counts what would change', async () => {
    const ws = await workspace('dry');
    const mapping = { 'Deal ID': 'external_id', Title: 'name', Status: 'stage' } as const;
    const report = await run(ws, fromText('Deal ID,Title,Status\nX-1,One,Won\nX-2,Two,Lost\n'), { options: { mapping }, dryRun: true });
    expect(report).toMatchObject({ dryRun: true, read: 2, created: 2 });
    expect(await states(ws)).toEqual({});
  });

  it('keeps good rows and reports each bad one with its row, field and reason', async () => {
    const ws = await workspace('messy');
    const mapping = { 'Deal ID': 'external_id', Title: 'name', Status: 'stage', Value: 'amount', Closed: 'close_date' } as const;
    const text = 'Deal ID,Title,Status,Value,Closed\nM-1,Good,Won,100,2026-01-05\n,No id,Won,100,2026-01-05\nM-3,Bad amount,Won,lots,2026-01-05\nM-4,Ambiguous date,Won,100,03/04/2026\nM-5,"Unclosed quote,Won,1,2026-01-05\n';
    const report = await run(ws, fromText(text), { options: { mapping, dateOrder: undefined } }).catch((e) => e);
    // 03/04/2026 reads both ways, so the importer asks for the date order before writing anything.
    expect(report.message).toMatch(/declare the date order/);
    expect(await states(ws)).toEqual({});
    const declared = await run(ws, fromText(text), { options: { mapping, dateOrder: 'dmy' } });
    expect(declared.created).toBe(2);
    expect(declared.rejected).toBe(3);
    expect(declared.errors.map((e) => [e.row, e.field])).toEqual([
      [2, 'external_id'],
      [3, 'amount'],
      [5, 'csv'],
    ]);
  });

  it('refuses a file it cannot recognise, naming the formats to choose from', async () => {
    const ws = await workspace('unknown');
    await expect(run(ws, fromText('a,b,c\n1,2,3\n'))).rejects.toThrow(/hubspot-export, salesforce/);
  });
});
