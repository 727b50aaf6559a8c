import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { sql } from 'kysely';
import { redactUrl } from '../config/config.ts';
import { AppError } from '../errors/app-error.ts';
import { type DatabaseHandle, openDatabase } from './database.ts';
import { createPrivateFile, makePrivateDir, PRIVATE_FILE_MODE, sqliteCompanions } from './file-modes.ts';
import { migrateToLatest } from './migrate.ts';
import { composition } from '../modules/composition.ts';

/** What a backup file is, from its first bytes: a SQLite database (`baton backup` on SQLite), a pg_dump archive, or neither. */
export type BackupFormat = 'sqlite' | 'pg_dump' | 'unknown';

export interface Restored<T> {
  format: Exclude<BackupFormat, 'unknown'>;
  /** Migrations applied to bring the backup up to this version. */
  applied: string[];
  /** SQLite: where the database it replaced was kept. */
  keptAside: string | undefined;
  /** What `inspect` found in the restored database. */
  inspected: T;
}

export interface RestoreOptions<T> {
  /** Looks at the restored database, migrated, before it takes the place of the current one. */
  inspect: (dbh: DatabaseHandle) => Promise<T>;
  /** Names the files kept aside. */
  now?: Date;
}

export function backupFormatOf(file: string): BackupFormat {
  let head: Buffer;
  try {
    const fd = fs.openSync(file, 'r');
    try {
      head = Buffer.alloc(16);
      head = head.subarray(0, fs.readSync(fd, head, 0, 16, 0));
    } finally {
      fs.closeSync(fd);
    }
  } catch (err) {
    const code = (err as NodeJS.ErrnoException).code;
    throw new AppError('validation', `cannot read the backup ${file} (${code ?? (err as Error).message})`, {
      cause: err,
    });
  }
  if (head.toString('latin1') === 'SQLite format 3\0') return 'sqlite';
  if (head.subarray(0, 5).toString('latin1') === 'PGDMP') return 'pg_dump';
  return 'unknown';
}

/** Refuses a backup made by a newer Baton: its schema cannot be taken back to this version's. */
function refuseNewer(applied: readonly string[], file: string): void {
  const unknown = applied.filter((name) => !Object.hasOwn(composition().migrations, name));
  if (unknown.length > 0) {
    throw new AppError(
      'validation',
      `${file} was made by a newer Baton (its migration ${unknown[0]} is unknown to this version): restore it with that version or a later one`,
    );
  }
}

const notThisFormat = (file: string, format: BackupFormat, database: 'sqlite' | 'postgres'): AppError =>
  format === 'unknown'
    ? new AppError(
        'validation',
        `${file} is not a Baton backup: neither a SQLite database nor a pg_dump archive (baton backup writes one or the other)`,
      )
    : database === 'sqlite'
      ? new AppError(
          'validation',
          `${file} is a PostgreSQL backup (pg_dump), and DATABASE_URL names a SQLite database: set DATABASE_URL to a new, empty PostgreSQL database to restore it there`,
        )
      : new AppError(
          'validation',
          `${file} is a SQLite backup, and DATABASE_URL names a PostgreSQL database: restore it with DATABASE_URL=sqlite:<file> (the default, in BATON_DATA_DIR)`,
        );

/** Removes a file and what SQLite keeps beside it, where they are. */
const removeSqliteFiles = (file: string) => {
  for (const f of [file, ...sqliteCompanions(file)]) fs.rmSync(f, { force: true });
};

