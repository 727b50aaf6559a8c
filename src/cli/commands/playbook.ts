import fs from 'node:fs';
import path from 'node:path';
import { Command, Option } from 'commander';
import {
  exportPlaybookText,
  getPlaybookByKey,
  importPlaybookText,
  listPlaybooks,
} from '../../modules/delivery/index.ts';
import { SYSTEM_ACTOR } from '../../platform/auth/principal.ts';
import { AppError } from '../../platform/errors/app-error.ts';
import { getWorkspaceBySlug } from '../../platform/identity/workspace.service.ts';
import { withContext } from '../context.ts';

const CLI_ACTOR = { ...SYSTEM_ACTOR, label: 'cli' };

const EXAMPLES = `
Examples:
  $ baton playbook list --workspace acme
  $ baton playbook export mid-market-standard --workspace acme --out mid-market.yaml
  $ baton playbook export smb-quick-start --workspace acme --format json --version 1
  $ baton playbook import mid-market.yaml --workspace acme
  $ cat playbook.json | baton playbook import - --workspace acme

An import creates the playbook named by the file's key, or saves a new version of it when its definition
changed; importing the same file again changes nothing.`;

async function readStdin(): Promise<string> {
  const chunks: Buffer[] = [];
  for await (const chunk of process.stdin) chunks.push(chunk as Buffer);
  return Buffer.concat(chunks).toString('utf8');
}

/** Prints each field's problem, so the file can be fixed in one go, and exits with the validation status. */
async function reportingProblems<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    if (!(err instanceof AppError) || err.fieldErrors.length === 0) throw err;
    console.error(
      `baton: the playbook was not saved (${err.fieldErrors.length} problem${err.fieldErrors.length === 1 ? '' : 's'}):`,
    );
    for (const f of err.fieldErrors) console.error(`  ${f.field.replace(/^body\.?/, '') || 'file'}: ${f.message}`);
    process.exit(err.code === 'validation' ? 2 : 1);
  }
}

export function playbookCommand(): Command {
  const cmd = new Command('playbook')
    .description('Delivery playbooks: list them, export one to a YAML or JSON file, import a file')
    .addHelpText('after', EXAMPLES);
  cmd
    .command('list')
    .description('List playbooks with their version, tasks, effort, products and segments')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .option('--json', 'print JSON')
    .action(async (opts: { workspace: string; json?: boolean }) => {
      const items = await withContext(async (ctx) =>
        listPlaybooks(ctx.db, (await getWorkspaceBySlug(ctx.db, opts.workspace)).id),
      );
      if (opts.json) {
        console.log(JSON.stringify({ items }, null, 2));
        return;
      }
      for (const p of items) {
        const rules = `products: ${p.products.join(', ') || 'any'}; segments: ${p.segments.join(', ') || 'any'}`;
        console.log(
          [
            p.key,
            p.name,
            `v${p.version}`,
            `${p.taskCount} tasks`,
            `${p.totalEffortHours} h`,
            `~${p.typicalDurationDays} working days`,
            rules,
            p.archived ? 'archived' : '',
          ]
            .join('\t')
            .trimEnd(),
        );
      }
    });
  cmd
    .command('export <key>')
    .description('Write a playbook (its current version, or --version) as YAML or JSON, to standard output or --out')
    .requiredOption('--workspace <slug>', 'workspace slug')
    .addOption(new Option('--format <format>', 'file format').choices(['yaml', 'json']).default('yaml'))
    .option('--version <n>', 'an earlier version', (v) => Number.parseInt(v, 10))
    .option('--out <file>', 'write to this file instead of standard output')
    .action(
      async (key: string, opts: { workspace: string; format: 'yaml' | 'json'; version?: number; out?: string }) => {
        const file = await withContext(async (ctx) => {
          const ws = await getWorkspaceBySlug(ctx.db, opts.workspace);
          const playbook = await getPlaybookByKey(ctx.db, ws.id, key);
          return exportPlaybookText(ctx.db, ws.id, playbook.id, opts.format, opts.version);
        });
        if (!opts.out) {
          process.stdout.write(file.text);
          return;
        }
        fs.writeFileSync(opts.out, file.text);
        console.error(`wrote ${key} to ${opts.out}`);
      },
    );
  cmd
    .command('import <file>')
    .description(
      'Import a YAML or JSON playbook file (- for standard input): creates it, or saves a new version when it changed',
    )
    .requiredOption('--workspace <slug>', 'workspace slug')
    .option('--note <text>', 'what changed, kept with the new version')
    .action(async (file: string, opts: { workspace: string; note?: string }) => {
      const text = file === '-' ? await readStdin() : fs.readFileSync(file, 'utf8');
      const ext = path.extname(file).toLowerCase();
      const type =
        ext === '.json' ? 'application/json' : ext === '.yaml' || ext === '.yml' ? 'application/yaml' : undefined;
      const result = await reportingProblems(() =>
        withContext(async (ctx) => {
          const ws = await getWorkspaceBySlug(ctx.db, opts.workspace);
          return ctx.db
            .transaction()
            .execute((trx) => importPlaybookText(trx, CLI_ACTOR, ws.id, text, type, opts.note ?? null));
        }),
      );
      const p = result.playbook;
      const words = {
        created: 'created',
        versioned: `saved version ${p.version} of`,
        updated: 'updated the name or selection rules of',
        unchanged: 'no change to',
      }[result.outcome];
      console.log(`${words} ${p.key} (${p.name}, v${p.version}, ${p.taskCount} tasks)`);
    });
  return cmd;
}
