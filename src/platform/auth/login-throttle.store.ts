import { sql } from 'kysely';
import type { Db } from '../db/database.ts';

export const selectLoginFailures = (db: Db, keys: string[]) =>
  db.selectFrom('login_failures').selectAll().where('key', 'in', keys).execute();

/**
 * Counts one more failure for a key in one statement, so that instances failing the same account at once
 * each add theirs; a run whose last failure is before `forgetBefore` starts again at one. Returns the count.
 */
export async function addLoginFailure(db: Db, key: string, at: string, forgetBefore: string): Promise<number> {
  const row = await db
    .insertInto('login_failures')
    .values({ key, failures: 1, last_failure_at: at, locked_until: null })
    .onConflict((oc) =>
      oc.column('key').doUpdateSet({
        failures: sql<number>`case when login_failures.last_failure_at < ${forgetBefore} then 1 else login_failures.failures + 1 end`,
        last_failure_at: at,
      }),
    )
    .returning('failures')
    .executeTakeFirstOrThrow();
  return Number(row.failures);
}

export const setLockedUntil = (db: Db, key: string, lockedUntil: string) =>
  db.updateTable('login_failures').set({ locked_until: lockedUntil }).where('key', '=', key).execute();

export const deleteLoginFailures = (db: Db, key: string) =>
  db.deleteFrom('login_failures').where('key', '=', key).execute();
