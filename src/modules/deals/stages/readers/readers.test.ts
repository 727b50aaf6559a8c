import fs from 'node:fs';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';
import { detectPipelineFile, readPipelineFiles } from '../pipeline-import.ts';
import { readHubspotApiPipelines } from './hubspot-api.reader.ts';
import { readSalesforceStages } from './salesforce-stages.reader.ts';

const fixture = (name: string) =>
  fs.readFileSync(fileURLToPath(new URL(`../fixtures/${name}`, import.meta.url)), 'utf8');

describe('HubSpot pipelines API answer', () => {
  it('reads both pipelines of the fixture, stages in display order, probability as whole percent', () => {
    const read = readHubspotApiPipelines(fixture('hubspot-deal-pipelines.json'));
    expect(read.errors).toEqual([]);
    expect(read.pipelines.map((p) => [p.pipeline, p.pipelineLabel, p.stages.length])).toEqual([
      ['default', 'Sales Pipeline', 7],
      ['714839201', 'Renewals', 5],
    ]);
    const renewals = read.pipelines[1]?.stages ?? [];
    // The file lists "Procurement Review" last; its displayOrder (2) puts it third.
    expect(renewals.map((s) => [s.label, s.category, s.probability])).toEqual([
      ['Renewal Due', 'open', 50],
      ['Quote Sent', 'open', 70],
      ['Procurement Review', 'open', 85],
      ['Renewed', 'won', 100],
      ['Churned', 'lost', 0],
    ]);
  });

  it('reads the legacy v1 shape (pipelineId, stageId, closedWon)', () => {
    const v1 = {
      results: [
        {
          pipelineId: 'default',
          label: 'Sales',
          stages: [
            { stageId: 'won1', label: 'Won', displayOrder: 1, metadata: { isClosed: true, probability: 1 } },
            { stageId: 'new', label: 'New', displayOrder: 0, metadata: { probability: 0.1 } },
          ],
        },
      ],
    };
    const read = readHubspotApiPipelines(JSON.stringify(v1));
    expect(read.pipelines[0]?.stages).toEqual([
      { stage: 'new', label: 'New', category: 'open', probability: 10 },
      { stage: 'won1', label: 'Won', category: 'won', probability: 100 },
    ]);
  });

  it.each([
    ['not JSON', '{"results": [', 'file'],
    [
      'a closed stage that is neither won nor lost',
      JSON.stringify({
        results: [{ id: 'p', stages: [{ id: 's', metadata: { isClosed: 'true', probability: '0.5' } }] }],
      }),
      'results.0.stages.0.metadata',
    ],
    [
      'a probability above 1',
      JSON.stringify({
        results: [{ id: 'p', stages: [{ id: 's', metadata: { isClosed: 'false', probability: '20' } }] }],
      }),
      'results.0.stages.0.metadata.probability',
    ],
    [
      'a stage without id',
      JSON.stringify({ results: [{ id: 'p', stages: [{ label: 'x' }] }] }),
      'results.0.stages.0.id',
    ],
    ['an object that is not a pipeline list', JSON.stringify({ total: 3 }), 'file'],
  ])('reports %s with where it is', (_what, json, field) => {
    expect(readHubspotApiPipelines(json).errors.map((e) => e.field)).toEqual([field]);
  });
});

describe('Salesforce OpportunityStage export', () => {
  it('reads the standard stages in sort order: one won, one lost, the rest open, inactive kept', async () => {
    const read = await readSalesforceStages(fixture('salesforce-opportunity-stages.csv'));
    expect(read.errors).toEqual([]);
    const stages = read.pipelines[0]?.stages ?? [];
    expect(read.pipelines.map((p) => [p.source, p.pipeline])).toEqual([['salesforce', '']]);
    expect(stages.map((s) => s.stage).slice(0, 3)).toEqual(['Prospecting', 'Qualification', 'Needs Analysis']);
    expect(stages.filter((s) => s.category === 'won').map((s) => s.stage)).toEqual(['Closed Won']);
    expect(stages.filter((s) => s.category === 'lost').map((s) => [s.stage, s.probability])).toEqual([
      ['Closed Lost', 0],
    ]);
    expect(stages.at(-1)).toEqual({
      stage: 'Legacy_Evaluation',
      label: 'Legacy Evaluation',
      category: 'open',
      probability: 30,
    });
    expect(read.notes).toEqual(['1 inactive stage kept: older deals may still sit in them']);
  });

  it('reads Data Loader booleans (1 / blank) and names the row and column of a bad value', async () => {
    const csv = 'MasterLabel,IsWon,IsClosed,DefaultProbability\nWon,1,1,100\nLost,,1,0\nOdd,maybe,,\nHigh,,,101\n';
    const read = await readSalesforceStages(csv);
    expect(read.pipelines[0]?.stages.map((s) => [s.stage, s.category])).toEqual([
      ['Won', 'won'],
      ['Lost', 'lost'],
    ]);
    expect(read.errors.map((e) => e.field)).toEqual(['row 3: IsWon', 'row 4: DefaultProbability']);
  });
});

describe('telling pipeline files apart', () => {
  it.each([
    ['hubspot-deal-pipelines.json', { format: 'hubspot-pipelines' }],
    ['salesforce-opportunity-stages.csv', { format: 'salesforce-stages' }],
  ])('%s', (name, part) => {
    expect(detectPipelineFile(fixture(name))).toEqual(part);
  });

  it('knows the two Fivetran tables by their columns, and nothing else', () => {
    expect(detectPipelineFile('_fivetran_deleted,stage_id,label,pipeline_id\n')).toEqual({
      format: 'fivetran-hubspot',
      table: 'stages',
    });
    expect(detectPipelineFile('\uFEFFpipeline_id,label,active\n')).toEqual({
      format: 'fivetran-hubspot',
      table: 'pipelines',
    });
    expect(detectPipelineFile('Deal ID,Title\n')).toBeUndefined();
  });

  it('refuses the Fivetran pipeline table alone: it names pipelines but defines no stage', async () => {
    await expect(
      readPipelineFiles([{ name: 'deal_pipeline.csv', text: 'pipeline_id,label\np,Sales\n' }]),
    ).rejects.toThrow(/give the deal_pipeline_stage table/);
  });

  it('refuses two files of different formats', async () => {
    const files = [
      { name: 'a.json', text: fixture('hubspot-deal-pipelines.json') },
      { name: 'b.csv', text: fixture('salesforce-opportunity-stages.csv') },
    ];
    await expect(readPipelineFiles(files)).rejects.toThrow(/different formats/);
  });
});
