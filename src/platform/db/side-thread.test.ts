import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { afterEach, describe, expect, it } from 'vitest';
import { CompiledQuery } from 'kysely';
import { runTsScript } from '../../../test/helpers/cli.ts';
import { openDatabase, readTogether, type DatabaseHandle } from './database.ts';

const opened: Array<{ dbh: DatabaseHandle; dir: string }> = [];
afterEach(async () => {
  for (const { dbh, dir } of opened.splice(0)) {
    await dbh.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

async function open(sideThread: boolean): Promise<DatabaseHandle> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-checkpoint-'));
  const dbh = await openDatabase(`sqlite:${path.join(dir, 'baton.db')}`, { sideThread });
  opened.push({ dbh, dir });
  return dbh;
}

const write = (dbh: DatabaseHandle, rows: number) => {
  const sqlite = dbh.sqlite as NonNullable<DatabaseHandle['sqlite']>;
  sqlite.exec('create table if not exists t (id integer primary key, body text not null)');
  const insert = sqlite.prepare('insert into t (body) values (?)');
  sqlite.transaction(() => {
    for (let i = 0; i < rows; i++) insert.run('x'.repeat(500));
  })();
};

describe('WAL checkpoints of a served SQLite database', () => {
  it('are taken by the worker: commits no longer checkpoint, and every committed frame reaches the database file', async () => {
    const dbh = await open(true);
    const sqlite = dbh.sqlite as NonNullable<DatabaseHandle['sqlite']>;
    expect(sqlite.pragma('wal_autocheckpoint', { simple: true })).toBe(0);
    write(dbh, 20_000); // about 10 MB: far past SQLite's own 1,000-page threshold
    const thread = dbh.sideThread as NonNullable<DatabaseHandle['sideThread']>;
    let progress = await thread.nextCheckpoint();
    while (progress.checkpointed < progress.log) progress = await thread.nextCheckpoint();
    expect(progress.log).toBeGreaterThan(1000);
    expect(progress.checkpointed).toBe(progress.log);
    expect(sqlite.prepare('select count(*) as n from t').get()).toEqual({ n: 20_000 });
  });

  it('hands checkpoints back to SQLite when stopped, and is not started for a command', async () => {
    const served = await open(true);
    await served.sideThread?.stop();
    expect(served.sqlite?.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    const command = await open(false);
    expect(command.sideThread).toBeUndefined();
    expect(command.sqlite?.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  });

  it('runs reads beside the request thread with the same answers, refuses writes there, and reads here once it stops', async () => {
    const dbh = await open(true);
    write(dbh, 1000);
    const queries = [
      CompiledQuery.raw('select count(*) as n, sum(length(body)) as bytes from t where id > ?', [10]),
      CompiledQuery.raw('select id from t where id <= ? order by id', [3]),
    ];
    const expected = [[{ n: 990, bytes: 990 * 500 }], [{ id: 1 }, { id: 2 }, { id: 3 }]];
    expect(await readTogether(dbh.db, queries)).toEqual(expected);
    const thread = dbh.sideThread as NonNullable<DatabaseHandle['sideThread']>;
    await expect(thread.read('delete from t', []) as Promise<unknown>).rejects.toThrow(/only reads/);
    expect(dbh.sqlite?.prepare('select count(*) as n from t').get()).toEqual({ n: 1000 });
    await thread.stop();
    expect(thread.read('select 1', [])).toBeUndefined();
    expect(await readTogether(dbh.db, queries)).toEqual(expected);
  });

  it('holds a process open until its threads have stopped, so that a shutdown runs to its end', () => {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-side-close-'));
    try {
      const here = path.dirname(fileURLToPath(import.meta.url));
      // Nothing else keeps this process alive while the threads stop: it must still reach the last line.
      const r = runTsScript(
        dir,
        `import { openDatabase } from ${JSON.stringify(path.join(here, 'database.ts'))};
const dbh = await openDatabase(${JSON.stringify(`sqlite:${path.join(dir, 'baton.db')}`)}, { sideThread: true });
await new Promise((resolve) => setTimeout(resolve, 300));
await dbh.close();
console.log('closed');
`,
      );
      expect(r.stdout, r.stderr).toContain('closed');
      expect(r.status).toBe(0);
      expect(fs.existsSync(path.join(dir, 'baton.db-wal'))).toBe(false);
    } finally {
      fs.rmSync(dir, { recursive: true, force: true });
    }
  });
});
