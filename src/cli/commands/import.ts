/**
 * `baton import <kind> <file>`: one command per import kind the modules declare, each built from its importer
 * (the options every import has, the common ones the kind reads, its own options and files) and run through
 * `importFile`, as the upload routes run it.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import { COMPOSITION } from '../../app/modules.ts';
import { SYSTEM_ACTOR } from '../../platform/auth/principal.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { getWorkspaceBySlug } from '../../platform/identity/workspace.service.ts';
import { importFile, takesOf } from '../../platform/imports/import-file.ts';
import type { CommonOption, Importer, ImportFile, ImportRequest } from '../../platform/imports/importer.ts';
import type { DateOrder } from '../../platform/imports/values/dates.ts';
import { withContext } from '../context.ts';
import {
  aliasPairs,
  collect,
  columnsHelp,
  fieldsHelp,
  flagOf,
  formatsHelp,
  kebab,
  mappingOption,
  pairs,
  printReport,
  withProgressBar,
} from './import-options.ts';

type Flags = Record<string, unknown> & {
  workspace: string;
  format?: string;
  map?: string[];
  column?: string[];
  alias?: string[];
  default?: string[];
  dateOrder?: DateOrder;
  decimal?: '.' | ',';
  currency?: string;
  dryRun?: boolean;
  json?: boolean;
};

const JSON_HELP =
  'print the report as one JSON object, as the upload route answers it: read, created, updated, unchanged, rejected, skipped, errors [{row, field, reason}], notes';

/** The command-line option of each common option a kind reads. */
function commonOption(option: CommonOption, importer: Importer): Option {
  const mapped = importer.formats.includes('mapped');
  const listed = (fields: readonly string[]) => (fields.length ? ` (${fields.join(', ')})` : '');
  switch (option) {
    case 'format':
      return new Option(
        '--format <format>',
        importer.detect ? 'what wrote the file (detected from the header when left out)' : 'what wrote the file',
      ).choices([...importer.formats]);
    case 'mapping':
      return new Option(
        '--map <column=field>',
        mapped
          ? 'map a column onto a field (implies --format mapped); repeat, also to feed several fields from one column'
          : 'map a column onto a field; repeat (without it the usual column names are read)',
      ).argParser(collect);
    case 'columns':
      return new Option(
        '--column <field=column>',
        "read a field from another column than the format's own; repeat",
      ).argParser(collect);
    case 'aliases':
      return new Option(
        '--alias <field:spelling=canonical>',
        `another spelling of a value${listed(importer.aliasFields)}, e.g. ${aliasExample(importer)}; repeat`,
      ).argParser(collect);
    case 'defaults':
      return new Option(
        '--default <field=value>',
        `the value new records take when their row names none${listed(importer.defaultFields)}; repeat`,
      ).argParser(collect);
    case 'dateOrder':
      return new Option(
        '--date-order <order>',
        'order of dates like 03/04/24 (inferred when the file proves it)',
      ).choices(['mdy', 'dmy']);
    case 'decimal':
      return new Option('--decimal <separator>', 'decimal separator of amounts').choices(['.', ',']);
    case 'currency':
      return new Option('--currency <code>', 'currency of rows that name none (ISO 4217)');
  }
}

const aliasExample = (importer: Importer) => `${importer.aliasFields[0] ?? 'field'}:Spelling=canonical`;

/** The file named on the command line, refused (exit 2) when it is not there. */
function existing(option: string, file: string): ImportFile {
  if (!fs.existsSync(file)) throw AppError.validation(option, `${file} does not exist`);
  return { name: path.basename(file), open: () => fs.createReadStream(file) };
}

/** A folder's files (not hidden, by name) for a kind that reads folders; undefined for a file; refused otherwise. */
function folderOf(importer: Importer, dir: string): ImportFile[] | undefined {
  if (!fs.statSync(dir).isDirectory()) return undefined;
  if (!importer.folders)
    throw AppError.validation('file', `${dir} is a folder: an import of ${importer.kind} reads one file`);
  return fs
    .readdirSync(dir, { withFileTypes: true })
    .filter((e) => e.isFile() && !e.name.startsWith('.'))
    .map((e) => e.name)
    .sort()
    .map((name) => ({ name, open: () => fs.createReadStream(path.join(dir, name)) }));
}

