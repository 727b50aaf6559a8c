import fs from 'node:fs';
import path from 'node:path';
import { Command } from 'commander';
import {
  importIntegrationStatus,
  INTEGRATION_STATUS_COLUMNS,
} from '../../modules/usage/integrations/integration-status.import.ts';
import { SYSTEM_ACTOR } from '../../platform/auth/principal.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { getWorkspaceBySlug } from '../../platform/identity/workspace.service.ts';
import { withContext } from '../context.ts';
import { EXIT_STATUS_HELP, exitForRejectedRows } from './import-options.ts';

/** `baton import integration-status <file> --workspace <slug>`: sync reports from a CSV, with a row-level report. */
export function importIntegrationStatusCommand(): Command {
  return new Command('integration-status')
    .description(
      `Import integration sync reports from a CSV with the columns ${INTEGRATION_STATUS_COLUMNS.join(', ')}. The account is a Baton id, a CRM id or a domain; status is ok or error. source and report_id are optional: a report imported again (the same source and report_id, or else the same source, account, integration and occurred_at) is unchanged. Reports of accounts Baton does not know yet are kept aside and counted once the account appears. Rejected rows store nothing.`,
    )
    .argument('<file>', 'the CSV file')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .option('--dry-run', 'check every row, writing nothing')
    .option('--json', 'print the report as one JSON object')
    .addHelpText(
      'after',
      `\nExample:\n  baton import integration-status syncs.csv --workspace acme\n${EXIT_STATUS_HELP}`,
    )
    .action(async (file: string, opts: { workspace: string; dryRun?: boolean; json?: boolean }) => {
      if (!fs.existsSync(file)) throw AppError.validation('file', `${file} does not exist`);
      const result = await withContext(async (ctx) => {
        const ws = await getWorkspaceBySlug(ctx.db, opts.workspace);
        return importIntegrationStatus(ctx.db, {
          workspaceId: ws.id,
          actor: { ...SYSTEM_ACTOR, label: `cli import ${path.basename(file)}` },
          csv: { open: () => fs.createReadStream(file) },
          fileName: path.basename(file),
          dryRun: opts.dryRun,
        });
      });
      exitForRejectedRows(result);
      if (opts.json) {
        console.log(JSON.stringify(result));
        return;
      }
      console.log(`${result.dryRun ? 'dry run: nothing written. ' : ''}${file}`);
      console.log(
        `  read ${result.read} · stored ${result.created} · unchanged ${result.unchanged} · rejected ${result.rejected} · run ${result.runId}`,
      );
      for (const note of result.notes) console.log(`  ${note}`);
      const shown = result.errors.slice(0, 50);
      for (const e of shown) console.log(`  row ${e.row}  ${e.field}: ${e.reason}`);
      if (result.errors.length > shown.length || result.errorsTruncated)
        console.log('  … and more: use --json for every error');
    });
}
