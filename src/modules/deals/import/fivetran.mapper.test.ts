import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../platform/imports/csv/csv-reader.ts';
import {
  FIVETRAN_HUBSPOT_DEALS,
  FIVETRAN_HUBSPOT_PIPELINES,
  FIVETRAN_HUBSPOT_STAGES,
  FIVETRAN_SF_OPPORTUNITIES,
  hasSharedData,
  sharedDataNote,
} from './fixtures/shared-data.ts';
import { mapFivetranHubspotRow } from './fivetran-hubspot.mapper.ts';
import { mapFivetranSalesforceRow } from './fivetran-salesforce.mapper.ts';
import { readHubspotPipelines, readHubspotStages } from './hubspot-stages.ts';
import { type ImportFormat, mapRows } from './index.ts';
import { isSkipped, type MappedRow } from './mapper-types.ts';

type Raw = Record<string, string>;
const rawRows = (file: string): Raw[] => parse(readFileSync(file), { columns: true, bom: true });

async function mapFile(file: string, format: ImportFormat): Promise<MappedRow[]> {
  const results: MappedRow[] = [];
  for await (const result of mapRows(readCsv(file), format)) results.push(result);
  return results;
}

describe.skipIf(!hasSharedData)(`Fivetran Salesforce opportunity seed${sharedDataNote}`, () => {
  const raw: Raw[] = hasSharedData ? rawRows(FIVETRAN_SF_OPPORTUNITIES) : [];

  it('skips all 10 rows, each marked is_deleted in the raw file', async () => {
    const results = await mapFile(FIVETRAN_SF_OPPORTUNITIES, 'fivetran-salesforce');
    expect(raw).toHaveLength(10);
    expect(raw.filter((r) => r.is_deleted === 'true')).toHaveLength(10);
    expect(results.filter(isSkipped)).toHaveLength(10);
    expect(new Set(results.map((r) => isSkipped(r) && r.reason))).toEqual(
      new Set(['deleted in Salesforce (is_deleted is true)']),
    );
  });

  it('maps the same rows once undeleted: won and lost from is_won/is_closed, superseded versions skipped, a probability over 100 % refused', () => {
    const live: Raw[] = raw.map((r) => ({ ...r, is_deleted: 'false' }));
    const results = live.map((r, i) => mapFivetranSalesforceRow(r, i + 1));
    const active = live.filter((r) => r._fivetran_active !== 'false');
    const count = (category: string) => results.filter((r) => r.ok && r.record.stageCategory === category).length;
    expect(results.filter(isSkipped)).toHaveLength(live.length - active.length);
    expect(results.filter(isSkipped)).toHaveLength(2);
    // The seed's first row gives a probability of 1000: refused, naming the field; Salesforce keeps 0–100.
    const refused = results.filter((r) => !r.ok && 'errors' in r);
    expect(refused.map((r) => !r.ok && 'errors' in r && r.errors.map((e) => [e.field, e.reason]))).toEqual([
      [['probability', 'column "probability": probability 1000 is more than 100 %']],
    ]);
    expect(count('won') + 1).toBe(active.filter((r) => r.is_won === 'true').length);
    expect(count('lost')).toBe(active.filter((r) => r.is_closed === 'true' && r.is_won !== 'true').length);
    expect(count('open')).toBe(active.filter((r) => r.is_closed === 'false').length);
    expect([count('won'), count('lost'), count('open')]).toEqual([4, 3, 0]);
    const first = mapFivetranSalesforceRow({ ...live[0], probability: '100' } as Raw, 1);
    expect(first.ok && first.record).toMatchObject({
      source: 'salesforce',
      externalId: '006q000000HddohAAB',
      name: '$1m deal',
      amount: 24120000,
      closeDate: '2018-12-19',
      createdDate: '2018-12-19',
      stageCategory: 'won',
      probability: 100,
    });
  });
});

