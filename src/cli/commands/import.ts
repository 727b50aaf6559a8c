import fs from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { SYSTEM_ACTOR } from '../../platform/auth/principal.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { getWorkspaceBySlug } from '../../platform/identity/workspace.service.ts';
import { importDeals } from '../../modules/deals/deal-import.service.ts';
import {
  DEAL_FIELDS,
  IMPORT_FORMATS,
  type ImportFormat,
  type ImportOptions,
} from '../../modules/deals/import/index.ts';
import { withContext } from '../context.ts';
import {
  aliasPairs,
  collect,
  fieldsHelp,
  mappingOption,
  pairs,
  printReport,
  withProgressBar,
} from './import-options.ts';
import { importResourcesCommand, importTimeCommand } from './import-delivery.ts';
import { importPipelinesCommand } from './import-pipelines.ts';
import { importAccountsCommand, importContactsCommand } from './import-records.ts';
import { importSeatsCommand, importUsageCommand } from './import-usage.ts';
import { importIntegrationStatusCommand } from './import-integration-status.ts';

const DEAL_EXAMPLES = [
  'baton import deals hubspot-crm-exports-all-deals.csv --workspace acme',
  'baton import deals Opportunity.csv --workspace acme --format salesforce --date-order mdy --column product=Product__c',
  'baton import deals deals.csv --workspace acme --map "Deal ID=external_id" --map "Title=name" --map "Status=stage" --json',
];

interface ImportDealsOptions {
  workspace: string;
  format?: ImportFormat;
  map?: string[];
  column?: string[];
  alias?: string[];
  dateOrder?: 'mdy' | 'dmy';
  decimal?: '.' | ',';
  currency?: string;
  dryRun?: boolean;
  json?: boolean;
}

/** Deal alias tables list each canonical value with its spellings. */
function aliases(values: string[] | undefined): ImportOptions['aliases'] {
  const bySpelling = aliasPairs(values, 'product:Analytics Pro=Analytics');
  if (!bySpelling) return undefined;
  const out: Record<string, Record<string, string[]>> = {};
  for (const [field, table] of Object.entries(bySpelling)) {
    for (const [spelling, canonical] of Object.entries(table)) {
      const canonicals = (out[field] ??= {});
      canonicals[canonical] = [...(canonicals[canonical] ?? []), spelling];
    }
  }
  return out as ImportOptions['aliases'];
}

export function importCommand(): Command {
  const cmd = new Command('import').description(
    'Import records from files (CRM exports, warehouse syncs, any CSV with a mapping)',
  );
  cmd
    .command('deals')
    .description(
      'Import deals from a CSV: HubSpot or Salesforce exports, Fivetran syncs, or any CSV with --map. Re-running it changes nothing; a changed row updates its deal.',
    )
    .argument('<file>', 'the CSV file')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .addOption(
      new Option('--format <format>', 'what wrote the file (detected from the header when left out)').choices([
        ...IMPORT_FORMATS,
      ]),
    )
    .option(
      '--map <column=field>',
      'map a column onto a deal field (implies --format mapped); repeat, also to feed several fields from one column',
      collect,
    )
    .option('--column <field=column>', "read a deal field from another column than the format's own; repeat", collect)
    .option(
      '--alias <field:spelling=canonical>',
      'one canonical spelling for a picklist value, e.g. product:Analytics Pro=Analytics; repeat',
      collect,
    )
    .addOption(
      new Option('--date-order <order>', 'order of dates like 03/04/24 (inferred when the file proves it)').choices([
        'mdy',
        'dmy',
      ]),
    )
    .addOption(new Option('--decimal <separator>', 'decimal separator of amounts').choices(['.', ',']))
    .option('--currency <code>', 'currency of rows that name none (ISO 4217)')
    .option('--dry-run', 'check every row and count what would change, writing nothing')
    .option(
      '--json',
      'print the report as one JSON object: read, created, updated, unchanged, rejected, skipped, errors [{row, field, reason}]',
    )
    .addHelpText('after', fieldsHelp('Deal fields', DEAL_FIELDS, DEAL_EXAMPLES))
    .action(async (file: string, opts: ImportDealsOptions) => {
      if (!fs.existsSync(file)) throw AppError.validation('file', `${file} does not exist`);
      const options: ImportOptions = {
        mapping: mappingOption(opts.map),
        columns: pairs('--column', opts.column) as ImportOptions['columns'],
        aliases: aliases(opts.alias),
        dateOrder: opts.dateOrder,
        decimal: opts.decimal,
        defaultCurrency: opts.currency,
      };
      const result = await withProgressBar(file, opts.json, (open, onProgress) =>
        withContext(async (ctx) => {
          const ws = await getWorkspaceBySlug(ctx.db, opts.workspace);
          return importDeals(ctx.db, {
            workspaceId: ws.id,
            actor: { ...SYSTEM_ACTOR, label: `cli import ${path.basename(file)}` },
            open,
            fileName: path.basename(file),
            format: opts.map?.length ? 'mapped' : opts.format,
            options,
            dryRun: opts.dryRun,
            onProgress,
          });
        }),
      );
      printReport(file, { ...result, kind: 'deals' }, opts.json);
    });
  cmd.addCommand(importPipelinesCommand());
  cmd.addCommand(importAccountsCommand());
  cmd.addCommand(importContactsCommand());
  cmd.addCommand(importUsageCommand());
  cmd.addCommand(importSeatsCommand());
  cmd.addCommand(importIntegrationStatusCommand());
  cmd.addCommand(importResourcesCommand());
  cmd.addCommand(importTimeCommand());
  return cmd;
}
