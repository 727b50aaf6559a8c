import { spawn } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { AppError } from '../errors/app-error.ts';
import type { DatabaseHandle } from './database.ts';
import { createPrivateFile, makePrivateDir, PRIVATE_FILE_MODE } from './file-modes.ts';

/**
 * Writes a consistent snapshot of the database to `file`: SQLite's online backup (the server may keep
 * running), or `pg_dump --format=custom` for PostgreSQL (restore with pg_restore); the file is readable by its owner only
 * (mode 0600). `baton restore` puts either back.
 */
export async function backupDatabase(
  dbh: DatabaseHandle,
  url: string,
  file: string,
): Promise<{ bytes: number; format: string }> {
  const target = path.resolve(file);
  makePrivateDir(path.dirname(target));
  // Readable by its owner only from its first byte: it holds every customer's data.
  createPrivateFile(target);
  if (dbh.sqlite) {
    await dbh.sqlite.backup(target);
    fs.chmodSync(target, PRIVATE_FILE_MODE);
    return { bytes: fs.statSync(target).size, format: 'sqlite' };
  }
  await new Promise<void>((resolve, reject) => {
    const child = spawn('pg_dump', ['--format=custom', `--file=${target}`, `--dbname=${url}`], {
      stdio: ['ignore', 'ignore', 'pipe'],
    });
    let stderr = '';
    child.stderr.on('data', (d) => {
      stderr += String(d);
    });
    child.on('error', (err) =>
      reject(
        new AppError(
          'unavailable',
          `pg_dump could not run (${err.message}): install the PostgreSQL client tools (e.g. apt-get install postgresql-client)`,
        ),
      ),
    );
    child.on('exit', (code) =>
      code === 0
        ? resolve()
        : reject(
            new AppError(
              'internal',
              `pg_dump failed with exit code ${code}: ${stderr.trim().replace(url, dbh.displayUrl)}`,
            ),
          ),
    );
  });
  return { bytes: fs.statSync(target).size, format: 'pg_dump custom' };
}
