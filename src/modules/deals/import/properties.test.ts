import { readFileSync } from 'node:fs';
import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../../platform/errors/app-error.ts';
import { type CsvItem, readCsv } from '../../../platform/imports/csv/csv-reader.ts';
import { mapFivetranHubspotRow } from './fivetran-hubspot.mapper.ts';
import { mapFivetranSalesforceRow } from './fivetran-salesforce.mapper.ts';
import {
  DEVORG_OPPORTUNITIES,
  FIVETRAN_HUBSPOT_DEALS,
  FIVETRAN_SF_OPPORTUNITIES,
  hasSharedData,
  WORKSHOP_OPPORTUNITIES,
} from './fixtures/shared-data.ts';
import { HUBSPOT_FIXTURE } from './fixtures/local-files.ts';
import { DEAL_FIELD_NAMES, type DetectedFormat } from './formats.ts';
import { mapHubspotExportRow } from './hubspot-export.mapper.ts';
import { mapRows } from './index.ts';
import { mapMappedRow } from './mapped.mapper.ts';
import type { MappedRow, MapperOptions } from './mapper-types.ts';
import { mapSalesforceRow } from './salesforce.mapper.ts';

const FLAG_COLUMNS = ['IsDeleted', 'is_deleted', '_fivetran_deleted', '_fivetran_active'];
const ERROR_FIELDS = new Set<string>([...DEAL_FIELD_NAMES, ...FLAG_COLUMNS, 'csv']);

/** A row's result is a well-formed deal, a skip with a reason, or errors that each name a field. */
function expectWellFormed(result: MappedRow, row: number): void {
  if (result.ok) {
    const r = result.record;
    expect(r.externalId && r.name && r.stage).toBeTruthy();
    for (const date of [r.closeDate, r.signedDate, r.createdDate])
      expect(date === null || /^\d{4}-\d{2}-\d{2}$/.test(date)).toBe(true);
    expect(r.currency === null || /^[A-Z]{3}$/.test(r.currency)).toBe(true);
    expect(r.amount === null || Number.isFinite(r.amount)).toBe(true);
  } else if ('skipped' in result) {
    expect(result.reason).not.toBe('');
  } else {
    expect(result.errors.length).toBeGreaterThan(0);
    for (const error of result.errors) {
      expect(error.row).toBe(row);
      expect(ERROR_FIELDS.has(error.field)).toBe(true);
      expect(error.reason).not.toBe('');
    }
  }
}

async function readItems(chunks: string[]): Promise<CsvItem[]> {
  const items: CsvItem[] = [];
  for await (const item of readCsv(Readable.from(chunks))) items.push(item);
  return items;
}

/** Splits text at the given positions, so a test can feed the reader awkward chunk boundaries. */
const chunked = (text: string, cuts: number[]): string[] => {
  const points = [...new Set(cuts.map((c) => c % (text.length + 1)))].sort((a, b) => a - b);
  return [0, ...points].map((start, i) => text.slice(start, points[i] ?? text.length)).filter((c) => c !== '');
};

const csvish = fc
  .array(
    fc.oneof(
      fc.constantFrom(',', '"', '""', '\n', '\r\n', '\r', ' ', '\ufeff', ';', 'Id', 'Name'),
      fc.string({ maxLength: 4 }),
    ),
    {
      maxLength: 80,
    },
  )
  .map((parts) => parts.join(''));

function expectItems(items: CsvItem[]): void {
  let last = -1;
  for (const item of items) {
    expect(item.row).toBeGreaterThanOrEqual(Math.max(last, 0));
    last = item.row;
    if ('error' in item) expect(item.error).toMatch(/^line \d+: /);
    else expect(Object.values(item.values).every((v) => typeof v === 'string')).toBe(true);
  }
}

describe('the CSV reader never throws on content', () => {
  it('reads random text', async () => {
    await fc.assert(
      fc.asyncProperty(fc.string({ unit: 'binary', maxLength: 200 }), async (text) =>
        expectItems(await readItems([text])),
      ),
    );
  });

  it('reads CSV-ish text the same whatever the chunk boundaries', async () => {
    await fc.assert(
      fc.asyncProperty(csvish, fc.array(fc.nat(), { maxLength: 6 }), async (text, cuts) => {
        const whole = await readItems([text]);
        expectItems(whole);
        expect(await readItems(chunked(text, cuts))).toEqual(whole);
      }),
      { numRuns: 300 },
    );
  });
});

