import fs from 'node:fs';
import path from 'node:path';
import { Readable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { importDeals } from '../../src/modules/deals/deal-import.service.ts';
import { listStageMappings } from '../../src/modules/deals/stages/stage.service.ts';
import { SYSTEM_ACTOR } from '../../src/platform/auth/principal.ts';
import { openDatabase } from '../../src/platform/db/database.ts';
import { baton, type CliWorkspace, cliWorkspace } from '../helpers/cli.ts';
import { hasSharedData, sharedFile } from '../helpers/shared-data.ts';
import { type Client, createTestApp, type TestApp } from '../helpers/test-app.ts';

const FIXTURES = path.resolve(import.meta.dirname, '../../src/modules/deals/stages/fixtures');
const HUBSPOT_PIPELINES = path.join(FIXTURES, 'hubspot-deal-pipelines.json');
const SALESFORCE_STAGES = path.join(FIXTURES, 'salesforce-opportunity-stages.csv');
const HUBSPOT_EXPORT = path.resolve(
  import.meta.dirname,
  '../../src/modules/deals/import/fixtures/hubspot-all-deals.csv',
);

let t: TestApp;

beforeAll(async () => {
  t = await createTestApp();
});
afterAll(async () => t?.close());

interface StageView {
  stage: string;
  label: string | null;
  category: string;
  probability: number | null;
  origin: string;
  deals: number;
}
interface PipelineView {
  source: string;
  pipeline: string;
  pipelineLabel: string | null;
  stages: StageView[];
}
interface View {
  pipelines: PipelineView[];
  unmapped: Array<{ source: string; pipeline: string | null; stage: string; deals: number }>;
  fromSource: Array<{ source: string; stage: string; category: string; deals: number }>;
}

/** A workspace with an admin signed in. */
async function workspace(slug: string): Promise<{ id: string; admin: Client }> {
  const id = await t.workspace(slug);
  const client = await t.login((await t.user(id, 'admin')).email);
  return { id, admin: client };
}

const view = async (client: Client): Promise<View> => {
  const res = await client.request({ method: 'GET', url: '/api/v1/deals/stage-mappings' });
  expect(res.statusCode, res.body).toBe(200);
  return res.json();
};

const pipelineOf = (v: View, source: string, pipeline: string) =>
  v.pipelines.find((p) => p.source === source && p.pipeline === pipeline);
const stageOf = (v: View, source: string, pipeline: string, stage: string) =>
  pipelineOf(v, source, pipeline)?.stages.find((s) => s.stage === stage);

/** Deals from a mapped CSV (Deal ID, Title, Status, Signed), through the real importer. */
async function importCsv(workspaceId: string, rows: string[]) {
  const text = `Deal ID,Title,Status,Signed\n${rows.join('\n')}\n`;
  const report = await importDeals(t.ctx.db, {
    workspaceId,
    actor: SYSTEM_ACTOR,
    open: () => Readable.from([Buffer.from(text)]),
    fileName: 'deals.csv',
    options: { mapping: { 'Deal ID': 'external_id', Title: 'name', Status: 'stage', Signed: 'signed_date' } },
  });
  expect(report.rejected, JSON.stringify(report.errors)).toBe(0);
  return report;
}

async function dealsByExternalId(workspaceId: string) {
  const rows = await t.ctx.db.selectFrom('deals').selectAll().where('workspace_id', '=', workspaceId).execute();
  return Object.fromEntries(rows.map((r) => [r.external_id, r]));
}

const auditOf = (workspaceId: string, action: string) =>
  t.ctx.db
    .selectFrom('audit_log')
    .selectAll()
    .where('workspace_id', '=', workspaceId)
    .where('action', '=', action)
    .orderBy('at')
    .orderBy('id')
    .execute();

const put = (client: Client, payload: object) =>
  client.request({ method: 'PUT', url: '/api/v1/deals/stage-mappings', payload });

describe('stage mappings: reading them', () => {
  it('shows the built-in mappings on a new workspace, with nothing unmapped', async () => {
    const ws = await workspace('fresh');
    const v = await view(ws.admin);
    expect(v.unmapped).toEqual([]);
    expect(pipelineOf(v, 'hubspot', '')?.stages.map((s) => [s.stage, s.category, s.probability, s.origin])).toEqual([
      ['closedwon', 'won', 100, 'built_in'],
      ['closedlost', 'lost', 0, 'built_in'],
      ['closed won', 'won', 100, 'built_in'],
      ['closed lost', 'lost', 0, 'built_in'],
    ]);
    expect(pipelineOf(v, 'csv', '')?.stages.every((s) => s.origin === 'built_in' && s.deals === 0)).toBe(true);
  });

  it('counts deals per stage and lists the stages nothing maps, with their deal counts', async () => {
    const ws = await workspace('counts');
    await importCsv(ws.id, [
      'C-1,One,Won,2026-10-01',
      'C-2,Two,Won,',
      'C-3,Three,Negotiation,',
      'C-4,Four,negotiation ,',
      'C-5,Five,Lost,',
      'C-6,Six,Verbal yes,',
    ]);
    const v = await view(ws.admin);
    expect(stageOf(v, 'csv', '', 'won')?.deals).toBe(2);
    expect(stageOf(v, 'csv', '', 'lost')?.deals).toBe(1);
    // "Negotiation" and "negotiation " are one stage to a mapping, so one line with both deals.
    expect(v.unmapped).toEqual([
      { source: 'csv', pipeline: null, stage: 'Negotiation', deals: 2 },
      { source: 'csv', pipeline: null, stage: 'Verbal yes', deals: 1 },
    ]);
  });

  it('lets every role that reads deals see the mappings, and only deals:write change them', async () => {
    const ws = await workspace('roles');
    const viewer = await t.login((await t.user(ws.id, 'viewer')).email);
    const sales = await t.login((await t.user(ws.id, 'sales')).email);
    expect((await viewer.request({ method: 'GET', url: '/api/v1/deals/stage-mappings' })).statusCode).toBe(200);
    const body = { source: 'csv', pipeline: '', stages: [{ stage: 'Signed', category: 'won' }] };
    expect((await put(viewer, body)).statusCode).toBe(403);
    expect((await put(sales, body)).statusCode).toBe(200);
  });
});

describe('stage mappings: changing one pipeline re-evaluates its deals', () => {
  /** A workspace of the six deals below, R-2 and R-6 confirmed by finance, every deal in the state it starts in. */
  async function setUp(slug: string): Promise<{ id: string; admin: Client }> {
    const ws = await workspace(slug);
    await importCsv(ws.id, [
      'R-1,Pending win,Won,2026-10-01', // won, signed, finance not confirmed → pending_confirmation
      'R-2,Confirmed win,Won,2026-10-02', // confirmed below by finance
      'R-3,Unmapped signed,Contract signed,2026-10-03', // no mapping → open
      'R-4,Negotiating,Negotiation,',
      'R-5,Gone,Lost,',
      'R-6,Verbal,Verbal yes,2026-10-06', // open, but finance already confirmed it below
    ]);
    const deals = await dealsByExternalId(ws.id);
    for (const id of ['R-2', 'R-6']) {
      const res = await ws.admin.request({
        method: 'PUT',
        url: `/api/v1/deals/${deals[id]?.id}/finance-confirmation`,
        payload: { confirmed: true },
      });
      expect(res.statusCode, res.body).toBe(200);
    }
    const states = Object.fromEntries(
      Object.values(await dealsByExternalId(ws.id)).map((d) => [d.external_id, d.journey_state]),
    );
    expect(states).toEqual({
      'R-1': 'pending_confirmation',
      'R-2': 'confirmed',
      'R-3': 'open',
      'R-4': 'open',
      'R-5': 'lost',
      'R-6': 'open',
    });
    return ws;
  }

  /** The workspace's own meaning of the CSV stages: Won is open now, Contract signed and Verbal yes are won. */
  const remap = (client: Client) =>
    put(client, {
      source: 'csv',
      pipeline: '',
      stages: [
        { stage: 'Contract signed', category: 'won' },
        { stage: 'Verbal yes', label: 'Verbal commitment', category: 'won', probability: 95 },
        { stage: 'Negotiation', category: 'open', probability: 60 },
        { stage: 'Won', category: 'open', probability: 80 },
      ],
    });

  it('moves each deal as the closed-won guard says, answers how many changed state, and records it', async () => {
    const ws = await setUp('remap');
    const res = await remap(ws.admin);
    expect(res.statusCode, res.body).toBe(200);
    // leave won; become won; R-4 stays open.
    expect(res.json()).toMatchObject({ dealsRecategorized: 4, dealsChangedState: 4 });
    const deals = await dealsByExternalId(ws.id);
    expect(deals['R-1']).toMatchObject({ stage_category: 'open', journey_state: 'open' });
    expect(deals['R-2']).toMatchObject({ stage_category: 'open', journey_state: 'reopened' });
    expect(deals['R-2']?.reopened_at).toBeTruthy();
    expect(deals['R-3']).toMatchObject({ stage_category: 'won', journey_state: 'pending_confirmation' });
    expect(deals['R-4']).toMatchObject({ stage_category: 'open', journey_state: 'open' });
    expect(deals['R-5']).toMatchObject({ stage_category: 'lost', journey_state: 'lost' });
    // Signed and already confirmed by finance: won is all it lacked.
    expect(deals['R-6']).toMatchObject({ stage_category: 'won', journey_state: 'confirmed' });
    expect(deals['R-6']?.confirmed_at).toBeTruthy();

    const pipeline = res.json().pipeline as PipelineView;
    expect(pipeline.stages.map((s) => [s.stage, s.category, s.probability, s.origin, s.deals])).toEqual([
      ['Contract signed', 'won', 100, 'workspace', 1],
      ['Verbal yes', 'won', 95, 'workspace', 1],
      ['Negotiation', 'open', 60, 'workspace', 1],
      ['Won', 'open', 80, 'workspace', 2],
      ['closed won', 'won', 100, 'built_in', 0],
      ['lost', 'lost', 0, 'built_in', 1],
      ['closed lost', 'lost', 0, 'built_in', 0],
    ]);
    expect((await view(ws.admin)).unmapped).toEqual([]);

    const [entry, ...more] = await auditOf(ws.id, 'deal.stage_mapping.replace');
    expect(more).toHaveLength(0);
    expect(entry).toMatchObject({
      entity_type: 'deal_stage_mapping',
      entity_id: 'csv:',
      request_id: expect.any(String),
    });
    expect(JSON.parse(entry?.before_json ?? 'null')).toEqual({ pipelineLabel: null, stages: [] });
    expect(JSON.parse(entry?.after_json ?? 'null')).toMatchObject({
      stages: expect.arrayContaining([{ stage: 'Won', label: null, category: 'open', probability: 80 }]),
      dealsRecategorized: 4,
      dealsChangedState: 4,
    });
  });

  it('takes the new meaning on the next import too, without counting the re-evaluated deals as changed', async () => {
    const ws = await setUp('remap-then-import');
    expect((await remap(ws.admin)).statusCode).toBe(200);
    const report = await importCsv(ws.id, [
      'R-1,Pending win,Won,2026-10-01',
      'R-2,Confirmed win,Won,2026-10-02',
      'R-4,Negotiating,Negotiation,',
    ]);
    expect(report).toMatchObject({ read: 3, unchanged: 3, updated: 0 });
    expect(report.notes.join(' ')).not.toContain('no mapping');
    const deals = await dealsByExternalId(ws.id);
    expect([deals['R-1']?.journey_state, deals['R-2']?.journey_state]).toEqual(['open', 'reopened']);
  });

  it('puts the built-in mapping back when the pipeline is emptied, and the deals follow it', async () => {
    const ws = await setUp('remap-then-empty');
    expect((await remap(ws.admin)).statusCode).toBe(200);
    const res = await put(ws.admin, { source: 'csv', pipeline: '', stages: [] });
    expect(res.statusCode, res.body).toBe(200);
    // are won again; lose their mapping (open); R-4 (Negotiation) was open and stays so.
    expect(res.json()).toMatchObject({ dealsRecategorized: 4, dealsChangedState: 4 });
    const deals = await dealsByExternalId(ws.id);
    expect(deals['R-1']?.journey_state).toBe('pending_confirmation');
    expect(deals['R-2']?.journey_state).toBe('confirmed');
    expect(deals['R-3']?.journey_state).toBe('open');
    expect(deals['R-6']?.journey_state).toBe('reopened');
    expect(res.json().pipeline.stages.every((s: StageView) => s.origin === 'built_in')).toBe(true);
    expect((await view(ws.admin)).unmapped.map((u) => u.stage)).toEqual([
      'Contract signed',
      'Negotiation',
      'Verbal yes',
    ]);
  });

  it('leaves alone deals whose CRM stated won or lost itself (Salesforce IsWon/IsClosed)', async () => {
    const sf = await workspace('stated');
    const csv =
      'Id,Name,StageName,IsWon,IsClosed,CloseDate\n006A,Won one,Closed Won,1,1,2026-09-01\n006B,Open one,Prospecting,0,0,2026-12-01\n';
    await importDeals(t.ctx.db, {
      workspaceId: sf.id,
      actor: SYSTEM_ACTOR,
      open: () => Readable.from([Buffer.from(csv)]),
      fileName: 'o.csv',
    });
    const res = await put(sf.admin, {
      source: 'salesforce',
      pipeline: '',
      stages: [
        { stage: 'Closed Won', category: 'open' },
        { stage: 'Prospecting', category: 'won' },
      ],
    });
    expect(res.json()).toMatchObject({ dealsRecategorized: 0, dealsChangedState: 0 });
    const deals = await dealsByExternalId(sf.id);
    expect([deals['006A']?.journey_state, deals['006B']?.journey_state]).toEqual(['pending_confirmation', 'open']);
    // Still counted at their stages; nothing is unmapped.
    const v = await view(sf.admin);
    expect([
      stageOf(v, 'salesforce', '', 'Closed Won')?.deals,
      stageOf(v, 'salesforce', '', 'Prospecting')?.deals,
    ]).toEqual([1, 1]);
    expect([v.unmapped, v.fromSource]).toEqual([[], []]);
  });
});

describe('stage mappings: bad input writes nothing', () => {
  let ws: { id: string; admin: Client };
  beforeAll(async () => {
    ws = await workspace('bad-input');
    await importCsv(ws.id, ['B-1,One,Won,2026-10-01']);
  });

  it.each([
    ['an unknown category', { stage: 'Won', category: 'maybe' }, 'body.stages.1.category'],
    ['a probability over 100', { stage: 'Won', category: 'won', probability: 101 }, 'body.stages.1.probability'],
    ['a probability below 0', { stage: 'Won', category: 'won', probability: -1 }, 'body.stages.1.probability'],
    ['a fractional probability', { stage: 'Won', category: 'won', probability: 12.5 }, 'body.stages.1.probability'],
    ['the same stage twice', { stage: ' SIGNED ', category: 'lost' }, 'body.stages.1.stage'],
    ['an empty stage', { stage: '  ', category: 'won' }, 'body.stages.1.stage'],
  ])('refuses %s, naming the field', async (_what, second, field) => {
    const before = await auditOf(ws.id, 'deal.stage_mapping.replace');
    const res = await put(ws.admin, {
      source: 'csv',
      pipeline: '',
      stages: [{ stage: 'Signed', category: 'won' }, second],
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
    expect(await auditOf(ws.id, 'deal.stage_mapping.replace')).toHaveLength(before.length);
    expect(pipelineOf(await view(ws.admin), 'csv', '')?.stages.every((s) => s.origin === 'built_in')).toBe(true);
  });

  it.each([
    ['an unknown source', { source: 'pipedrive', pipeline: '', stages: [] }, 'body.source'],
    ['a missing pipeline', { source: 'csv', stages: [] }, 'body.pipeline'],
    [
      'two stages with one label',
      {
        source: 'csv',
        pipeline: '',
        stages: [
          { stage: 'a', label: 'Won it', category: 'won' },
          { stage: 'b', label: 'won it', category: 'lost' },
        ],
      },
      'body.stages.1.label',
    ],
  ])('refuses %s', async (_what, body, field) => {
    const res = await put(ws.admin, body);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toContain(field);
  });

  it('keeps the deals where they were', async () => {
    const deals = await dealsByExternalId(ws.id);
    expect(deals['B-1']).toMatchObject({ stage_category: 'won', journey_state: 'pending_confirmation' });
  });
});

describe('loading CRM pipeline definitions (upload)', () => {
  const upload = (client: Client, files: Array<{ name: string; content: string }>, format?: string) =>
    client.request({
      method: 'POST',
      url: '/api/v1/deals/stage-mappings/import',
      payload: { files, ...(format ? { format } : {}) },
    });
  const file = (p: string) => ({ name: path.basename(p), content: fs.readFileSync(p, 'utf8') });

  it('reads the HubSpot pipelines API answer; an export that names pipelines and stages by label then maps', async () => {
    const ws = await workspace('hubspot-api');
    const res = await upload(ws.admin, [file(HUBSPOT_PIPELINES)]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      format: 'hubspot-pipelines',
      stages: 12,
      pipelines: [
        {
          source: 'hubspot',
          pipeline: 'default',
          pipelineLabel: 'Sales Pipeline',
          stages: 7,
          won: 1,
          lost: 1,
          open: 5,
        },
        { source: 'hubspot', pipeline: '714839201', pipelineLabel: 'Renewals', stages: 5, won: 1, lost: 1, open: 3 },
      ],
    });
    const report = await importDeals(t.ctx.db, {
      workspaceId: ws.id,
      actor: SYSTEM_ACTOR,
      open: () => HUBSPOT_EXPORT,
      fileName: 'export.csv',
      options: { dateOrder: 'mdy' },
    });
    // Six rows map (one has no id, one names two companies); the stage labels all match the loaded pipelines.
    expect(report).toMatchObject({ created: 6, rejected: 2 });
    expect(report.notes.join(' ')).not.toContain('no mapping');
    const v = await view(ws.admin);
    expect(v.unmapped).toEqual([]);
    const sales = pipelineOf(v, 'hubspot', 'default');
    expect(sales?.stages.map((s) => [s.stage, s.label, s.probability, s.deals])).toEqual([
      ['appointmentscheduled', 'Appointment Scheduled', 20, 1],
      ['qualifiedtobuy', 'Qualified To Buy', 40, 1],
      ['presentationscheduled', 'Presentation Scheduled', 60, 1],
      ['decisionmakerboughtin', 'Decision Maker Bought-In', 80, 0],
      ['contractsent', 'Contract Sent', 90, 1],
      ['closedwon', 'Closed Won', 100, 1],
      ['closedlost', 'Closed Lost', 0, 0],
    ]);
    // The Renewals deal sits at "Closed lost", which that pipeline does not have: HubSpot's built-in word decides.
    expect(stageOf(v, 'hubspot', '', 'closed lost')?.deals).toBe(1);
  });

  it('reads a Salesforce OpportunityStage export, keeping the inactive stage', async () => {
    const ws = await workspace('sf-stages');
    const res = await upload(ws.admin, [file(SALESFORCE_STAGES)]);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      format: 'salesforce-stages',
      stages: 11,
      pipelines: [{ source: 'salesforce', pipeline: '', won: 1, lost: 1, open: 9 }],
    });
    expect(res.json().notes.join(' ')).toContain('1 inactive stage kept');
    const v = await view(ws.admin);
    expect(stageOf(v, 'salesforce', '', 'Legacy_Evaluation')).toMatchObject({
      label: 'Legacy Evaluation',
      probability: 30,
      category: 'open',
    });
  });

  it('refuses a file it does not know, and a file with a bad row, loading nothing', async () => {
    const ws = await workspace('bad-files');
    const unknown = await upload(ws.admin, [{ name: 'notes.csv', content: 'a,b\n1,2\n' }]);
    expect(unknown.statusCode).toBe(400);
    expect(unknown.json().errors[0].field).toBe('files.0');
    const bad =
      'ApiName,MasterLabel,IsWon,IsClosed,DefaultProbability\nProspecting,Prospecting,false,false,10\nClosed Won,Closed Won,perhaps,true,150\n';
    const res = await upload(ws.admin, [{ name: 'OpportunityStage.csv', content: bad }]);
    expect(res.statusCode).toBe(400);
    expect(res.json().errors.map((e: { field: string }) => e.field)).toEqual([
      'row 2: IsWon',
      'row 2: DefaultProbability',
    ]);
    const wrongFormat = await upload(ws.admin, [file(SALESFORCE_STAGES)], 'hubspot-pipelines');
    expect(wrongFormat.statusCode).toBe(400);
    expect(pipelineOf(await view(ws.admin), 'salesforce', '')).toBeUndefined();
    expect(await auditOf(ws.id, 'deal.stage_mapping.import')).toHaveLength(0);
  });
});

