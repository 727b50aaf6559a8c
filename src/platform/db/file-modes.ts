import fs from 'node:fs';
import path from 'node:path';
import type { Logger } from '../logging/logger.ts';

/** Baton's files hold every customer's data: readable and writable by the account Baton runs as, no one else. */
export const PRIVATE_FILE_MODE = 0o600;
/** Folders Baton makes for its data. */
export const PRIVATE_DIR_MODE = 0o700;

/** A file whose mode Baton narrowed to its owner, with the mode it had (octal text, e.g. `644`). */
export interface ModeFixed {
  file: string;
  from: string;
  /** False when the file could not be changed (another owner): it stays as it was. */
  fixed: boolean;
}

/** The files SQLite keeps beside a database: the write-ahead log, its index, a rollback journal. */
export const sqliteCompanions = (file: string): string[] => [`${file}-wal`, `${file}-shm`, `${file}-journal`];

/** Makes `dir` (and any missing parent) readable by its owner only, as far as it is made here; one already there stays. */
export function makePrivateDir(dir: string): void {
  fs.mkdirSync(dir, { recursive: true, mode: PRIVATE_DIR_MODE });
}

/**
 * Creates an empty file readable by its owner only, or when it is there narrows it to that: what a backup or a
 * database is written into, so that its content is never readable by others, not even while it is being written.
 */
export function createPrivateFile(file: string): void {
  fs.closeSync(fs.openSync(file, 'w', PRIVATE_FILE_MODE));
  fs.chmodSync(file, PRIVATE_FILE_MODE);
}

/** Narrows a file others may read or write to its owner; reports what it changed. Missing files are skipped. */
export function narrowMode(file: string): ModeFixed | undefined {
  let mode: number;
  try {
    mode = fs.statSync(file).mode & 0o777;
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw err;
  }
  if ((mode & 0o077) === 0) return undefined;
  const from = mode.toString(8);
  try {
    fs.chmodSync(file, PRIVATE_FILE_MODE);
    return { file, from, fixed: true };
  } catch {
    return { file, from, fixed: false };
  }
}

/**
 * Prepares a SQLite database file before it is opened: a new one is created readable by its owner only (SQLite makes
 * its `-wal`, `-shm` and journal with the database file's mode), in a folder made the same way; an existing one and
 * its companions that others may read are narrowed to their owner. Returns what was narrowed.
 */
export function protectSqliteFile(file: string): ModeFixed[] {
  makePrivateDir(path.dirname(file));
  try {
    fs.closeSync(fs.openSync(file, 'wx', PRIVATE_FILE_MODE));
  } catch (err) {
    if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw err;
  }
  return [file, ...sqliteCompanions(file)].map(narrowMode).filter((m): m is ModeFixed => m !== undefined);
}

/** Logs each database file narrowed to its owner at start (or that could not be: it stays readable by others). */
export const reportModeFixed =
  (log: Pick<Logger, 'warn'>) =>
  ({ file, from, fixed }: ModeFixed): void => {
    if (fixed)
      log.warn(
        { file, was: from, now: '600' },
        'database file was readable by other accounts: now readable by its owner only',
      );
    else
      log.warn(
        { file, mode: from },
        'database file is readable by other accounts and could not be changed (another owner?): make it mode 600',
      );
  };
