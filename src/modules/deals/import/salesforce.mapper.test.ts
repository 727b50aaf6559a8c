import { readFileSync } from 'node:fs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { readCsv } from '../../../platform/imports/csv/csv-reader.ts';
import { scanDateOrder } from '../../../platform/imports/csv/date-order.ts';
import { DEVORG_OPPORTUNITIES, hasSharedData, sharedDataNote, WORKSHOP_OPPORTUNITIES } from './fixtures/shared-data.ts';
import { type ImportOptions, mapRows } from './index.ts';
import type { MappedRow } from './mapper-types.ts';
import { mapSalesforceRow } from './salesforce.mapper.ts';

type Raw = Record<string, string>;
const rawRows = (file: string): Raw[] => parse(readFileSync(file), { columns: true, bom: true });

async function mapFile(file: string, options: ImportOptions = {}): Promise<(MappedRow & { row: number })[]> {
  const results: (MappedRow & { row: number })[] = [];
  for await (const result of mapRows(readCsv(file), 'salesforce', options)) results.push(result);
  return results;
}

const categories = (results: MappedRow[]) =>
  results.reduce<Record<string, number>>((count, r) => {
    const key = r.ok ? (r.record.stageCategory ?? 'null') : 'rejected';
    return { ...count, [key]: (count[key] ?? 0) + 1 };
  }, {});

describe.skipIf(!hasSharedData)(`Salesforce Data Loader export (workshop Opportunity.csv)${sharedDataNote}`, () => {
  const raw: Raw[] = hasSharedData ? rawRows(WORKSHOP_OPPORTUNITIES) : [];
  const truth = {
    won: raw.filter((r) => r.IsWon === '1').length,
    lost: raw.filter((r) => r.IsClosed === '1' && r.IsWon !== '1').length,
    open: raw.filter((r) => r.IsClosed !== '1').length,
  };

  it('maps all 50 rows: 12 won, 3 lost, 35 open, as the raw IsWon/IsClosed columns say', async () => {
    const results = await mapFile(WORKSHOP_OPPORTUNITIES);
    expect(raw).toHaveLength(50);
    expect(truth).toEqual({ won: 12, lost: 3, open: 35 });
    expect(results).toHaveLength(50);
    expect(categories(results)).toEqual(truth);
    expect(results.map((r) => r.row)).toEqual(raw.map((_, i) => i + 1));
  });

  it('keeps ids, names and stages, and writes every date as YYYY-MM-DD', async () => {
    const results = await mapFile(WORKSHOP_OPPORTUNITIES);
    const records = results.flatMap((r) => (r.ok ? [r.record] : []));
    expect(records.map((r) => r.externalId)).toEqual(raw.map((r) => r.Id));
    expect(records.map((r) => r.stage)).toEqual(raw.map((r) => r.StageName));
    expect(records.map((r) => r.closeDate)).toEqual(raw.map((r) => r.CloseDate));
    expect(records.every((r) => r.createdDate === '2024-01-22')).toBe(true);
    expect(records[0]).toEqual({
      source: 'salesforce',
      externalId: '006Ec00000AieKFIAZ',
      name: 'Patterson-Hansen - Merchant Services - November 2024',
      accountName: null,
      accountExternalId: '001Ec00000GGw3iIAD',
      stage: 'Qualification',
      stageCategory: 'open',
      pipeline: null,
      amount: 1124741.15,
      currency: null,
      closeDate: '2024-11-10',
      signedDate: null,
      createdDate: '2024-01-22',
      owner: '005Ec000004oBPNIA2',
      products: [],
      partner: null,
      probability: 10,
    });
  });

  it('reads a custom product field when named, with aliases', async () => {
    const results = await mapFile(WORKSHOP_OPPORTUNITIES, {
      columns: { product: 'Product__c' },
      aliases: { product: { Loans: ['Business Loans'] } },
    });
    const products = new Set(results.flatMap((r) => (r.ok ? r.record.products : [])));
    const rawProducts = new Set(raw.map((r) => (r.Product__c === 'Business Loans' ? 'Loans' : r.Product__c)));
    expect(products).toEqual(rawProducts);
  });
});

