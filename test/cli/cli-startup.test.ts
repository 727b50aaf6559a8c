import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { Help } from 'commander';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { COMMANDS, commandToRun } from '../../src/cli/commands.ts';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

describe('the command table', () => {
  it('lists each command as the command itself describes it', async () => {
    const help = new Help();
    for (const entry of COMMANDS) {
      const cmd = await entry.load();
      expect({ name: cmd.name(), summary: cmd.description(), term: help.subcommandTerm(cmd) }).toEqual({
        name: entry.name,
        summary: entry.summary,
        term: entry.term,
      });
    }
  });

  it('loads the command named first, or the one `help` names, and none for the top-level help', () => {
    expect(commandToRun(['deals', 'list', '--workspace', 'acme'])?.name).toBe('deals');
    expect(commandToRun(['help', 'import'])?.name).toBe('import');
    expect(commandToRun(['--help'])).toBeUndefined();
    expect(commandToRun([])).toBeUndefined();
    expect(commandToRun(['no-such-command'])).toBeUndefined();
  });
});

/**
 * The compiled command line, in a copy of the installation (sources, bin, build script; node_modules linked) so
 * that building and editing there touches nobody else's dist/ or src/.
 */
describe('the compiled command line', () => {
  let root: string;
  let dataDir: string;
  const run = (args: string[], input?: string) =>
    spawnSync(process.execPath, [path.join(root, 'bin', 'baton.js'), ...args], {
      env: {
        PATH: process.env.PATH ?? '',
        HOME: process.env.HOME ?? '',
        BATON_LOG_LEVEL: 'warn',
        BATON_DATA_DIR: dataDir,
      },
      encoding: 'utf8',
      input,
      timeout: 60_000,
    });
  const build = () => {
    const r = spawnSync(process.execPath, [path.join(root, 'scripts', 'build.js'), '--quiet'], {
      encoding: 'utf8',
      timeout: 120_000,
    });
    expect(r.stderr).toBe('');
    expect(r.status).toBe(0);
  };

  beforeAll(() => {
    root = fs.mkdtempSync(path.join(os.tmpdir(), 'baton-compiled-'));
    dataDir = path.join(root, 'data');
    for (const part of ['src', 'bin', 'scripts', 'package.json'])
      fs.cpSync(path.join(ROOT, part), path.join(root, part), { recursive: true });
    fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(root, 'node_modules'));
    build();
  }, 180_000);
  afterAll(() => {
    if (root) fs.rmSync(root, { recursive: true, force: true });
  });

  it('answers --help as the sources do', () => {
    const compiled = run(['--help']);
    const source = spawnSync(
      process.execPath,
      [path.join(ROOT, 'bin', 'run-ts.js'), path.join(ROOT, 'src', 'cli', 'main.ts'), '--help'],
      { encoding: 'utf8' },
    );
    expect(compiled.status).toBe(0);
    expect(compiled.stdout).toBe(source.stdout);
  });

  it('runs commands against a database', () => {
    expect(run(['migrate']).stdout).toMatch(/applied:/);
    const created = run(['workspace', 'create', 'acme']);
    expect(created.stderr).toBe('');
    expect(created.stdout).toMatch(/created workspace acme/);
    expect(run(['workspace', 'list']).stdout).toMatch(/^acme\tacme/m);
    // The workspace got its built-in playbooks: the YAML files were copied beside the compiled code.
    expect(run(['playbook', 'list', '--workspace', 'acme']).stdout).toMatch(/smb-quick-start/);
  });

  it('imports no TypeScript: every relative import names a .js file', () => {
    const files = fs
      .readdirSync(path.join(root, 'dist'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.js'));
    expect(files.length).toBeGreaterThan(100);
    const tsImports = files.flatMap((f) =>
      (fs.readFileSync(path.join(root, 'dist', f), 'utf8').match(/(from|import\()\s*["'][^"']+\.ts["']/g) ?? []).map(
        (m) => `${f}: ${m}`,
      ),
    );
    expect(tsImports).toEqual([]);
  });

  it('starts worker threads from the compiled modules', () => {
    const workers = fs
      .readdirSync(path.join(root, 'src'), { recursive: true, encoding: 'utf8' })
      .filter((f) => f.endsWith('.ts') && !f.endsWith('.test.ts'))
      .flatMap((f) =>
        [...fs.readFileSync(path.join(root, 'src', f), 'utf8').matchAll(/startTsWorker\(new URL\('([^']+)'/g)].map(
          (m) => path.join(path.dirname(f), m[1] as string),
        ),
      );
    expect(workers.length).toBeGreaterThan(0);
    for (const w of workers) expect(fs.existsSync(path.join(root, 'dist', w.replace(/\.ts$/, '.js'))), w).toBe(true);
    const script = path.join(root, 'worker-check.mjs');
    fs.writeFileSync(
      script,
      `import { startTsWorker } from './dist/platform/workers/ts-worker.js';
const worker = startTsWorker(new URL('./dist/modules/usage/ingest/read.worker.ts', import.meta.url));
worker.on('error', (err) => { console.error(err); process.exit(1); });
worker.on('message', (m) => { if (m.ready) { console.log('ready'); void worker.terminate(); } });`,
    );
    const r = spawnSync(process.execPath, [script], { encoding: 'utf8', timeout: 30_000 });
    expect(r.stderr).toBe('');
    expect(r.stdout).toBe('ready\n');
  });

  it('runs the compiled copy while it is current, and the sources as soon as one of them is newer', () => {
    // What it edits and removes in the copy is put back, and the copy built again, whatever the outcome.
    const sourceTable = path.join(root, 'src', 'cli', 'commands.ts');
    const removed = path.join(root, 'src', 'modules', 'deals', 'deal.store.test.ts');
    const originals = new Map([sourceTable, removed].map((f) => [f, fs.readFileSync(f)]));
    try {
      // Mark the compiled copy: its listing shows while no source changed since the build …
      const compiledTable = path.join(root, 'dist', 'cli', 'commands.js');
      fs.writeFileSync(
        compiledTable,
        fs.readFileSync(compiledTable, 'utf8').replace('Deals from the CRM', 'Deals (compiled)'),
      );
      expect(run(['--help']).stdout).toContain('Deals (compiled)');
      // … and an edit of any source file wins at once, without a build.
      fs.writeFileSync(
        sourceTable,
        fs.readFileSync(sourceTable, 'utf8').replace('Deals from the CRM', 'Deals (edited source)'),
      );
      const edited = run(['--help']);
      expect(edited.stdout).toContain('Deals (edited source)');
      expect(edited.stdout).not.toContain('Deals (compiled)');
      // Removing a file counts too (its folder changed).
      build();
      expect(run(['--help']).stdout).toContain('Deals (edited source)');
      fs.writeFileSync(
        compiledTable,
        fs.readFileSync(compiledTable, 'utf8').replace('Deals (edited source)', 'Deals (compiled again)'),
      );
      expect(run(['--help']).stdout).toContain('Deals (compiled again)');
      fs.rmSync(removed);
      expect(run(['--help']).stdout).toContain('Deals (edited source)');
    } finally {
      for (const [f, text] of originals) fs.writeFileSync(f, text);
      build();
    }
  });
});