const realFiles: [string, DetectedFormat, MapperOptions][] = [
  [HUBSPOT_FIXTURE, 'hubspot-export', {}],
  ...(hasSharedData
    ? ([
        [WORKSHOP_OPPORTUNITIES, 'salesforce', {}],
        [DEVORG_OPPORTUNITIES, 'salesforce', { dateOrder: 'mdy' }],
        [FIVETRAN_SF_OPPORTUNITIES, 'fivetran-salesforce', {}],
        [FIVETRAN_HUBSPOT_DEALS, 'fivetran-hubspot', {}],
      ] as [string, DetectedFormat, MapperOptions][])
    : []),
];

describe('truncated real files', () => {
  it.each(realFiles)(
    '%s, cut anywhere, maps without throwing (or is refused for its header)',
    async (file, format, options) => {
      const text = readFileSync(file, 'utf8');
      await fc.assert(
        fc.asyncProperty(fc.nat({ max: text.length }), fc.array(fc.nat(), { maxLength: 4 }), async (end, cuts) => {
          try {
            for await (const result of mapRows(
              readCsv(Readable.from(chunked(text.slice(0, end), cuts))),
              format,
              options,
            )) {
              expectWellFormed(result, result.row);
            }
          } catch (error) {
            expect(isAppError(error) && error.code).toBe('validation');
            expect(end).toBeLessThan(text.indexOf('\n') + 1);
          }
        }),
        { numRuns: 60 },
      );
    },
  );
});

const COLUMNS = [
  ...[
    'Id',
    'Name',
    'StageName',
    'Amount',
    'CloseDate',
    'CreatedDate',
    'IsWon',
    'IsClosed',
    'AccountId',
    'CurrencyIsoCode',
  ],
  ...['Record ID', 'Deal Name', 'Deal Stage', 'Close Date', 'Currency', 'Associated Company IDs', 'Product'],
  ...['deal_id', 'property_dealname', 'deal_pipeline_stage_id', 'property_amount', 'property_closedate'],
  ...['id', 'name', 'stage_name', 'is_won', 'is_closed', 'close_date', 'amount', 'currency_iso_code'],
  ...FLAG_COLUMNS,
];

const value = fc.oneof(
  fc.string({ maxLength: 12 }),
  fc.constantFrom(
    '',
    '1',
    'TRUE',
    'false',
    'maybe',
    '03/04/24',
    '02/23/26',
    '2024-02-30',
    '2024-01-22T16:14:25.000+0000',
  ),
  fc.constantFrom('$1,200.50', '1.200,50', '1.200', '€9', 'USD', 'usd', 'XYZ', 'A;B;a', '__proto__', 'constructor'),
);
const row = fc.dictionary(fc.oneof(fc.constantFrom(...COLUMNS), fc.string({ maxLength: 8 })), value, { maxKeys: 25 });
const options = fc.record(
  { dateOrder: fc.constantFrom('mdy' as const, 'dmy' as const), decimal: fc.constantFrom('.' as const, ',' as const) },
  { requiredKeys: [] },
);

describe('mappers never throw on a row', () => {
  const mapping = {
    Id: 'external_id',
    Name: 'name',
    StageName: 'stage',
    Amount: 'amount',
    Product: 'product',
    IsWon: 'is_won',
  };
  it.each<[string, (values: Record<string, string>, row: number, options: MapperOptions) => MappedRow]>([
    ['salesforce', mapSalesforceRow],
    ['hubspot-export', mapHubspotExportRow],
    ['fivetran-hubspot', mapFivetranHubspotRow],
    ['fivetran-salesforce', mapFivetranSalesforceRow],
    ['mapped', (values, n, o) => mapMappedRow(values, n, { ...o, mapping })],
  ])('%s: every row gives a deal, a skip, or errors naming a field', (_, map) => {
    fc.assert(
      fc.property(row, fc.integer({ min: 1, max: 1_000_000 }), options, (values, n, o) =>
        expectWellFormed(map(values, n, o), n),
      ),
      { numRuns: 500 },
    );
  });
});