/** What the flags ask of the import, in the request every door hands the importer. */
function requestOf(importer: Importer, flags: Flags, more: Array<string | undefined>): ImportRequest {
  const takes = new Set(takesOf(importer));
  const options: Record<string, string> = Object.create(null);
  for (const o of importer.options ?? []) {
    const value = flags[o.name];
    if (typeof value === 'string') options[o.name] = value;
    else if (o.flag && value === true) options[o.name] = 'true';
  }
  const files: Record<string, ImportFile> = Object.create(null);
  (importer.files ?? []).forEach((f, i) => {
    const file = f.argument
      ? (more[i] ?? (flags[f.name] as string | undefined))
      : (flags[f.name] as string | undefined);
    if (file !== undefined) files[f.name] = existing(flagOf(f.name), file);
  });
  const format =
    flags.map?.length && takes.has('format') && importer.formats.includes('mapped') ? 'mapped' : flags.format;
  return {
    format,
    mapping: mappingOption(flags.map),
    columns: pairs('--column', flags.column),
    aliases: aliasPairs(flags.alias, aliasExample(importer)),
    defaults: pairs('--default', flags.default),
    dateOrder: flags.dateOrder,
    decimal: flags.decimal,
    currency: flags.currency,
    ...(Object.keys(options).length ? { options } : {}),
    ...(Object.keys(files).length ? { files } : {}),
  };
}

function kindCommand(importer: Importer): Command {
  const takes = takesOf(importer);
  const cmd = new Command(importer.kind)
    .description(importer.description ?? `Import ${importer.kind} from a CSV file`)
    .argument('<file>', importer.folders ? `the file to import, or ${importer.folders}` : 'the file to import');
  for (const alias of importer.aliases ?? []) cmd.alias(alias);
  const more = (importer.files ?? []).filter((f) => f.argument);
  for (const f of more) cmd.argument(`[${kebab(f.name)}]`, f.description);
  cmd.requiredOption('--workspace <slug>', 'workspace slug');
  for (const option of takes) cmd.addOption(commonOption(option, importer));
  for (const o of importer.options ?? []) {
    const option = new Option(`--${kebab(o.name)}${o.flag ? '' : ' <value>'}`, o.description);
    cmd.addOption(o.default ? option.default(o.default) : option);
  }
  for (const f of importer.files ?? []) cmd.option(`--${kebab(f.name)} <file>`, f.description);
  cmd
    .option('--dry-run', 'check every row and count what would change, writing nothing')
    .option('--json', JSON_HELP)
    .addHelpText('after', importer.formatHelp ? formatsHelp(importer.formatHelp) : '')
    .addHelpText(
      'after',
      takes.includes('mapping')
        ? fieldsHelp('Fields', importer.fields, importer.examples ?? [], takes.includes('columns'))
        : columnsHelp(importer.fields, importer.examples ?? []),
    )
    .action(async (file: string, ...rest: unknown[]) => {
      const flags = rest[more.length] as Flags;
      const main = existing('file', file);
      const folder = folderOf(importer, file);
      const request = requestOf(importer, flags, rest.slice(0, more.length) as Array<string | undefined>);
      const result = await withContext(async (ctx) => {
        const ws = await getWorkspaceBySlug(ctx.db, flags.workspace);
        return withProgressBar(file, flags.json, (open, onProgress) =>
          importFile(ctx.db, importer, {
            workspaceId: ws.id,
            actor: { ...SYSTEM_ACTOR, label: `cli import ${main.name}` },
            input: folder ? { open: () => '' } : { open },
            fileName: main.name,
            ...(folder ? { folder } : {}),
            request,
            dryRun: flags.dryRun,
            name: flagOf,
            onProgress,
          }),
        );
      });
      printReport(file, result, flags.json, importer.describe);
    });
  return cmd;
}

export function importCommand(): Command {
  const cmd = new Command('import').description(
    'Import records from files (CRM exports, warehouse syncs, any CSV with a mapping)',
  );
  for (const importer of COMPOSITION.importers.values()) cmd.addCommand(kindCommand(importer));
  return cmd;
}