/** Checks a copy of a SQLite backup: a database SQLite finds intact, holding Baton's tables, not made by a newer Baton. */
function checkSqliteCopy(copy: string, shownAs: string): void {
  let raw: SqliteDatabase.Database | undefined;
  try {
    raw = new SqliteDatabase(copy, { fileMustExist: true });
    const problems = (raw.pragma('integrity_check') as Array<{ integrity_check: string }>)
      .map((r) => r.integrity_check)
      .filter((r) => r !== 'ok');
    if (problems.length > 0)
      throw new AppError(
        'validation',
        `${shownAs} is damaged (SQLite's integrity check: ${problems.slice(0, 3).join('; ')}): restore another backup`,
      );
    const tables = new Set(
      (raw.prepare(`select name from sqlite_master where type = 'table'`).all() as Array<{ name: string }>).map(
        (t) => t.name,
      ),
    );
    if (!tables.has('baton_migrations') || !tables.has('workspaces'))
      throw new AppError(
        'validation',
        `${shownAs} is a SQLite database but not a Baton backup (it has no baton_migrations and workspaces tables)`,
      );
    refuseNewer(
      (raw.prepare('select name from baton_migrations').all() as Array<{ name: string }>).map((m) => m.name),
      shownAs,
    );
  } catch (err) {
    if (err instanceof AppError) throw err;
    throw new AppError(
      'validation',
      `${shownAs} is not a readable SQLite database (${(err as Error).message}): restore another backup`,
      { cause: err },
    );
  } finally {
    raw?.close();
  }
}

/**
 * Whether a database file is held by another process (a serving Baton, a command): leaving WAL mode needs every other
 * connection closed, so SQLite refuses it at once then. When it is free, its write-ahead log is folded into the file.
 */
function sqliteInUse(file: string): boolean {
  let raw: SqliteDatabase.Database | undefined;
  try {
    raw = new SqliteDatabase(file, { fileMustExist: true, timeout: 0 });
    return raw.pragma('journal_mode = DELETE', { simple: true }) !== 'delete';
  } catch (err) {
    const code = (err as { code?: string }).code ?? '';
    // A database too damaged to open is not in use by a Baton: it is replaced (and kept aside).
    return code.startsWith('SQLITE_BUSY') || code.startsWith('SQLITE_LOCKED');
  } finally {
    raw?.close();
  }
}

/**
 * Restores a SQLite backup in the place of `dbFile`. A private copy of the backup (mode 0600, beside the database) is
 * checked (a SQLite file, intact, Baton's, not newer than this version), migrated to this version and inspected; then,
 * unless another process holds the database, the current database is kept aside (`<file>.before-restore-<time>`, with
 * its write-ahead log if one is left) and the copy takes its name in one rename. The backup file is only read.
 */
export async function restoreSqlite<T>(
  backupFile: string,
  dbFile: string,
  options: RestoreOptions<T>,
): Promise<Restored<T>> {
  const source = path.resolve(backupFile);
  const target = path.resolve(dbFile);
  if (source === target) throw new AppError('validation', `${backupFile} is the database itself: name a backup file`);
  const format = backupFormatOf(source);
  if (format !== 'sqlite') throw notThisFormat(backupFile, format, 'sqlite');
  const stamp = (options.now ?? new Date()).toISOString().replace(/[:.]/g, '-');
  const copy = `${target}.restoring-${stamp}`;
  const keptAside = `${target}.before-restore-${stamp}`;
  makePrivateDir(path.dirname(target));
  let inspected: T;
  let applied: string[];
  try {
    createPrivateFile(copy);
    fs.copyFileSync(source, copy);
    fs.chmodSync(copy, PRIVATE_FILE_MODE);
    checkSqliteCopy(copy, backupFile);
    const dbh = await openDatabase(`sqlite:${copy}`);
    try {
      applied = await migrateToLatest(dbh);
      inspected = await options.inspect(dbh);
    } finally {
      await dbh.close();
    }
    // One self-contained file: nothing of it left in a write-ahead log beside it (a served database returns to WAL).
    const raw = new SqliteDatabase(copy, { fileMustExist: true });
    raw.pragma('journal_mode = DELETE');
    raw.close();
    if (fs.existsSync(target) && sqliteInUse(target)) {
      throw new AppError(
        'conflict',
        `the database ${target} is in use: stop every Baton process using it (baton serve, other commands) and restore again; nothing was changed`,
      );
    }
  } catch (err) {
    removeSqliteFiles(copy);
    throw err;
  }
  // The current database is kept aside by a second name, and the copy takes its name in one rename: there is always a
  // database at `target`. A log left beside the current one goes aside with it, never to be read as the restored one's.
  let keep = false;
  if (fs.existsSync(target)) {
    try {
      fs.linkSync(target, keptAside);
    } catch {
      // A file system without hard links: a copy, readable by its owner only.
      createPrivateFile(keptAside);
      fs.copyFileSync(target, keptAside);
    }
    keep = true;
  }
  const asideCompanions = sqliteCompanions(keptAside);
  sqliteCompanions(target).forEach((companion, i) => {
    if (!fs.existsSync(companion)) return;
    fs.renameSync(companion, asideCompanions[i] as string);
    keep = true;
  });
  fs.renameSync(copy, target);
  return { format, applied, keptAside: keep ? keptAside : undefined, inspected };
}

