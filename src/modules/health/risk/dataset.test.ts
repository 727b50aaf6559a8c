import { describe, expect, it } from 'vitest';
import { AppError } from '../../../platform/errors/app-error.ts';
import { buildDataset, inferKind, outcomeOf, readColumns } from './dataset.ts';

const caught = (f: () => unknown): AppError => {
  try {
    f();
  } catch (e) {
    if (e instanceof AppError) return e;
    throw e;
  }
  throw new Error('expected an AppError');
};

describe('outcome words', () => {
  it.each([
    ['Yes', 1],
    ['no', 0],
    [' TRUE ', 1],
    ['False', 0],
    ['1', 1],
    ['0', 0],
    [1, 1],
    [0, 0],
    [true, 1],
    [false, 0],
    ['Churned', 1],
    ['retained', 0],
    ['Y', 1],
    ['n', 0],
  ] as const)('%j reads as %i', (cell, want) => {
    expect(outcomeOf(cell)).toBe(want);
  });

  it.each(['maybe', '', null, 2, 'yes!'])('%j is no outcome', (cell) => {
    expect(outcomeOf(cell)).toBeNull();
  });

  it('refuses rows whose outcome is no known word, naming each row (1-based)', () => {
    const rows = [
      { plan: 'a', churned: 'yes' },
      { plan: 'b', churned: 'perhaps' },
      { plan: 'c', churned: 'no' },
      { plan: 'd', churned: '' },
    ];
    const error = caught(() => buildDataset(rows, ['plan'], 'churned'));
    expect(error.code).toBe('validation');
    expect(error.message).toContain('row 2: churned');
    expect(error.message).toContain('"perhaps"');
    expect(error.fieldErrors.map((f) => f.field)).toEqual(['row 2: churned', 'row 4: churned']);
    expect(error.fieldErrors[1]!.message).toContain('a blank');
  });

  it('needs both outcomes, and known columns', () => {
    expect(
      caught(() =>
        buildDataset(
          [
            { a: 1, c: 'no' },
            { a: 2, c: 'no' },
          ],
          ['a'],
          'c',
        ),
      ).message,
    ).toContain('both');
    expect(caught(() => buildDataset([{ a: 1, c: 'no' }], ['a'], 'churn')).fieldErrors[0]!.field).toBe('outcome');
    expect(caught(() => buildDataset([{ a: 1, c: 'no' }], ['a', 'b'], 'c')).message).toContain('"b"');
  });
});

describe('column types', () => {
  it('is numeric when at least 95 % of the non-blank cells are numbers, blanks aside', () => {
    const cells = [...Array.from({ length: 19 }, (_, i) => String(i * 1.5)), 'n/a', ' ', null, 'oops'];
    expect(inferKind(cells)).toBe('numeric');
    expect(inferKind([...cells, 'again'])).toBe('categorical');
  });

  it('reads yes/no, booleans and text as categorical, and numbers written as text as numbers', () => {
    expect(inferKind(['Yes', 'No', 'Yes'])).toBe('categorical');
    expect(inferKind([true, false, true])).toBe('categorical');
    expect(inferKind(['29.85', ' 1889.5', 7, '-3e2'])).toBe('numeric');
    expect(inferKind([null, '', ' '])).toBe('categorical');
  });

  it('keeps blanks as missing: NaN for numbers (and text that is no number), null for levels', () => {
    const ds = readColumns(
      [{ n: '12', c: ' Yes ' }, { n: ' ', c: '' }, { n: 'twelve', c: false }, { c: 'NA' }],
      [
        { name: 'n', kind: 'numeric' },
        { name: 'c', kind: 'categorical' },
      ],
    );
    expect(Array.from(ds.columns[0]!.values as Float64Array)).toEqual([12, NaN, NaN, NaN]);
    expect(ds.columns[1]!.values).toEqual(['Yes', null, 'false', null]);
  });
});

describe('attributes set aside', () => {
  const rows = Array.from({ length: 40 }, (_, i) => ({
    account_id: `A-${1000 + i}`,
    name: i < 30 ? `Company ${i}` : 'Company 0',
    plan: ['basic', 'pro'][i % 2]!,
    region: null,
    flag: 'same',
    seats: i,
    churned: i % 3 === 0 ? 'yes' : 'no',
  }));

  it('drops identifier-like categorical columns, empty and constant ones, and the outcome, each with its reason', () => {
    const ds = buildDataset(rows, ['account_id', 'name', 'plan', 'region', 'flag', 'seats', 'churned'], 'churned');
    expect(ds.columns.map((c) => [c.name, c.kind])).toEqual([
      ['plan', 'categorical'],
      ['seats', 'numeric'],
    ]);
    expect(ds.dropped).toEqual([
      { attribute: 'account_id', reason: 'identifier-like: 40 distinct values in 40 rows' },
      { attribute: 'name', reason: 'identifier-like: 30 distinct values in 40 rows' },
      { attribute: 'region', reason: 'no values: every cell is blank' },
      { attribute: 'flag', reason: 'one value only' },
      { attribute: 'churned', reason: 'is the outcome' },
    ]);
    expect(ds.positives).toBe(14);
  });

  it('keeps a numeric column whose values are all distinct (amounts are no identifiers)', () => {
    const ds = buildDataset(rows, ['seats'], 'churned');
    expect(ds.dropped).toEqual([]);
  });
});
