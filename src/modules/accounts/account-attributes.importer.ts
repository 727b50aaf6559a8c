/**
 * The accounts import with custom attributes and a renewal outcome: `attributes` (columns kept on each account
 * as text, exactly as the file gives them) and `outcome` (a column of churned/retained words). The file is read
 * once up front: an outcome cell that is no known word refuses the whole file, naming each row, before anything
 * is written; then the accounts import runs as ever, and the attributes of the accounts it wrote are replaced in
 * one transaction.
 */
import type { Kysely } from 'kysely';
import type { Readable } from 'node:stream';
import type { Database } from '../../platform/db/schema.ts';
import { AppError, type FieldError } from '../../platform/errors/app-error.ts';
import { nowIso } from '../../platform/ids.ts';
import type { ImportResult } from '../../platform/imports/import-run.ts';
import type { ImportCall, Importer } from '../../platform/imports/importer.ts';
import { type CsvInput, openCsv } from '../../platform/imports/source.ts';
import { OUTCOME_WORDS_HELP, outcomeOf } from '../../platform/imports/values/outcomes.ts';
import { accountImporter } from './account-import.service.ts';
import { replaceAccountAttributes } from './account-attributes.store.ts';
import type { AccountAttributesTable } from './account-attributes.table.ts';
import * as store from './account-import.store.ts';
import { attributeColumns } from './import/attribute-columns.ts';
import type { AccountImportRecord } from './import/records.ts';

interface Kept {
  row: number;
  record: AccountImportRecord;
  attributes: Record<string, string>;
  outcome: 0 | 1 | null;
}

async function textOf(source: Readable | string): Promise<string> {
  if (typeof source === 'string') return source;
  const parts: Buffer[] = [];
  for await (const chunk of source) parts.push(typeof chunk === 'string' ? Buffer.from(chunk) : (chunk as Buffer));
  return Buffer.concat(parts).toString('utf8');
}

/** Reads every row's attributes and outcome; throws naming each row whose outcome is no known word. */
async function readAttributes(call: ImportCall, input: CsvInput): Promise<Kept[]> {
  const { reader, headers } = await openCsv(input);
  const kept: Kept[] = [];
  const errors: FieldError[] = [];
  try {
    const columns = attributeColumns(headers, call.request.options ?? {}, call.name);
    const format =
      call.request.format ?? (call.request.mapping ? 'mapped' : accountImporter.detect?.(headers)) ?? 'mapped';
    const plan = accountImporter.plan!(format, headers, call.request, call.name);
    for await (const item of reader) {
      if ('error' in item) continue;
      let outcome: 0 | 1 | null = null;
      if (columns.outcome !== null) {
        const cell = item.values[columns.outcome] ?? '';
        outcome = outcomeOf(cell);
        if (outcome === null)
          errors.push({
            field: `row ${item.row}: ${columns.outcome}`,
            message: `${cell.trim() === '' ? 'a blank' : `"${cell}"`} is not an outcome (${OUTCOME_WORDS_HELP})`,
          });
      }
      const mapped = plan.map(item.values, item.row);
      if (!mapped.ok) continue;
      const attributes: Record<string, string> = {};
      for (const c of columns.attributes) attributes[c] = item.values[c] ?? '';
      kept.push({ row: item.row, record: mapped.record as AccountImportRecord, attributes, outcome });
    }
  } finally {
    await reader.close().catch(() => {});
  }
  if (errors.length > 0) {
    const more = errors.length > 1 ? ` (and ${errors.length - 1} more row(s)); nothing was imported` : '';
    throw new AppError('validation', `${errors[0]!.field}: ${errors[0]!.message}${more}`, {
      fieldErrors: errors.slice(0, 50),
    });
  }
  return kept;
}

/** The account each kept row now names: by source + external id, else domain, else exact name; a row per account. */
async function accountIdsOf(db: Kysely<Database>, workspaceId: string, kept: readonly Kept[]) {
  const source = kept[0]?.record.source ?? 'csv';
  const ext = kept.flatMap((k) => k.record.externalId ?? []);
  const links = new Map(
    (await store.selectAccountLinks(db, workspaceId, source, ext)).map((l) => [l.external_id, l.account_id]),
  );
  const unique = <T>(rows: T[], key: (r: T) => string | null) => {
    const seen = new Map<string, T | null>();
    for (const r of rows) {
      const k = key(r);
      if (k !== null) seen.set(k, seen.has(k) ? null : r);
    }
    return seen;
  };
  const domains = kept.flatMap((k) => k.record.domain ?? []);
  const byDomain = unique(await store.selectAccountsByDomains(db, workspaceId, domains), (a) => a.domain);
  const byName = unique(
    await store.selectAccountsByNames(
      db,
      workspaceId,
      kept.map((k) => k.record.name),
    ),
    (a) => a.name,
  );
  const taken = new Set<string>();
  const out: Array<{ kept: Kept; accountId: string }> = [];
  for (const k of kept) {
    const r = k.record;
    const id =
      (r.externalId ? links.get(r.externalId) : undefined) ??
      (r.domain ? byDomain.get(r.domain)?.id : undefined) ??
      byName.get(r.name)?.id;
    if (id === undefined || taken.has(id)) continue; // a later row naming an account already taken was refused
    taken.add(id);
    out.push({ kept: k, accountId: id });
  }
  return out;
}

async function runWithAttributes(db: Kysely<Database>, call: ImportCall): Promise<ImportResult> {
  const options = call.request.options ?? {};
  if (!options.attributes && !options.outcome) return accountImporter.run(db, call);
  const text = call.input.once ? await textOf(call.input.open()) : null;
  const input: CsvInput = text === null ? call.input : { open: () => text };
  const kept = await readAttributes(call, input);
  const result = await accountImporter.run(db, { ...call, input });
  if (call.dryRun) return result;
  const now = nowIso();
  const rows: AccountAttributesTable[] = (await accountIdsOf(db, call.workspaceId, kept)).map(
    ({ kept: k, accountId }) => ({
      account_id: accountId,
      workspace_id: call.workspaceId,
      attributes: JSON.stringify(k.attributes),
      outcome: k.outcome,
      outcome_recorded_on: k.outcome === null ? null : now.slice(0, 10),
      updated_at: now,
    }),
  );
  await db.transaction().execute((trx) => replaceAccountAttributes(trx, rows));
  const note = `${rows.length} account(s) keep custom attributes${options.outcome ? ' and a renewal outcome' : ''}`;
  return { ...result, notes: [...result.notes, note] };
}

/** The accounts importer, with the `attributes` and `outcome` options. */
export const accountImporterWithAttributes: Importer = {
  ...accountImporter,
  options: [
    ...(accountImporter.options ?? []),
    {
      name: 'attributes',
      description:
        'columns kept on each account as custom attributes (comma-separated header names, text as given), e.g. "Plan,Seats,Contract"',
      maxLength: 10_000,
    },
    {
      name: 'outcome',
      description: `the column holding each account's renewal outcome (${OUTCOME_WORDS_HELP}); a row with another word refuses the file`,
      maxLength: 500,
    },
  ],
  run: runWithAttributes,
};