/** Runs a PostgreSQL client tool; its output, or an error naming the tool, the database shown without its password. */
function runTool(tool: string, args: string[], url: string | undefined): Promise<string> {
  const shown = (text: string) => (url ? text.split(url).join(redactUrl(url)) : text);
  return new Promise((resolve, reject) => {
    const child = spawn(tool, args, { stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += String(d)));
    child.stderr.on('data', (d) => (stderr += String(d)));
    child.on('error', (err) =>
      reject(
        new AppError(
          'unavailable',
          `${tool} could not run (${err.message}): install the PostgreSQL client tools (e.g. apt-get install postgresql-client), or restore by hand into an empty database: pg_restore --no-owner --no-privileges --exit-on-error --single-transaction --dbname=<DATABASE_URL> <file>, then baton migrate`,
        ),
      ),
    );
    child.on('exit', (code) =>
      code === 0
        ? resolve(stdout)
        : reject(new AppError('internal', `${tool} failed with exit code ${code}: ${shown(stderr.trim())}`)),
    );
  });
}

/** The migrations a pg_dump archive of Baton holds (the rows of its baton_migrations table), or undefined when it has no such table. */
async function archivedMigrations(file: string): Promise<string[] | undefined> {
  const list = await runTool('pg_restore', ['--list', file], undefined);
  if (!/ TABLE public baton_migrations /.test(list) || !/ TABLE public workspaces /.test(list)) return undefined;
  const data = await runTool('pg_restore', ['--data-only', '--table=baton_migrations', '--file=-', file], undefined);
  const rows = data.split('\n');
  const start = rows.findIndex((r) => r.startsWith('COPY public.baton_migrations '));
  if (start < 0) return [];
  const end = rows.indexOf('\\.', start);
  return rows
    .slice(start + 1, end < 0 ? undefined : end)
    .map((r) => r.split('\t')[0] ?? '')
    .filter((n) => n.length > 0);
}

/**
 * Restores a pg_dump archive (`baton backup` on PostgreSQL) into the database `url` names, which must be empty: the
 * archive is checked (Baton's, not newer than this version), given to `pg_restore` in one transaction (objects owned
 * by the user restoring), then migrated to this version and inspected.
 */
export async function restorePostgres<T>(
  backupFile: string,
  url: string,
  options: RestoreOptions<T>,
): Promise<Restored<T>> {
  const format = backupFormatOf(backupFile);
  if (format !== 'pg_dump') throw notThisFormat(backupFile, format, 'postgres');
  const held = await archivedMigrations(backupFile);
  if (!held)
    throw new AppError(
      'validation',
      `${backupFile} is a pg_dump archive but not of a Baton database (it has no baton_migrations and workspaces tables)`,
    );
  refuseNewer(held, backupFile);
  const target = await openDatabase(url, { poolSize: 1 });
  try {
    const { rows } = await sql<{
      n: number;
    }>`select count(*) as n from information_schema.tables where table_schema = 'public'`.execute(target.db);
    if (Number(rows[0]?.n ?? 0) > 0) {
      throw new AppError(
        'conflict',
        `the database ${target.displayUrl} is not empty: restore into a new, empty database (createdb baton_restored) and set DATABASE_URL to it; nothing was changed`,
      );
    }
  } finally {
    await target.close();
  }
  await runTool(
    'pg_restore',
    ['--no-owner', '--no-privileges', '--exit-on-error', '--single-transaction', `--dbname=${url}`, backupFile],
    url,
  );
  const dbh = await openDatabase(url, { poolSize: 2 });
  try {
    const applied = await migrateToLatest(dbh);
    return { format, applied, keptAside: undefined, inspected: await options.inspect(dbh) };
  } finally {
    await dbh.close();
  }
}
