import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { importSeats } from '../../modules/usage/import/seats-import.service.ts';
import { SEATS_FIELDS } from '../../modules/usage/import/seats-import.ts';
import { importUsage, type RecordsImportResult } from '../../modules/usage/import/usage-import.service.ts';
import { USAGE_FIELDS } from '../../modules/usage/import/usage-rows.ts';
import { SYSTEM_ACTOR } from '../../platform/auth/principal.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { getWorkspaceBySlug } from '../../platform/identity/workspace.service.ts';
import type { ImportResult } from '../../platform/imports/import-run.ts';
import { withContext } from '../context.ts';
import { collect, fieldsHelp, mappingOption, printReport, withProgressBar } from './import-options.ts';

interface Flags {
  workspace: string;
  map?: string[];
  source?: string;
  subscriptions?: string;
  accounts?: string;
  dryRun?: boolean;
  json?: boolean;
}

const existing = (option: string, file: string | undefined) => {
  if (file !== undefined && !fs.existsSync(file)) throw AppError.validation(option, `${file} does not exist`);
  return file === undefined ? undefined : { open: () => fs.createReadStream(file) };
};

/** The report as the other imports print it (their `kind` names record kinds of the import page). */
const print = (file: string, result: RecordsImportResult, json: boolean | undefined) =>
  printReport(file, result as unknown as ImportResult, json);

export function importUsageCommand(): Command {
  return new Command('usage')
    .description(
      'Import daily product usage (a warehouse or product usage table) into the adoption rollups. Rows name their account (Baton id, CRM id, domain or name) or a subscription (with --subscriptions). Re-running the file changes nothing; a changed row replaces what it counted.',
    )
    .argument('<file>', 'the CSV file')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .option(
      '--map <column=field>',
      'map a column onto a usage field; repeat (without it the usual column names are read)',
      collect,
    )
    .option(
      '--subscriptions <file>',
      'CSV with subscription_id and account_id: the account of each subscription the rows name',
    )
    .option(
      '--accounts <file>',
      "CSV with account_id and account_name: the source's account ids, for accounts Baton knows by name only",
    )
    .option('--source <name>', 'where the rows come from; row ids are unique per source', 'csv')
    .option('--dry-run', 'check every row and count what would change, writing nothing')
    .option(
      '--json',
      'print the report as one JSON object: read, created, updated, unchanged, rejected, skipped, errors [{row, field, reason}]',
    )
    .addHelpText(
      'after',
      fieldsHelp(
        'Usage fields',
        USAGE_FIELDS,
        [
          'baton import usage ravenstack_feature_usage.csv --workspace acme --subscriptions ravenstack_subscriptions.csv --map usage_id=id --map usage_date=day --map subscription_id=subscription --map feature_name=feature --map usage_count=events --map usage_duration_secs=duration',
          'baton import usage daily_usage.csv --workspace acme --map Date=day --map Domain=account --map Event=feature --map Count=events --map User=user --dry-run --json',
        ],
        false,
      ),
    )
    .action(async (file: string, flags: Flags) => {
      existing('file', file);
      const subscriptions = existing('--subscriptions', flags.subscriptions);
      const accounts = existing('--accounts', flags.accounts);
      const result = await withContext(async (ctx) => {
        const ws = await getWorkspaceBySlug(ctx.db, flags.workspace);
        return withProgressBar(file, flags.json, (open, onProgress) =>
          importUsage(ctx.db, {
            workspaceId: ws.id,
            actor: { ...SYSTEM_ACTOR, label: `cli import ${path.basename(file)}` },
            input: { open },
            fileName: path.basename(file),
            mapping: mappingOption(flags.map),
            source: flags.source,
            subscriptions,
            accounts,
            dryRun: flags.dryRun,
            onProgress,
          }),
        );
      });
      print(file, result, flags.json);
    });
}

export function importSeatsCommand(): Command {
  return new Command('seats')
    .description(
      'Import licensed seats per account from a CSV (account by Baton id, CRM id, domain or name; seats). Re-running it changes nothing.',
    )
    .argument('<file>', 'the CSV file')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .option(
      '--map <column=field>',
      'map a column onto a field; repeat (without it the usual column names are read)',
      collect,
    )
    .option('--dry-run', 'check every row and count what would change, writing nothing')
    .option('--json', 'print the report as one JSON object')
    .addHelpText(
      'after',
      fieldsHelp(
        'Seat fields',
        SEATS_FIELDS,
        ['baton import seats ravenstack_accounts.csv --workspace acme --map account_id=account --map seats=seats'],
        false,
      ),
    )
    .action(async (file: string, flags: Flags) => {
      existing('file', file);
      const result = await withContext(async (ctx) => {
        const ws = await getWorkspaceBySlug(ctx.db, flags.workspace);
        return withProgressBar(file, flags.json, (open, onProgress) =>
          importSeats(ctx.db, {
            workspaceId: ws.id,
            actor: { ...SYSTEM_ACTOR, label: `cli import ${path.basename(file)}` },
            input: { open },
            fileName: path.basename(file),
            mapping: mappingOption(flags.map),
            dryRun: flags.dryRun,
            onProgress,
          }),
        );
      });
      print(file, result, flags.json);
    });
}
