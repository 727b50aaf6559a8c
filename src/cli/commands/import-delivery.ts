import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import { importResources } from '../../modules/delivery/resources/resource-import.service.ts';
import { importTimeEntries } from '../../modules/delivery/time/time-import.service.ts';
import { SYSTEM_ACTOR } from '../../platform/auth/principal.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import type { ImportResult } from '../../platform/imports/import-run.ts';
import { getWorkspaceBySlug } from '../../platform/identity/workspace.service.ts';
import { withContext } from '../context.ts';
import { EXIT_STATUS_HELP, printReport, withProgressBar } from './import-options.ts';

interface Flags {
  workspace: string;
  dryRun?: boolean;
  json?: boolean;
}

const RESOURCE_HELP = `
Columns (header names are matched loosely: "Weekly capacity" reads as weekly_capacity_hours):
  name                   (required) the person's name
  role                   (required) a delivery role of the workspace (defaults plus Settings → delivery roles)
  email                  identifies the person on re-runs (else the exact name)
  weekly_capacity_hours  0–80; required for a new person
  working_days           1;2;3;4;5 or Mon-Fri (Monday–Friday when left out)
  skills                 separated by ;
  cost_rate, bill_rate   per hour
  partner                the partner firm's name; blank: own staff
  active                 true/false
  user                   the email of the workspace member this person signs in as

Examples:
  baton import resources people.csv --workspace acme --dry-run
  baton import resources people.csv --workspace acme --json
`;

const TIME_HELP = `
Columns:
  date         (required) YYYY-MM-DD
  person       (required) email or exact name
  project      (required) project id or name
  hours        (required) above 0, at most 24 a person a day
  task         task key or name, of that project
  billable     true/false (true when blank)
  rework       true/false
  note
  external_id  your own id for the row: re-running the file then changes nothing

Examples:
  baton import time timesheet-2026-11.csv --workspace acme --dry-run
`;

type Run = (
  ctx: { db: Parameters<typeof importResources>[0] },
  workspaceId: string,
  input: Parameters<typeof importResources>[1],
) => ReturnType<typeof importResources>;

function deliveryImportCommand(name: string, description: string, help: string, run: Run): Command {
  return new Command(name)
    .description(description)
    .argument('<file>', 'the CSV file')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .option('--dry-run', 'check every row and count what would change, writing nothing')
    .option(
      '--json',
      'print the report as one JSON object: read, created, updated, unchanged, rejected, skipped, errors [{row, field, reason}]',
    )
    .addHelpText('after', help + EXIT_STATUS_HELP)
    .action(async (file: string, flags: Flags) => {
      if (!fs.existsSync(file)) throw AppError.validation('file', `${file} does not exist`);
      const result = await withContext(async (ctx) => {
        const ws = await getWorkspaceBySlug(ctx.db, flags.workspace);
        return withProgressBar(file, flags.json, (open, onProgress) =>
          run(ctx, ws.id, {
            workspaceId: ws.id,
            actor: { ...SYSTEM_ACTOR, label: `cli import ${path.basename(file)}` },
            input: { open },
            fileName: path.basename(file),
            dryRun: flags.dryRun,
            onProgress,
          }),
        );
      });
      // The report has every field of an import result; its kind is a delivery kind the generic list does not name.
      printReport(file, result as unknown as ImportResult, flags.json);
    });
}

export const importResourcesCommand = (): Command =>
  deliveryImportCommand(
    'resources',
    'Import people who deliver and their capacity from a CSV. Matched by email, else exact name: re-running it changes nothing.',
    RESOURCE_HELP,
    (ctx, _ws, input) => importResources(ctx.db, input),
  );

export const importTimeCommand = (): Command =>
  deliveryImportCommand(
    'time',
    'Import time entries from a CSV; each row keeps the rules of time logged by hand, and rows with an external_id are imported once.',
    TIME_HELP,
    (ctx, ws, input) => importTimeEntries(ctx.db, { workspaceId: ws, partnerId: null }, input),
  );