describe.skipIf(!hasSharedData)('the Fivetran HubSpot pipeline tables', () => {
  const stagesFile = sharedFile('fivetran-schema-seeds', 'hubspot', 'deal_pipeline_stage_data.csv');
  const pipelinesFile = sharedFile('fivetran-schema-seeds', 'hubspot', 'deal_pipeline_data.csv');
  /** The seed's rows as plain objects (simple CSV: no quoted commas). */
  const rows = (file: string) => {
    const [header, ...lines] = fs.readFileSync(file, 'utf8').trim().split(/\r?\n/);
    const names = (header ?? '').split(',');
    return lines.map((l) => Object.fromEntries(l.split(',').map((v, i) => [names[i], v])) as Record<string, string>);
  };

  it('loads every live stage in its pipeline, as won or open as the table says', async () => {
    const raw = rows(stagesFile);
    const live = raw.filter((r) => r._fivetran_deleted !== 'TRUE');
    const ws = await workspace('fivetran-stages');
    const res = await ws.admin.request({
      method: 'POST',
      url: '/api/v1/deals/stage-mappings/import',
      payload: {
        files: [stagesFile, pipelinesFile].map((p) => ({
          name: path.basename(p),
          content: fs.readFileSync(p, 'utf8'),
        })),
      },
    });
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body).toMatchObject({ format: 'fivetran-hubspot', stages: live.length, skipped: raw.length - live.length });
    expect(body.pipelines).toHaveLength(new Set(live.map((r) => r.pipeline_id)).size);
    const sum = (k: 'won' | 'lost' | 'open') =>
      body.pipelines.reduce((n: number, p: Record<string, number>) => n + (p[k] ?? 0), 0);
    expect(sum('won')).toBe(live.filter((r) => r.closed_won === 'TRUE').length);
    expect(sum('lost')).toBe(live.filter((r) => r.is_closed === 'TRUE' && r.closed_won !== 'TRUE').length);
    // The seed's stage table and pipeline table hash their pipeline ids differently: no stage finds a name.
    expect(body.notes.join(' ')).toContain(
      `${body.pipelines.length} of ${body.pipelines.length} pipelines have no row in deal_pipeline`,
    );
    const v = await view(ws.admin);
    const first = live[0] as Record<string, string>;
    expect(stageOf(v, 'hubspot', first.pipeline_id as string, first.stage_id as string)).toMatchObject({
      label: first.label,
      category: first.closed_won === 'TRUE' ? 'won' : 'open',
      probability: Math.round(Number(first.probability) * 100),
      origin: 'workspace',
    });
  });
});

