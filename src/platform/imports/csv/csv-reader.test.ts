import { Readable } from 'node:stream';
import { describe, expect, it } from 'vitest';
import { isAppError } from '../../errors/app-error.ts';
import { type CsvItem, readCsv, type ReadCsvOptions } from './csv-reader.ts';

const fromText = (text: string, options?: ReadCsvOptions) => readCsv(Readable.from([text]), options);

async function readAll(text: string, options?: ReadCsvOptions): Promise<{ headers: string[]; items: CsvItem[] }> {
  const reader = fromText(text, options);
  const headers = await reader.headers();
  const items: CsvItem[] = [];
  for await (const item of reader) items.push(item);
  return { headers, items };
}

describe('readCsv', () => {
  it('strips a BOM, trims header names and reads CRLF rows with quoted line breaks', async () => {
    const { headers, items } = await readAll('\ufeff Id ,Name \r\n1,"Acme\r\nCorp"\r\n2,"Say ""hi"""\r\n');
    expect(headers).toEqual(['Id', 'Name']);
    expect(items).toEqual([
      { row: 1, values: { Id: '1', Name: 'Acme\r\nCorp' } },
      { row: 2, values: { Id: '2', Name: 'Say "hi"' } },
    ]);
  });

  it('accepts LF, CR and mixed line endings and a last line without one', async () => {
    const { items } = await readAll('a,b\n1,2\r\n3,4\r5,6');
    expect(items.map((i) => ('values' in i ? i.values.b : i.error))).toEqual(['2', '4', '6']);
  });

  it('gives duplicate and empty header names their own keys', async () => {
    const { headers } = await readAll('Name,name,,x\n1,2,3,4\n');
    expect(headers).toEqual(['Name', 'name (2)', 'column 3', 'x']);
  });

  it('counts blank lines as rows without yielding them, so row numbers match a spreadsheet', async () => {
    const { items } = await readAll('\n\na,b\n1,2\n\n , \n3,4\n');
    expect(items).toEqual([
      { row: 1, values: { a: '1', b: '2' } },
      { row: 4, values: { a: '3', b: '4' } },
    ]);
  });

  it('turns a wrong number of fields into a row error and reads on', async () => {
    const { items } = await readAll('a,b,c\n1,2,3\n1,2\n1,2,3,4\n1,2,3,,\n"x\ny",2,3\n7,8\n9,9,9\n');
    expect(items).toEqual([
      { row: 1, values: { a: '1', b: '2', c: '3' } },
      { row: 2, error: 'line 3: 2 fields where the header has 3' },
      { row: 3, error: 'line 4: 4 fields where the header has 3' },
      { row: 4, values: { a: '1', b: '2', c: '3' } },
      { row: 5, values: { a: 'x\ny', b: '2', c: '3' } },
      { row: 6, error: 'line 8: 2 fields where the header has 3' },
      { row: 7, values: { a: '9', b: '9', c: '9' } },
    ]);
  });

  it('keeps stray quotes inside unquoted fields', async () => {
    const { items } = await readAll('a,b\n12" rack,2\n"3"x,4\n');
    expect(items).toEqual([
      { row: 1, values: { a: '12" rack', b: '2' } },
      { row: 2, values: { a: '"3"x', b: '4' } },
    ]);
  });

  it('reports a quote never closed as an error on its row', async () => {
    const { items } = await readAll('a,b\n1,2\n"3,4\n5,6\n');
    expect(items).toEqual([
      { row: 1, values: { a: '1', b: '2' } },
      {
        row: 2,
        error: 'line 3: a quote opened in this row is never closed, so the rest of the file could not be read',
      },
    ]);
  });

  it('stops at a row longer than the limit instead of holding the file in memory', async () => {
    const { items } = await readAll(`a,b\n1,2\n"${'x'.repeat(5000)}\n3,4\n`, { maxRowChars: 1000 });
    expect(items).toEqual([
      { row: 1, values: { a: '1', b: '2' } },
      {
        row: 2,
        error: expect.stringMatching(/^line 3: the row is longer than 1000 characters .*reading stopped here$/),
      },
    ]);
  });

  it('streams: the first rows of an endless source come out', async () => {
    const endless = Readable.from(
      (function* () {
        yield 'id,name\n';
        for (let i = 1; ; i++) yield `${i},deal ${i}\n`;
      })(),
    );
    const rows: CsvItem[] = [];
    for await (const item of readCsv(endless)) {
      rows.push(item);
      if (rows.length === 3) break;
    }
    expect(rows.at(-1)).toEqual({ row: 3, values: { id: '3', name: 'deal 3' } });
  });

  it('decodes UTF-8 split across chunks byte by byte', async () => {
    const bytes = Buffer.from('\ufeffName,Amount\r\n"Zoë — Straße",€9\r\n');
    const items: CsvItem[] = [];
    for await (const item of readCsv(Readable.from([...bytes].map((b) => Buffer.from([b]))))) items.push(item);
    expect(items).toEqual([{ row: 1, values: { Name: 'Zoë — Straße', Amount: '€9' } }]);
  });

  it('reads another delimiter when told', async () => {
    const { items } = await readAll('a;b\n"1;5";2\n', { delimiter: ';' });
    expect(items).toEqual([{ row: 1, values: { a: '1;5', b: '2' } }]);
  });

  it('gives no header and no rows for an empty file', async () => {
    expect(await readAll('')).toEqual({ headers: [], items: [] });
    expect(await readAll('\ufeff')).toEqual({ headers: [], items: [] });
  });

  it('keeps header names such as __proto__ as plain keys', async () => {
    const { items } = await readAll('__proto__,constructor\n1,2\n');
    const first = items[0];
    expect(first && 'values' in first && Object.entries(first.values)).toEqual([
      ['__proto__', '1'],
      ['constructor', '2'],
    ]);
  });

  it('throws a validation AppError for a file it cannot open, and only then', async () => {
    const reader = readCsv('/nonexistent/deals.csv');
    const failure = await reader.headers().catch((e: unknown) => e);
    expect(isAppError(failure) && failure.code).toBe('validation');
    expect(String(failure)).toContain('cannot read /nonexistent/deals.csv');
  });

  it('can be closed without reading to the end', async () => {
    const reader = fromText('a\n1\n2\n');
    expect(await reader.headers()).toEqual(['a']);
    await reader.close();
  });
});
