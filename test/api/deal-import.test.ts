import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDeals } from '../../src/modules/deals/deal-import.service.ts';
import {
  loadPipelines as loadPipelineDefinitions,
  readPipelineFiles,
} from '../../src/modules/deals/stages/pipeline-import.ts';
import { listStageMappings } from '../../src/modules/deals/stages/stage.service.ts';
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
const run = (
  workspaceId: string,
  open: () => Readable | string,
  extra: Partial<Parameters<typeof importDeals>[1]> = {},
) => importDeals(t.db, { workspaceId, actor: SYSTEM_ACTOR, open, fileName: 'test.csv', ...extra });

async function states(workspaceId: string) {
  const rows = await t.db
    .selectFrom('deals')
    .select(['journey_state', (eb) => eb.fn.countAll().as('n')])
    .where('workspace_id', '=', workspaceId)
    .groupBy('journey_state')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.journey_state, Number(r.n)]));
}

describe.skipIf(!hasSharedData)('importing the shared Salesforce and Fivetran files', () => {
  it('imports the Data Loader Opportunity export: 12 won deals wait for confirmation, 3 lost, 35 open', async () => {
    const ws = await workspace('sf-workshop');
    const file = sharedFile('salesforce-sample', 'sfdc-assets-data-cloud-workshop', 'Opportunity.csv');
    const report = await run(ws, fromFile(file));
    expect(report).toMatchObject({
      format: 'salesforce',
      read: 50,
      created: 50,
      updated: 0,
      unchanged: 0,
      rejected: 0,
      skipped: 0,
      errors: [],
    });
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
    const dickenson = await t.db
      .selectFrom('deals')
      .select(['close_date'])
      .where('workspace_id', '=', ws)
      .where('external_id', '=', '006bm00000LKJNNAA5')
      .executeTakeFirstOrThrow();
    expect(dickenson.close_date).toBe('2024-02-03');
  });

  it('skips the deleted rows of the Fivetran Salesforce seed, saying why', async () => {
    const ws = await workspace('ft-sf');
    const report = await run(
      ws,
      fromFile(sharedFile('fivetran-schema-seeds', 'salesforce', 'sf_opportunity_data.csv')),
    );
    expect(report).toMatchObject({ format: 'fivetran-salesforce', read: 10, created: 0, skipped: 10, rejected: 0 });
    expect(report.notes.join(' ')).toMatch(/10 rows skipped/);
  });

  it('rejects the Fivetran HubSpot deals that carry no stage, naming the field on every row', async () => {
    const ws = await workspace('ft-hs');
    const report = await run(ws, fromFile(sharedFile('fivetran-schema-seeds', 'hubspot', 'deal_data.csv')));
    expect(report).toMatchObject({ format: 'fivetran-hubspot', read: 44, created: 0, rejected: 44 });
    expect(new Set(report.errors.map((e) => e.field))).toEqual(new Set(['stage']));
    expect(report.errors.every((e) => e.reason.includes('deal_pipeline_stage_id'))).toBe(true);
    expect(await states(ws)).toEqual({});
  });

  describe('with the Fivetran HubSpot pipelines loaded first', () => {
    const stagesFile = sharedFile('fivetran-schema-seeds', 'hubspot', 'deal_pipeline_stage_data.csv');
    const pipelinesFile = sharedFile('fivetran-schema-seeds', 'hubspot', 'deal_pipeline_data.csv');
    const dealsFile = sharedFile('fivetran-schema-seeds', 'hubspot', 'deal_data.csv');
    /** The seeds have no quoted fields: a plain split reads them, independently of Baton's reader. */
    const table = (file: string) => {
      const [header, ...lines] = fs.readFileSync(file, 'utf8').trim().split(/\r?\n/);
      const names = (header ?? '').split(',');
      return {
        names,
        rows: lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [names[i], v])) as Record<string, string>),
      };
    };
    const loadPipelines = async (ws: string) => {
      const files = [stagesFile, pipelinesFile].map((f) => ({
        name: path.basename(f),
        text: fs.readFileSync(f, 'utf8'),
      }));
      const read = await readPipelineFiles(files);
      return t.db.transaction().execute((trx) => loadPipelineDefinitions(trx, SYSTEM_ACTOR, ws, read));
    };

    it('still rejects the seed deals: none of the 44 carries a stage id to map', async () => {
      const ws = await workspace('ft-hs-pipelines');
      const deals = table(dealsFile).rows;
      const live = table(stagesFile).rows.filter((r) => r._fivetran_deleted !== 'TRUE');
      const loaded = await loadPipelines(ws);
      expect(loaded.stages).toBe(live.length);
      const report = await run(ws, fromFile(dealsFile));
      const withoutStage = deals.filter((r) => r.deal_pipeline_stage_id === '').length;
      expect(withoutStage).toBe(44);
      expect(report).toMatchObject({
        format: 'fivetran-hubspot',
        read: deals.length,
        created: deals.length - withoutStage,
        rejected: withoutStage,
      });
      expect(new Set(report.errors.map((e) => e.field))).toEqual(new Set(['stage']));
    });

    /** The seed deals, each placed at the stage on the same line of the stage table (deleted stages included). */
    const placedDeals = () => {
      const { names, rows: deals } = table(dealsFile);
      const stageRows = table(stagesFile).rows;
      const placed: Array<Record<string, string>> = deals.map((d, i) => ({
        ...d,
        deal_pipeline_id: stageRows[i]?.pipeline_id ?? '',
        deal_pipeline_stage_id: stageRows[i]?.stage_id ?? '',
      }));
      const file = path.join(dir, 'deal_data_with_stages.csv');
      fs.writeFileSync(file, `${names.join(',')}\n${placed.map((d) => names.map((n) => d[n]).join(',')).join('\n')}\n`);
      const used = stageRows.slice(0, deals.length);
      return {
        file,
        deals,
        won: used.filter((r) => r._fivetran_deleted !== 'TRUE' && r.closed_won === 'TRUE').length,
        deletedStages: used.filter((r) => r._fivetran_deleted === 'TRUE').length,
      };
    };

    it('maps the stage ids of deals that carry them: won where the stage table says closed_won', async () => {
      const ws = await workspace('ft-hs-stage-ids');
      const { file, deals, won, deletedStages } = placedDeals();
      expect([deals.length, won, deletedStages]).toEqual([44, 3, 2]);

      await loadPipelines(ws);
      const report = await run(ws, fromFile(file));
      expect(report).toMatchObject({ read: deals.length, created: deals.length, rejected: 0 });
      // No close or signed date in the seed: the won deals wait for their signature.
      expect(await states(ws)).toEqual({ pending_confirmation: won, open: deals.length - won });
      expect(report.notes.join(' ')).toContain('stages with no mapping were taken as still open');
      const view = await listStageMappings(t.db, ws);
      expect(view.unmapped.reduce((n, u) => n + u.deals, 0)).toBe(deletedStages);
    });

    it('re-evaluates deals imported before their pipelines were loaded', async () => {
      const ws = await workspace('ft-hs-late-pipelines');
      const { file, deals, won } = placedDeals();
      const report = await run(ws, fromFile(file));
      expect(report.created).toBe(deals.length);
      expect(await states(ws)).toEqual({ open: deals.length });
      const loaded = await loadPipelines(ws);
      expect(loaded).toMatchObject({ dealsRecategorized: won, dealsChangedState: won });
      expect(await states(ws)).toEqual({ pending_confirmation: won, open: deals.length - won });
      const again = await run(ws, fromFile(file));
      expect(again).toMatchObject({ unchanged: deals.length, updated: 0 });
    });
  });
});