describe('baton import pipelines', () => {
  let cli: CliWorkspace;
  let database: CliWorkspace['database'];
  let env: Record<string, string>;

  beforeAll(async () => {
    cli = await cliWorkspace();
    ({ env, database } = cli);
  });
  afterAll(async () => cli?.close());

  it('loads a HubSpot pipelines file into the workspace and says what it loaded', async () => {
    const r = baton(['import', 'pipelines', HUBSPOT_PIPELINES, '--workspace', 'acme'], env);
    expect(r.status, r.stderr).toBe(0);
    expect(r.stdout).toContain('(hubspot-pipelines): 2 pipelines, 12 stages');
    expect(r.stdout).toContain('hubspot Sales Pipeline (default): 7 stages · 1 won · 1 lost · 5 open');
    const json = baton(['import', 'pipelines', SALESFORCE_STAGES, '--workspace', 'acme', '--json'], env);
    expect(json.status, json.stderr).toBe(0);
    // The report every import gives, the pipelines' own figures in its details.
    expect(JSON.parse(json.stdout)).toMatchObject({
      kind: 'pipelines',
      format: 'salesforce-stages',
      read: 1,
      details: { stages: 11, dealsChangedState: 0 },
    });
    const dbh = await openDatabase(database.url);
    try {
      const ws = await dbh.db
        .selectFrom('workspaces')
        .select('id')
        .where('slug', '=', 'acme')
        .executeTakeFirstOrThrow();
      const v = await listStageMappings(dbh.db, ws.id);
      expect(
        v.pipelines
          .filter((p) => p.stages.some((s) => s.origin === 'workspace'))
          .map((p) => `${p.source}:${p.pipeline}`),
      ).toEqual([
        'hubspot:714839201', // Renewals
        'hubspot:default', // Sales Pipeline
        'salesforce:',
      ]);
    } finally {
      await dbh.close();
    }
  });

  it('refuses a file of the wrong format, naming it, with exit code 2', () => {
    const r = baton(
      ['import', 'pipelines', SALESFORCE_STAGES, '--workspace', 'acme', '--format', 'fivetran-hubspot'],
      env,
    );
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('salesforce-opportunity-stages.csv looks like salesforce-stages, not fivetran-hubspot');
  });
});
