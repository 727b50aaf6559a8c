import { describe, expect, it } from 'vitest';
import {
  aliasProblems,
  canonicalizer,
  cleanText,
  type DateOrder,
  dateReadings,
  type DecimalSeparator,
  parseAmount,
  parseBoolean,
  parseCurrency,
  parseDate,
  splitList,
} from './values.ts';

describe('parseDate', () => {
  it.each<[string, DateOrder | undefined, string | null]>([
    ['2024-11-10', undefined, '2024-11-10'],
    ['2024-01-22T16:14:25.000+0000', undefined, '2024-01-22'],
    ['2019-12-04 12:48:22', undefined, '2019-12-04'],
    ['2018-12-18 18:20:30.829', undefined, '2018-12-18'],
    ['2024-03-05T23:59:59Z', undefined, '2024-03-05'],
    ['2024/11/10', undefined, '2024-11-10'],
    ['  2024-02-29 ', undefined, '2024-02-29'],
    ['', undefined, null],
    ['   ', 'mdy', null],
    ['02/03/24', 'mdy', '2024-02-03'],
    ['02/03/24', 'dmy', '2024-03-02'],
    ['02/23/26', 'mdy', '2026-02-23'],
    ['12/31/1999', 'mdy', '1999-12-31'],
    ['3/4/2024', 'mdy', '2024-03-04'],
    ['13/04/2024', 'dmy', '2024-04-13'],
    ['13.04.2024', 'dmy', '2024-04-13'],
    ['02/23/26 08:55 PM', 'mdy', '2026-02-23'],
    ['01/01/30', 'mdy', '1930-01-01'],
    ['01/01/29', 'mdy', '2029-01-01'],
    ['03/03/24', undefined, '2024-03-03'],
  ])('reads %j (order %s) as %j', (raw, order, expected) => {
    expect(parseDate(raw, order)).toEqual({ value: expected });
  });

  it.each<[string, DateOrder | undefined, RegExp]>([
    ['03/04/24', undefined, /ambiguous date "03\/04\/24".*2024-03-04 or 2024-04-03.*declare the date order/],
    ['02/23/26', undefined, /needs a declared date order.*month\/day\/year/],
    ['13/04/2024', 'mdy', /not a valid month\/day\/year date/],
    ['02/30/2024', 'mdy', /not a valid month\/day\/year date/],
    ['2023-02-29', undefined, /not a valid date/],
    ['2024-13-01', undefined, /not a valid date/],
    ['2024-01-01T25:00:00Z', undefined, /not a valid date/],
    ['02/03/24 13:00 PM', 'mdy', /invalid time/],
    ['45321', undefined, /not a date/],
    ['next Tuesday', 'mdy', /not a date/],
    ['13/13/24', undefined, /not a date/],
  ])('rejects %j (order %s)', (raw, order, message) => {
    const parsed = parseDate(raw, order);
    expect(parsed).toHaveProperty('error');
    expect('error' in parsed && parsed.error).toMatch(message);
  });

  it.each<[string, { mdy: boolean; dmy: boolean } | undefined]>([
    ['03/04/24', { mdy: true, dmy: true }],
    ['02/23/26', { mdy: true, dmy: false }],
    ['23/02/26', { mdy: false, dmy: true }],
    ['2024-01-01', undefined],
  ])('tells which orders can read %j', (raw, readings) => {
    expect(dateReadings(raw)).toEqual(readings);
  });
});

describe('parseBoolean', () => {
  it.each<[string, boolean]>([
    ['1', true],
    ['', false],
    ['0', false],
    ['TRUE', true],
    ['FALSE', false],
    ['true', true],
    ['false', false],
    ['yes', true],
    ['No', false],
    [' True ', true],
  ])('reads %j as %s', (raw, expected) => {
    expect(parseBoolean(raw)).toEqual({ value: expected });
  });

  it.each(['maybe', '2', 'tru'])('rejects %j', (raw) => {
    expect(parseBoolean(raw)).toEqual({ error: expect.stringContaining(`"${raw}" is not a yes/no value`) });
  });
});

