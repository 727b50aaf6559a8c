import { CompiledQuery, type Insertable } from 'kysely';
import type { Db } from './database.ts';
import type { Database } from './schema.ts';

/** Rows per INSERT: big enough that a statement's fixed cost vanishes, small enough for both databases' bound-parameter limits. */
const MAX_ROWS = 250;
const MAX_PARAMETERS = 16_000;

/** Compiled INSERT text per dialect, table, columns and row count: the same shape compiles once. */
const statements = new WeakMap<object, Map<string, string>>();

function statementFor(db: Db, table: keyof Database & string, columns: string[], rows: number): string {
  const adapter = db.getExecutor().adapter;
  let cache = statements.get(adapter);
  if (!cache) statements.set(adapter, (cache = new Map()));
  const key = `${table}\u0000${columns.join('\u0000')}\u0000${rows}`;
  let text = cache.get(key);
  if (text === undefined) {
    const template = Object.fromEntries(columns.map((c) => [c, null]));
    // Placeholders in the dialect's own syntax (`?` or `$n`), from Kysely's compiler; values are bound per call.
    text = db
      .insertInto(table)
      .values(Array.from({ length: rows }, () => template) as never)
      .compile().sql;
    cache.set(key, text);
  }
  return text;
}

/**
 * Inserts many rows of one shape (the same columns, in the same order, none undefined) with one statement per
 * chunk whose text is compiled once and whose values are only bound: what a prepared insert costs, instead of
 * building and compiling a query tree of every value for every chunk. Rows of another shape go through
 * Kysely's ordinary insert.
 */
export async function insertMany<T extends keyof Database & string>(
  db: Db,
  table: T,
  rows: Insertable<Database[T]>[],
): Promise<void> {
  if (rows.length === 0) return;
  const columns = Object.keys(rows[0] as object);
  const perStatement = Math.max(1, Math.min(MAX_ROWS, Math.floor(MAX_PARAMETERS / columns.length)));
  for (let start = 0; start < rows.length; start += perStatement) {
    const chunk = rows.slice(start, start + perStatement);
    const parameters: unknown[] = new Array(chunk.length * columns.length);
    let k = 0;
    let sameShape = true;
    for (const row of chunk as Array<Record<string, unknown>>) {
      if (Object.keys(row).length !== columns.length) sameShape = false;
      for (const column of columns) {
        const value = row[column];
        if (value === undefined) sameShape = false;
        parameters[k++] = value;
      }
    }
    if (sameShape) await db.executeQuery(CompiledQuery.raw(statementFor(db, table, columns, chunk.length), parameters));
    else
      await db
        .insertInto(table)
        .values(chunk as never)
        .execute();
  }
}