describe.skipIf(!hasSharedData)(`Fivetran HubSpot deal seed${sharedDataNote}`, () => {
  const raw: Raw[] = hasSharedData ? rawRows(FIVETRAN_HUBSPOT_DEALS) : [];

  it('rejects all 44 rows naming stage, since none has a stage id', async () => {
    const results = await mapFile(FIVETRAN_HUBSPOT_DEALS, 'fivetran-hubspot');
    const withoutStage = raw.filter((r) => r.deal_pipeline_stage_id === '' && r.is_deleted !== 'true');
    expect(raw).toHaveLength(44);
    expect(withoutStage).toHaveLength(44);
    expect(results).toHaveLength(44);
    for (const r of results) expect(!r.ok && 'errors' in r && r.errors.map((e) => e.field)).toEqual(['stage']);
  });

  it('maps rows once they carry a stage, with the creation timestamp as a date', () => {
    const results = raw.map((r, i) => mapFivetranHubspotRow({ ...r, deal_pipeline_stage_id: 'closedwon' }, i + 1));
    expect(results.filter((r) => r.ok)).toHaveLength(raw.length);
    const first = results[0];
    expect(first?.ok && first.record).toEqual({
      source: 'hubspot',
      externalId: '1244495215',
      name: '1f03614fdf8999728ac2cfeb1c4b3984',
      accountName: null,
      accountExternalId: null,
      stage: 'closedwon',
      stageCategory: null,
      pipeline: null,
      amount: null,
      currency: null,
      closeDate: null,
      signedDate: null,
      createdDate: '2019-12-04',
      owner: null,
      products: [],
      partner: null,
    });
    const owners = new Set(results.map((r) => r.ok && r.record.owner));
    expect(owners).toEqual(new Set(raw.map((r) => r.owner_id || null)));
  });

  it.each<[Raw, string]>([
    [{ is_deleted: 'true' }, 'deleted in HubSpot (is_deleted is true)'],
    [{ _fivetran_deleted: 'TRUE' }, 'deleted in the source (_fivetran_deleted is true)'],
    [{ _fivetran_active: 'false' }, 'a superseded version of the record (_fivetran_active is false)'],
  ])('skips %j', (flags, reason) => {
    const row = { deal_id: '1', property_dealname: 'x', deal_pipeline_stage_id: 's', ...flags };
    expect(mapFivetranHubspotRow(row, 1)).toEqual({ ok: false, skipped: true, reason });
  });
});

describe.skipIf(!hasSharedData)(`Fivetran HubSpot pipelines and stages${sharedDataNote}`, () => {
  it('reads the 71 stage rows: 2 deleted, 69 stages, as many won and closed as the raw file says', async () => {
    const raw = rawRows(FIVETRAN_HUBSPOT_STAGES);
    const live = raw.filter((r) => r._fivetran_deleted !== 'TRUE');
    const { items, deleted, errors } = await readHubspotStages(FIVETRAN_HUBSPOT_STAGES);
    expect([raw.length, deleted, items.length, errors.length]).toEqual([71, 2, 69, 0]);
    expect(items.filter((s) => s.isWon)).toHaveLength(live.filter((r) => r.closed_won === 'TRUE').length);
    expect(items.filter((s) => s.isClosed)).toHaveLength(live.filter((r) => r.is_closed === 'TRUE').length);
    expect(items.filter((s) => s.isWon)).toHaveLength(5);
    expect(items[0]).toEqual({
      pipelineId: 'wh+Wm18D0z1D4E+PE252gg==',
      stageId: '/n0+plNHbWErNq8Ek+NM3g==',
      label: 'HloNyGJEOLMWtXLjmapLQw==',
      isClosed: true,
      isWon: true,
      probability: 1,
      active: true,
      displayOrder: 6,
    });
    expect(items.map((s) => s.probability)).toEqual(live.map((r) => Number(r.probability)));
  });

  it('reads the 6 pipelines with their labels', async () => {
    const raw = rawRows(FIVETRAN_HUBSPOT_PIPELINES);
    const { items, deleted, errors } = await readHubspotPipelines(FIVETRAN_HUBSPOT_PIPELINES);
    expect([items.length, deleted, errors.length]).toEqual([6, 0, 0]);
    expect(items.map((p) => [p.pipelineId, p.label])).toEqual(raw.map((r) => [r.pipeline_id, r.label]));
    expect(items[3]).toEqual({
      pipelineId: 'mp_pipeline_archived',
      label: 'pHm8C3GMK7LnsWuMcT6sgw==',
      active: true,
      displayOrder: 3,
    });
  });
});

describe('readHubspotStages', () => {
  it('reports rows it cannot read, naming the column', async () => {
    const csv = 'stage_id,pipeline_id,label,closed_won,is_closed,probability\ns1,p1,Won,yes,yes,1\ns2,p1,,no,no,1.5\n';
    const { items, errors } = await readHubspotStages(Readable.from([csv]));
    expect(items).toHaveLength(1);
    expect(errors).toEqual([
      { row: 2, field: 'label', reason: 'required, but empty or missing' },
      { row: 2, field: 'probability', reason: '"1.5" is not a number from 0 to 1' },
    ]);
  });
});
