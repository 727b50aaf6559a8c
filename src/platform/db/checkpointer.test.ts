import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { openDatabase, type DatabaseHandle } from './database.ts';

const opened: Array<{ dbh: DatabaseHandle; dir: string }> = [];
afterEach(async () => {
  for (const { dbh, dir } of opened.splice(0)) {
    await dbh.close();
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

async function open(checkpointInBackground: boolean): Promise<DatabaseHandle> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-checkpoint-'));
  const dbh = await openDatabase(`sqlite:${path.join(dir, 'baton.db')}`, { checkpointInBackground });
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
    const checkpointer = dbh.checkpointer as NonNullable<DatabaseHandle['checkpointer']>;
    let progress = await checkpointer.next();
    while (progress.checkpointed < progress.log) progress = await checkpointer.next();
    expect(progress.log).toBeGreaterThan(1000);
    expect(progress.checkpointed).toBe(progress.log);
    expect(sqlite.prepare('select count(*) as n from t').get()).toEqual({ n: 20_000 });
  });

  it('hands checkpoints back to SQLite when stopped, and is not started for a command', async () => {
    const served = await open(true);
    await served.checkpointer?.stop();
    expect(served.sqlite?.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
    const command = await open(false);
    expect(command.checkpointer).toBeUndefined();
    expect(command.sqlite?.pragma('wal_autocheckpoint', { simple: true })).toBe(1000);
  });
});