describe('importing any CSV', () => {
  const header = 'Deal ID,Title,Customer,Status,Value,Signed\n';

  it('maps columns explicitly, and a changed row updates its deal', async () => {
    const ws = await workspace('mapped');
    const mapping = {
      'Deal ID': 'external_id',
      Title: 'name',
      Customer: 'account',
      Status: 'stage',
      Value: 'amount',
      Signed: 'signed_date',
    } as const;
    const first = await run(
      ws,
      fromText(`${header}D-1,Expansion,Acme,Won,1200,2026-11-01\nD-2,New logo,Globex,Negotiation,5000,\n`),
      { options: { mapping } },
    );
    expect(first).toMatchObject({ format: 'mapped', read: 2, created: 2 });
    expect(first.notes.join(' ')).toContain('csv: Negotiation');
    const second = await run(
      ws,
      fromText(`${header}D-1,Expansion,Acme,Won,1500,2026-11-01\nD-2,New logo,Globex,Negotiation,5000,\n`),
      { options: { mapping } },
    );
    expect(second).toMatchObject({ created: 0, updated: 1, unchanged: 1 });
    const d1 = await t.db
      .selectFrom('deals')
      .selectAll()
      .where('workspace_id', '=', ws)
      .where('external_id', '=', 'D-1')
      .executeTakeFirstOrThrow();
    expect(d1).toMatchObject({ amount: 1500, journey_state: 'pending_confirmation', stage_category: 'won' });
  });

  it('writes nothing on a dry run, yet counts what would change', async () => {
    const ws = await workspace('dry');
    const mapping = { 'Deal ID': 'external_id', Title: 'name', Status: 'stage' } as const;
    const report = await run(ws, fromText('Deal ID,Title,Status\nX-1,One,Won\nX-2,Two,Lost\n'), {
      options: { mapping },
      dryRun: true,
    });
    expect(report).toMatchObject({ dryRun: true, read: 2, created: 2 });
    expect(await states(ws)).toEqual({});
  });

  it('keeps good rows and reports each bad one with its row, field and reason', async () => {
    const ws = await workspace('messy');
    const mapping = {
      'Deal ID': 'external_id',
      Title: 'name',
      Status: 'stage',
      Value: 'amount',
      Closed: 'close_date',
    } as const;
    const text =
      'Deal ID,Title,Status,Value,Closed\nM-1,Good,Won,100,2026-01-05\n,No id,Won,100,2026-01-05\nM-3,Bad amount,Won,lots,2026-01-05\nM-4,Ambiguous date,Won,100,03/04/2026\nM-5,"Unclosed quote,Won,1,2026-01-05\n';
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
