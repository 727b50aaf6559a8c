/**
 * Which Baton account a row of an imported table means, and the join files that lead there: a subscriptions
 * table (subscription → the source's account id) and an accounts table (the source's account id → name).
 */
import { accountNameIndex, accountsByReference } from '../../accounts/index.ts';
import type { Db } from '../../../platform/db/database.ts';
import { AppError } from '../../../platform/errors/app-error.ts';
import { readCsv } from '../../../platform/imports/csv/csv-reader.ts';
import { RowCells } from '../../../platform/imports/csv/row-cells.ts';
import type { CsvInput } from '../../../platform/imports/source.ts';

/** Reads `key column → value column` of a small join file into memory (both columns case-insensitive). */
export async function readJoinFile(
  input: CsvInput,
  option: string,
  keyColumns: readonly string[],
  valueColumns: readonly string[],
): Promise<Map<string, string>> {
  const reader = readCsv(input.open());
  const out = new Map<string, string>();
  try {
    const headers = (await reader.headers()).map((h) => h.trim().toLowerCase());
    const key = keyColumns.find((c) => headers.includes(c));
    const value = valueColumns.find((c) => headers.includes(c));
    if (!key || !value)
      throw AppError.validation(
        option,
        `the file needs a ${keyColumns.join(' or ')} column and a ${valueColumns.join(' or ')} column`,
      );
    for await (const item of reader) {
      if ('error' in item) continue;
      const cells = new RowCells(item.values);
      const k = cells.first([key])?.raw.trim();
      const v = cells.first([value])?.raw.trim();
      if (k && v) out.set(k, v);
    }
  } finally {
    await reader.close().catch(() => {});
  }
  return out;
}

export interface AccountResolver {
  /** The accounts of the references (Baton id, CRM id, domain, else exact name); unknown ones are absent. */
  resolve(db: Db, refs: Iterable<string>): Promise<Map<string, string>>;
}

/** Resolves references by id, CRM id and domain (accounts module), then by exact name; `aliases` first turns a source id into a name. */
export async function accountResolver(
  db: Db,
  workspaceId: string,
  aliases?: ReadonlyMap<string, string>,
): Promise<AccountResolver> {
  const names = await accountNameIndex(db, workspaceId);
  return {
    resolve: async (trx, refs) => {
      const wanted = [...new Set(refs)];
      const out = await accountsByReference(trx, workspaceId, wanted);
      for (const ref of wanted) {
        if (out.has(ref)) continue;
        const byName = names.get(ref.trim().toLowerCase()) ?? names.get((aliases?.get(ref) ?? '').trim().toLowerCase());
        if (byName) out.set(ref, byName);
      }
      return out;
    },
  };
}