describe('parseAmount', () => {
  it.each<[string, DecimalSeparator | undefined, number | null, string | null]>([
    ['1124741.15', undefined, 1124741.15, null],
    ['15000', undefined, 15000, null],
    ['$1,200.50', undefined, 1200.5, null],
    ['1,200', undefined, 1200, null],
    ['1,200,000', undefined, 1200000, null],
    ['-250.5', undefined, -250.5, null],
    ['-$250', undefined, -250, null],
    ['€9,500.00', undefined, 9500, 'EUR'],
    ['£ 300', undefined, 300, 'GBP'],
    ['US$ 10', undefined, 10, 'USD'],
    ['EUR 1 200.50', undefined, 1200.5, 'EUR'],
    ['1200 CHF', undefined, 1200, 'CHF'],
    ['1.2E+06', undefined, 1200000, null],
    ['1.200,50', ',', 1200.5, null],
    ['12,5', ',', 12.5, null],
    ['1.200', ',', 1200, null],
    ['1.200', '.', 1.2, null],
    ['EUR 1 200,50', ',', 1200.5, 'EUR'],
    ['0', undefined, 0, null],
    ['0.125', undefined, 0.125, null],
  ])('reads %j (decimal %s) as %s %s', (raw, decimal, amount, currency) => {
    expect(parseAmount(raw, decimal)).toEqual({ value: { amount, currency } });
  });

  it('reads blank as no amount', () => {
    expect(parseAmount('  ')).toEqual({ value: null });
  });

  it.each<[string, DecimalSeparator | undefined, RegExp]>([
    ['1.200,50', undefined, /ambiguous amount "1.200,50".*decimal comma.*declare the decimal separator/],
    ['12,50', undefined, /ambiguous amount.*decimal comma/],
    ['1.200', undefined, /ambiguous amount "1.200": declare the decimal separator/],
    ['1,200.50', ',', /decimal point, not the declared one/],
    ['abc', undefined, /not an amount/],
    ['1,20,0', undefined, /not an amount/],
    ['--5', undefined, /not an amount/],
    ['$5 USD', undefined, /not an amount/],
    ['XYZ 5', undefined, /not an amount/],
  ])('rejects %j (decimal %s)', (raw, decimal, message) => {
    const parsed = parseAmount(raw, decimal);
    expect('error' in parsed && parsed.error).toMatch(message);
  });
});

describe('parseCurrency', () => {
  it.each<[string, string | null]>([
    ['USD', 'USD'],
    ['eur', 'EUR'],
    [' gbp ', 'GBP'],
    ['€', 'EUR'],
    ['', null],
  ])('reads %j as %j', (raw, expected) => {
    expect(parseCurrency(raw)).toEqual({ value: expected });
  });

  it.each<[string, RegExp]>([
    ['XYZ', /not an ISO 4217 currency code/],
    ['US Dollar', /not an ISO 4217 currency code/],
    ['$', /could be several currencies/],
  ])('rejects %j', (raw, message) => {
    const parsed = parseCurrency(raw);
    expect('error' in parsed && parsed.error).toMatch(message);
  });
});

describe('text', () => {
  it.each<[string | undefined, string | null]>([
    ['  Acme   Corp ', 'Acme Corp'],
    ['Hooli\r\n  data\tmigration', 'Hooli data migration'],
    ['\u00a0Globex\u00a0', 'Globex'],
    ['   ', null],
    [undefined, null],
  ])('cleans %j to %j', (raw, expected) => {
    expect(cleanText(raw)).toEqual(expected);
  });

  it.each<[string, string[]]>([
    ['A; B;;b ; A', ['A', 'B', 'b']],
    ['  ', []],
    ['Merchant Services', ['Merchant Services']],
  ])('splits %j into %j', (raw, expected) => {
    expect(splitList(raw)).toEqual(expected);
  });
});

describe('aliases', () => {
  const products = { 'Merchant Services': ['merchant svc', 'Merchant-Services'], 'Business Loans': [] };

  it.each<[string, string]>([
    ['merchant svc', 'Merchant Services'],
    ['MERCHANT-SERVICES', 'Merchant Services'],
    ['  merchant   services ', 'Merchant Services'],
    ['business loans', 'Business Loans'],
    ['Credit Cards', 'Credit Cards'],
  ])('turns %j into %j', (value, expected) => {
    expect(canonicalizer(products)(value)).toBe(expected);
  });

  it('reports a spelling claimed twice and a field that is not a picklist', () => {
    expect(aliasProblems({ product: { A: ['x'], B: ['X'] }, amount: {} } as never)).toEqual([
      'aliases.product: "X" is given for both "A" and "B"',
      'aliases: "amount" is not a picklist field (product, stage, pipeline, partner, owner)',
    ]);
  });
});
