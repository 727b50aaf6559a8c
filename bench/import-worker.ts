/**
 * One measured import in its own process (so that its peak memory is its own):
 * `import-worker.ts baton|plain|plain-schema <csv> <sqlite file>` prints { ms, peakRssMiB, rows }.
 */
import fs from 'node:fs';
import SqliteDatabase from 'better-sqlite3';
import { parse } from 'csv-parse';
import { importDeals } from '../src/modules/deals/deal-import.service.ts';
import { SYSTEM_ACTOR } from '../src/platform/auth/principal.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { createWorkspace } from '../src/platform/identity/workspace.service.ts';

const [mode, csv, dbFile] = process.argv.slice(2) as [string, string, string];
let peak = 0;
const sample = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 20);

/** Each side is timed from its first row read to its last row committed; setting up the database is not counted. */
let started = 0;

/**
 * Reads the CSV with csv-parse and inserts each record with `insertRow`, 500 to a transaction: the plain
 * baselines differ only in the table they write.
 */
async function insertParsed(
  db: SqliteDatabase.Database,
  insertRow: (record: string[], n: number) => void,
): Promise<number> {
  started = performance.now();
  let rows = 0;
  let batch: string[][] = [];
  const flush = db.transaction((b: string[][]) => {
    for (const r of b) insertRow(r, ++rows);
  });
  for await (const record of fs.createReadStream(csv).pipe(parse({ from_line: 2 }))) {
    batch.push(record as string[]);
    if (batch.length === 500) {
      flush(batch);
      batch = [];
    }
  }
  flush(batch);
  db.close();
  return rows;
}

async function plain(): Promise<number> {
  const db = new SqliteDatabase(dbFile);
  db.pragma('journal_mode = WAL');
  db.exec(
    'create table deals (external_id text primary key, name text, account text, stage text, amount real, close_date text)',
  );
  const insert = db.prepare('insert into deals values (?, ?, ?, ?, ?, ?)');
  return insertParsed(db, (r) => insert.run(r[0], r[1], r[2], r[3], Number(r[4]), r[5]));
}

/**
 * The same plain insert into Baton's own deals table (every column it stores, its three indexes): what the
 * table itself costs, apart from reading, mapping, matching and the guard.
 */
async function plainSchema(): Promise<number> {
  const dbh = await openDatabase(`sqlite:${dbFile}`);
  await migrateToLatest(dbh);
  const ws = await createWorkspace(dbh.db, SYSTEM_ACTOR, { slug: 'bench' });
  await dbh.close();
  const db = new SqliteDatabase(dbFile);
  db.pragma('journal_mode = WAL');
  db.pragma('synchronous = NORMAL');
  const cols = (db.prepare("select name from pragma_table_info('deals')").all() as Array<{ name: string }>).map(
    (c) => c.name,
  );
  const insert = db.prepare(`insert into deals (${cols.join(', ')}) values (${cols.map(() => '?').join(', ')})`);
  const now = new Date().toISOString();
  const at = (name: string) => cols.indexOf(name);
  const template: unknown[] = cols.map(() => null);
  const fixed: Record<string, unknown> = {
    workspace_id: ws.id,
    source: 'csv',
    stage_category: 'open',
    products: '[]',
    journey_state: 'open',
    stage_category_stated: 0,
    created_at: now,
    updated_at: now,
  };
  for (const [name, value] of Object.entries(fixed)) template[at(name)] = value;
  // CSV columns → deal columns; the content hash only needs to be unique here.
  const fromCsv: Array<[column: number, field: number]> = [
    ['external_id', 0],
    ['name', 1],
    ['account_name', 2],
    ['stage', 3],
    ['close_date', 5],
    ['content_hash', 0],
  ].map(([c, f]) => [at(c as string), f as number]);
  const iId = at('id');
  const iAmount = at('amount');
  return insertParsed(db, (r, n) => {
    const values = template.slice();
    values[iId] = `bench-${n}`;
    for (const [column, field] of fromCsv) values[column] = r[field];
    values[iAmount] = Number(r[4]);
    insert.run(values);
  });
}

async function baton(): Promise<number> {
  const dbh = await openDatabase(`sqlite:${dbFile}`);
  await migrateToLatest(dbh);
  const ws = await createWorkspace(dbh.db, SYSTEM_ACTOR, { slug: 'bench' });
  started = performance.now();
  const report = await importDeals(dbh.db, {
    workspaceId: ws.id,
    actor: SYSTEM_ACTOR,
    open: () => csv,
    fileName: 'bench.csv',
    options: {
      mapping: {
        'Deal ID': 'external_id',
        Title: 'name',
        Customer: 'account',
        Status: 'stage',
        Value: 'amount',
        Closed: 'close_date',
      },
    },
  });
  await dbh.close();
  if (report.rejected > 0) throw new Error(`benchmark rows rejected: ${JSON.stringify(report.errors.slice(0, 3))}`);
  return report.created;
}

const rows = mode === 'plain' ? await plain() : mode === 'plain-schema' ? await plainSchema() : await baton();
const ms = performance.now() - started;
clearInterval(sample);
peak = Math.max(peak, process.memoryUsage().rss);
console.log(JSON.stringify({ ms, rows, peakRssMiB: peak / 1024 / 1024 }));
