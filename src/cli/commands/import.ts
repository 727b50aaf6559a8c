import fs from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { SingleBar } from 'cli-progress';
import { SYSTEM_ACTOR } from '../../platform/auth/principal.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { getWorkspaceBySlug } from '../../platform/identity/workspace.service.ts';
import { importDeals } from '../../modules/deals/deal-import.service.ts';
import { DEAL_FIELDS, IMPORT_FORMATS, type ImportFormat, type ImportOptions } from '../../modules/deals/import/index.ts';
import { withContext } from '../context.ts';
import { importPipelinesCommand } from './import-pipelines.ts';
import { importAccountsCommand, importContactsCommand } from './import-records.ts';

const collect = (value: string, previous: string[] = []) => [...previous, value];

/** `a=b` pairs from repeated options, naming the option when one is malformed. */
function pairs(option: string, values: string[] | undefined): Record<string, string> | undefined {
  if (!values?.length) return undefined;
  const out: Record<string, string> = {};
  for (const v of values) {
    const i = v.indexOf('=');
    if (i <= 0) throw AppError.validation(option, `"${v}" is not of the form left=right`);
    out[v.slice(0, i).trim()] = v.slice(i + 1).trim();
  }
  return out;
}

function fieldsHelp(): string {
  const width = Math.max(...DEAL_FIELDS.map((f) => f.name.length));
  return `\nDeal fields (targets of --map, and of --column to override a format's own column):\n${DEAL_FIELDS.map(
    (f) => `  ${f.name.padEnd(width)}  ${f.required ? '(required) ' : ''}${f.description}`,
  ).join('\n')}\n\nExamples:\n  baton import deals hubspot-crm-exports-all-deals.csv --workspace acme\n  baton import deals Opportunity.csv --workspace acme --format salesforce --date-order mdy --column product=Product__c\n  baton import deals deals.csv --workspace acme --map "Deal ID=external_id" --map "Title=name" --map "Status=stage" --json\n`;
}

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

function aliases(values: string[] | undefined): ImportOptions['aliases'] {
  const flat = pairs('--alias', values);
  if (!flat) return undefined;
  // Alias tables list each canonical value with its spellings.
  const out: Record<string, Record<string, string[]>> = {};
  for (const [left, canonical] of Object.entries(flat)) {
    const [field, spelling] = left.split(':', 2);
    if (!field || !spelling) throw AppError.validation('--alias', `"${left}" must be field:spelling, e.g. product:Analytics Pro=Analytics`);
    const table = (out[field] ??= {});
    table[canonical] = [...(table[canonical] ?? []), spelling];
  }
  return out as ImportOptions['aliases'];
}

export function importCommand(): Command {
  const cmd = new Command('import').description('Import records from files (CRM exports, warehouse syncs, any CSV with a mapping)');
  cmd
    .command('deals')
    .description('Import deals from a CSV: HubSpot or Salesforce exports, Fivetran syncs, or any CSV with --map. Re-running it changes nothing; a changed row updates its deal.')
    .argument('<file>', 'the CSV file')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .addOption(new Option('--format <format>', 'what wrote the file (detected from the header when left out)').choices([...IMPORT_FORMATS]))
    .option('--map <column=field>', 'map a column onto a deal field (implies --format mapped); repeat', collect)
    .option('--column <field=column>', "read a deal field from another column than the format's own; repeat", collect)
    .option('--alias <field:spelling=canonical>', 'one canonical spelling for a picklist value, e.g. product:Analytics Pro=Analytics; repeat', collect)
    .addOption(new Option('--date-order <order>', 'order of dates like 03/04/24 (inferred when the file proves it)').choices(['mdy', 'dmy']))
    .addOption(new Option('--decimal <separator>', 'decimal separator of amounts').choices(['.', ',']))
    .option('--currency <code>', 'currency of rows that name none (ISO 4217)')
    .option('--dry-run', 'check every row and count what would change, writing nothing')
    .option('--json', 'print the report as one JSON object: read, created, updated, unchanged, rejected, skipped, errors [{row, field, reason}]')
    .addHelpText('after', fieldsHelp())
    .action(async (file: string, opts: ImportDealsOptions) => {
      if (!fs.existsSync(file)) throw AppError.validation('file', `${file} does not exist`);
      const options: ImportOptions = {
        mapping: pairs('--map', opts.map),
        columns: pairs('--column', opts.column) as ImportOptions['columns'],
        aliases: aliases(opts.alias),
        dateOrder: opts.dateOrder,
        decimal: opts.decimal,
        defaultCurrency: opts.currency,
      };
      const size = fs.statSync(file).size;
      const showBar = !opts.json && process.stderr.isTTY;
      const bar = new SingleBar({ format: 'importing |{bar}| {percentage}% · {read} rows', stream: process.stderr, hideCursor: true });
      // Progress reads how far the last opened stream got; a 'data' listener would set it flowing before the
      // parser is attached, and lose the start of the file.
      let current: fs.ReadStream | null = null;
      const open = () => {
        current = fs.createReadStream(file);
        return current;
      };
      const result = await withContext(async (ctx) => {
        const ws = await getWorkspaceBySlug(ctx.db, opts.workspace);
        if (showBar) bar.start(size, 0, { read: 0 });
        try {
          return await importDeals(ctx.db, {
            workspaceId: ws.id,
            actor: { ...SYSTEM_ACTOR, label: `cli import ${path.basename(file)}` },
            open,
            fileName: path.basename(file),
            format: opts.map?.length ? 'mapped' : opts.format,
            options,
            dryRun: opts.dryRun,
            onProgress: (r) => showBar && bar.update(Math.min(current?.bytesRead ?? 0, size), { read: r.read }),
          });
        } finally {
          if (showBar) {
            bar.update(size);
            bar.stop();
          }
        }
      });
      const { runId: _runId, notes, ...report } = result;
      if (opts.json) {
        console.log(JSON.stringify({ ...report, notes }));
        return;
      }
      console.log(`${result.dryRun ? 'dry run: nothing written. ' : ''}${file} (${result.format})`);
      console.log(`  read ${result.read} · created ${result.created} · updated ${result.updated} · unchanged ${result.unchanged} · rejected ${result.rejected} · skipped ${result.skipped}`);
      for (const n of notes) console.log(`  note: ${n}`);
      const shown = result.errors.slice(0, 50);
      for (const e of shown) console.log(`  row ${e.row}  ${e.field}: ${e.reason}`);
      if (result.errors.length > shown.length || result.errorsTruncated) console.log(`  … and more: use --json for every error`);
    });
  cmd.addCommand(importPipelinesCommand());
  cmd.addCommand(importAccountsCommand());
  cmd.addCommand(importContactsCommand());
  return cmd;
}