describe.skipIf(!hasSharedData)(`Salesforce export reshaped by Excel (devorg Opportunity.csv)${sharedDataNote}`, () => {
  const raw: Raw[] = hasSharedData ? rawRows(DEVORG_OPPORTUNITIES) : [];

  it('maps all 36 rows under month/day/year: 12 won, 8 lost, 16 open', async () => {
    const results = await mapFile(DEVORG_OPPORTUNITIES, { dateOrder: 'mdy' });
    const truth = {
      won: raw.filter((r) => r.IsWon === 'TRUE').length,
      lost: raw.filter((r) => r.IsClosed === 'TRUE' && r.IsWon !== 'TRUE').length,
      open: raw.filter((r) => r.IsClosed === 'FALSE').length,
    };
    expect(truth).toEqual({ won: 12, lost: 8, open: 16 });
    expect(results).toHaveLength(36);
    expect(categories(results)).toEqual(truth);
  });

  it('reads 02/03/24 as 2024-02-03 and 02/23/26 as 2026-02-23', async () => {
    const [first] = await mapFile(DEVORG_OPPORTUNITIES, { dateOrder: 'mdy' });
    expect(first?.ok && [first.record.closeDate, first.record.createdDate]).toEqual(['2024-02-03', '2026-02-23']);
  });

  it('rejects every row naming close_date when no date order is declared, never guessing', async () => {
    const results = await mapFile(DEVORG_OPPORTUNITIES);
    expect(results.filter((r) => r.ok)).toHaveLength(0);
    for (const r of results) {
      expect(!r.ok && 'errors' in r && r.errors.map((e) => e.field)).toContain('close_date');
    }
    const [first] = results;
    expect(first && 'errors' in first && first.errors[0]?.reason).toMatch(/ambiguous date "02\/03\/24"/);
  });

  it('finds proof of month/day/year in the file itself', async () => {
    expect(await scanDateOrder(readCsv(DEVORG_OPPORTUNITIES))).toEqual({
      kind: 'proven',
      order: 'mdy',
      example: { row: 1, column: 'CreatedDate', value: '02/23/26' },
    });
    expect(await scanDateOrder(readCsv(WORKSHOP_OPPORTUNITIES))).toEqual({ kind: 'none' });
  });
});

describe('mapSalesforceRow', () => {
  const base = { Id: '006A', Name: 'Deal', StageName: 'Closed Won', IsWon: '1', IsClosed: '1', IsDeleted: '' };

  it.each<[Partial<Raw>, string | null]>([
    [{ IsWon: '1', IsClosed: '1' }, 'won'],
    [{ IsWon: '', IsClosed: '1' }, 'lost'],
    [{ IsWon: 'FALSE', IsClosed: 'FALSE' }, 'open'],
    [{ IsWon: 'false', IsClosed: '' }, 'open'],
  ])('sets the stage category from %j: %s', (flags, category) => {
    const result = mapSalesforceRow({ ...base, ...flags } as Raw, 1);
    expect(result.ok && result.record.stageCategory).toBe(category);
  });

  it('leaves the category to the stage mapping when the flags are absent', () => {
    const result = mapSalesforceRow({ Id: '006A', Name: 'Deal', StageName: 'Won' }, 1);
    expect(result.ok && result.record.stageCategory).toBeNull();
  });

  it('skips a deleted row with its reason', () => {
    expect(mapSalesforceRow({ ...base, IsDeleted: '1' }, 4)).toEqual({
      ok: false,
      skipped: true,
      reason: 'deleted in Salesforce (IsDeleted is true)',
    });
  });

  it('names every missing required field and every bad value', () => {
    const result = mapSalesforceRow({ Id: ' ', Name: '', StageName: '', IsWon: 'maybe', Amount: '1.200,50' }, 7);
    expect(result).toEqual({
      ok: false,
      errors: [
        { row: 7, field: 'external_id', reason: 'required, but column "Id" is empty' },
        { row: 7, field: 'name', reason: 'required, but column "Name" is empty' },
        { row: 7, field: 'stage', reason: 'required, but column "StageName" is empty' },
        { row: 7, field: 'amount', reason: expect.stringMatching(/^column "Amount": ambiguous amount/) },
        { row: 7, field: 'is_won', reason: expect.stringContaining('"maybe" is not a yes/no value') },
      ],
    });
  });
});
