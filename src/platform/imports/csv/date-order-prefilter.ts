import { createReadStream } from 'node:fs';
import type { Readable } from 'node:stream';
import { StringDecoder } from 'node:string_decoder';

/**
 * What any year-last date (`03/04/24`, `13.04.2024 10:00`) starts with, wherever it sits in a CSV line: one or
 * two digits not preceded by another digit, a separator, one or two digits, the same separator, two digits.
 * Every cell `dateReadings` accepts contains it; ISO dates (`2024-03-04`) and amounts (`1.200,50`) do not.
 */
export const YEAR_LAST_CANDIDATE = /(?<!\d)\d{1,2}([/.-])\d{1,2}\1\d{2}/;

/** Enough of the previous chunk to see a candidate cut in two by a chunk boundary, and the character before it. */
const OVERLAP = 16;

const SEARCH = new RegExp(YEAR_LAST_CANDIDATE.source, 'g');

/** A candidate at or after `from`; the character before `from` is only context for the look-behind. */
function candidateIn(text: string, from: number): boolean {
  SEARCH.lastIndex = from;
  return SEARCH.test(text);
}

/**
 * Whether a CSV file could hold a year-last date, from its raw text (no CSV parsing): false proves it holds
 * none, so the date-order scan, a full second pass over the file, can be skipped. Stops at the first candidate.
 */
export async function mayHoldYearLastDates(input: Readable | string): Promise<boolean> {
  const stream = typeof input === 'string' ? createReadStream(input) : input;
  const decoder = new StringDecoder('utf8');
  let tail = '';
  try {
    for await (const chunk of stream as AsyncIterable<Buffer | string>) {
      const text = tail + (typeof chunk === 'string' ? chunk : decoder.write(chunk));
      // The tail's first character was searched before; it stays only as the look-behind's context.
      if (candidateIn(text, tail ? 1 : 0)) return true;
      tail = text.slice(-OVERLAP);
    }
    const rest = decoder.end();
    return rest !== '' && candidateIn(tail + rest, tail ? 1 : 0);
  } finally {
    stream.destroy();
  }
}
