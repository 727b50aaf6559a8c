/**
 * One measured ticket import in its own process (so that its peak memory is its own):
 * `ticket-import-worker.ts baton|plain <csv> <sqlite file> [held]` prints
 * { ms, rows, peakRssMiB, baseRssMiB, heldMiB }.
 * With `held` (and node's `--expose-gc`), the heap is collected each second and `heldMiB` is the most it held after
 * a collection: what the import keeps, apart from the garbage V8 leaves until it needs the room.
 * Both sides start from a migrated database with 1,000 accounts the tickets' organizations name.
 */
import fs from 'node:fs';
import SqliteDatabase from 'better-sqlite3';
import { parse } from 'csv-parse';
import '../src/app/modules.ts';
import { createAccountsInBulk } from '../src/modules/accounts/index.ts';
import { ticketImporter } from '../src/modules/support/ticket.importer.ts';
import { SYSTEM_ACTOR } from '../src/platform/auth/principal.ts';
import { openDatabase } from '../src/platform/db/database.ts';
import { migrateToLatest } from '../src/platform/db/migrate.ts';
import { createWorkspace } from '../src/platform/identity/workspace.service.ts';
import { importFile } from '../src/platform/imports/import-file.ts';

const [mode, csv, dbFile, held] = process.argv.slice(2) as [string, string, string, string | undefined];
const ACCOUNTS = 1_000;

const dbh = await openDatabase(`sqlite:${dbFile}`);
await migrateToLatest(dbh);
const ws = await createWorkspace(dbh.db, SYSTEM_ACTOR, { slug: 'bench' });
await dbh.db.transaction().execute((trx) =>
  createAccountsInBulk(
    trx,
    SYSTEM_ACTOR,
    ws.id,
    Array.from({ length: ACCOUNTS }, (_, i) => ({ name: `Customer ${i}`, segment: 'mid_market' as const })),
    'bench',
  ),
);

let peak = 0;
const sample = setInterval(() => {
  peak = Math.max(peak, process.memoryUsage().rss);
}, 20);
const base = process.memoryUsage().rss;
const collect = (globalThis as { gc?: () => void }).gc;
let heldPeak = 0;
const collecting =
  held && collect
    ? setInterval(() => {
        collect();
        heldPeak = Math.max(heldPeak, process.memoryUsage().heapUsed);
      }, 1000)
    : undefined;
let started = 0;

/**
 * The baseline: the parsed rows inserted with one prepared statement into a plain table of the same columns, 500
 * to a transaction.
 */
async function plain(): Promise<number> {
  await dbh.close();
  const db = new SqliteDatabase(dbFile);
  db.pragma('journal_mode = WAL');
  db.exec(
    'create table plain_tickets (external_id text primary key, subject text, description text, category text, ' +
      'status text, priority text, organization text, created_at text, solved_at text)',
  );
  const insert = db.prepare('insert into plain_tickets values (?, ?, ?, ?, ?, ?, ?, ?, ?)');
  started = performance.now();
  let rows = 0;
  let batch: string[][] = [];
  const flush = db.transaction((b: string[][]) => {
    for (const r of b) {
      insert.run(r);
      rows++;
    }
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

/** Baton's ticket import as `baton import tickets` runs it: detection, matching, labels, events, the run's record. */
async function baton(): Promise<number> {
  started = performance.now();
  const result = await importFile(dbh.db, ticketImporter, {
    workspaceId: ws.id,
    actor: SYSTEM_ACTOR,
    input: { open: () => csv },
    fileName: 'bench.csv',
    request: {},
    name: (k) => k,
  });
  await dbh.close();
  if (result.rejected > 0) throw new Error(`benchmark rows rejected: ${JSON.stringify(result.errors.slice(0, 3))}`);
  return result.created;
}

const rows = mode === 'plain' ? await plain() : await baton();
const ms = performance.now() - started;
clearInterval(sample);
clearInterval(collecting);
peak = Math.max(peak, process.memoryUsage().rss);
const mib = (bytes: number) => bytes / 1024 / 1024;
console.log(JSON.stringify({ ms, rows, peakRssMiB: mib(peak), baseRssMiB: mib(base), heldMiB: mib(heldPeak) }));
