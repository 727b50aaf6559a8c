import fs from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { importRecords } from '../../modules/accounts/account-import.service.ts';
import {
  ACCOUNT_FIELDS,
  CONTACT_FIELDS,
  RECORD_FORMATS,
  type RecordKind,
} from '../../modules/accounts/import/index.ts';
import { SYSTEM_ACTOR } from '../../platform/auth/principal.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { getWorkspaceBySlug } from '../../platform/identity/workspace.service.ts';
import { withContext } from '../context.ts';
import {
  aliasPairs,
  collect,
  fieldsHelp,
  flagOf,
  mappingOption,
  pairs,
  printReport,
  withProgressBar,
} from './import-options.ts';

interface RecordImportFlags {
  workspace: string;
  format?: string;
  map?: string[];
  column?: string[];
  alias?: string[];
  default?: string[];
  dateOrder?: 'mdy' | 'dmy';
  dryRun?: boolean;
  json?: boolean;
}

const HELP: Record<RecordKind, { what: string; fields: typeof ACCOUNT_FIELDS; alias: string; examples: string[] }> = {
  accounts: {
    what: 'accounts from a CSV: Salesforce Account or HubSpot company exports, Fivetran syncs, or any CSV with --map. Matched by CRM id, else domain, else exact name: re-running it changes nothing; a changed row updates its account.',
    fields: ACCOUNT_FIELDS,
    alias: 'segment:Mid-Market=mid_market',
    examples: [
      'baton import accounts Account.csv --workspace acme --default segment=mid_market',
      'baton import accounts hubspot-crm-exports-all-companies.csv --workspace acme --column segment=Tier --alias segment:Strategic=enterprise',
      'baton import accounts customers.csv --workspace acme --map "Customer=name" --map "Web=domain" --map "Tier=segment" --dry-run --json',
    ],
  },
  contacts: {
    what: "contacts from a CSV: Salesforce Contact or HubSpot contact exports, Fivetran syncs, or any CSV with --map. Each names its account by the account's CRM id or name (import accounts first). Matched by CRM id, else email, else name within the account.",
    fields: CONTACT_FIELDS,
    alias: 'role:Decision Maker=executive_sponsor',
    examples: [
      'baton import contacts Contact.csv --workspace acme',
      'baton import contacts hubspot-crm-exports-all-contacts.csv --workspace acme --alias "role:Decision Maker=executive_sponsor" --alias "role:End User=key_user"',
      'baton import contacts people.csv --workspace acme --map "Company=account" --map "Full name=name" --map "E-mail=email" --default role=key_user',
    ],
  },
};

function recordImportCommand(kind: RecordKind): Command {
  const help = HELP[kind];
  return new Command(kind)
    .description(`Import ${help.what}`)
    .argument('<file>', 'the CSV file')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .addOption(
      new Option('--format <format>', 'what wrote the file (detected from the header when left out)').choices([
        ...RECORD_FORMATS,
      ]),
    )
    .option(
      '--map <column=field>',
      `map a column onto a field (implies --format mapped); repeat, also to feed several fields from one column`,
      collect,
    )
    .option('--column <field=column>', "read a field from another column than the format's own; repeat", collect)
    .option('--alias <field:spelling=canonical>', `another spelling of a value, e.g. ${help.alias}; repeat`, collect)
    .option(
      '--default <field=value>',
      `the value new ${kind} take when their row names none, e.g. ${kind === 'accounts' ? 'segment=smb' : 'role=key_user'}; repeat`,
      collect,
    )
    .addOption(
      new Option('--date-order <order>', 'order of dates like 03/04/24 (inferred when the file proves it)').choices([
        'mdy',
        'dmy',
      ]),
    )
    .option('--dry-run', 'check every row and count what would change, writing nothing')
    .option(
      '--json',
      'print the report as one JSON object: read, created, updated, unchanged, rejected, skipped, errors [{row, field, reason}]',
    )
    .addHelpText(
      'after',
      fieldsHelp(kind === 'accounts' ? 'Account fields' : 'Contact fields', help.fields, help.examples),
    )
    .action(async (file: string, flags: RecordImportFlags) => {
      if (!fs.existsSync(file)) throw AppError.validation('file', `${file} does not exist`);
      const request = {
        format: flags.map?.length ? 'mapped' : flags.format,
        mapping: mappingOption(flags.map),
        columns: pairs('--column', flags.column),
        aliases: aliasPairs(flags.alias, help.alias),
        defaults: pairs('--default', flags.default),
        dateOrder: flags.dateOrder,
      };
      const result = await withContext(async (ctx) => {
        const ws = await getWorkspaceBySlug(ctx.db, flags.workspace);
        return withProgressBar(file, flags.json, (open, onProgress) =>
          importRecords(ctx.db, kind, {
            workspaceId: ws.id,
            actor: { ...SYSTEM_ACTOR, label: `cli import ${path.basename(file)}` },
            input: { open },
            fileName: path.basename(file),
            request,
            dryRun: flags.dryRun,
            name: flagOf,
            onProgress,
          }),
        );
      });
      printReport(file, result, flags.json);
    });
}

export const importAccountsCommand = (): Command => recordImportCommand('accounts');
export const importContactsCommand = (): Command => recordImportCommand('contacts');
