import { Readable } from 'node:stream';
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { dateReadings } from '../values/dates.ts';
import { readCsv } from './csv-reader.ts';
import { scanDateOrder } from './date-order.ts';
import { mayHoldYearLastDates } from './date-order-prefilter.ts';

/** The text as a stream cut into pieces of `size` characters, as a file arrives in chunks. */
const chunked = (text: string, size: number) =>
  Readable.from(
    Array.from({ length: Math.ceil(text.length / size) }, (_, i) => Buffer.from(text.slice(i * size, (i + 1) * size))),
  );

describe('mayHoldYearLastDates', () => {
  it.each([
    ['ISO dates, amounts and ids', 'id,date,amount\nD-1,2026-03-04,1.200\nD-22,2026-12-31T10:00:00Z,113.5\n', false],
    ['a US date', 'id,date\n1,03/04/26\n', true],
    ['a German date with a time', 'id,date\n1,"13.04.2024 10:00"\n', true],
    ['a date glued to other digits (a phone number)', 'id,phone\n1,0049-30-1234\n', false],
  ])('%s → %s', async (_what, text, expected) => {
    expect(await mayHoldYearLastDates(Readable.from([Buffer.from(text)]))).toBe(expected);
  });

  it('finds a date cut by a chunk boundary, and is not fooled by an ISO date cut the same way', async () => {
    const iso = `id,date\n${'x'.repeat(20)},2026-08-20\n`;
    const us = `id,date\n${'x'.repeat(20)},12/08/26\n`;
    for (let size = 1; size <= iso.length; size++) {
      expect(await mayHoldYearLastDates(chunked(iso, size)), `chunks of ${size}`).toBe(false);
      expect(await mayHoldYearLastDates(chunked(us, size)), `chunks of ${size}`).toBe(true);
    }
  });

  it('never misses a cell the date-order scan would read (a superset of it)', async () => {
    const digits = (min: number, max: number) => fc.stringMatching(new RegExp(`^[0-9]{${min},${max}}$`));
    const dateLike = fc
      .tuple(
        fc.constantFrom('', ' '),
        digits(1, 2),
        fc.constantFrom('/', '.', '-'),
        digits(1, 2),
        fc.constantFrom(2, 4),
        fc.constantFrom('', ' 10:30', ' 9:05 PM', 'T23:59:59'),
      )
      .chain(([pad, a, sep, b, yearLength, time]) =>
        digits(yearLength, yearLength).map((y) => `${pad}${a}${sep}${b}${sep}${y}${time}${pad}`),
      );
    const cell = fc.oneof(fc.stringMatching(/^[ 0-9/.\-:APMT]{0,22}$/), dateLike);
    await fc.assert(
      fc.asyncProperty(
        fc.array(fc.array(cell, { minLength: 2, maxLength: 2 }), { minLength: 1, maxLength: 6 }),
        fc.integer({ min: 1, max: 40 }),
        async (rows, size) => {
          const csv = `a,b\n${rows.map((r) => r.map((v) => `"${v}"`).join(',')).join('\n')}\n`;
          const scan = await scanDateOrder(readCsv(Readable.from([Buffer.from(csv)])));
          const any = rows.flat().some((v) => dateReadings(v) !== undefined);
          if (scan.kind !== 'none') expect(any).toBe(true);
          // Every cell shaped like a year-last date is flagged, even one no calendar reads (0/0/00).
          if (any) expect(await mayHoldYearLastDates(chunked(csv, size))).toBe(true);
        },
      ),
      { numRuns: 300 },
    );
  });
});
