#!/usr/bin/env node
// Compiles src/ into dist/ (one JavaScript file per TypeScript file, same folders, imports of `./x.ts` become
// `./x.js`; packages stay imports of node_modules, except those in VENDORED, each bundled into one file under
// dist/_vendor/), and copies the files the code reads beside it (playbook YAML).
// The command line runs dist/ when it is current (bin/compiled.js), so it starts without compiling TypeScript.
// `npm install` (prepare) and `npm start` run it. Usage: build.js [--if-stale] [--quiet]
//   --if-stale  do nothing when dist/ is already current
// The new copy is written beside dist/ and swapped in whole: a command starting meanwhile runs either copy or
// the sources, never half of one.
import fs from 'node:fs';
import path from 'node:path';
import { build } from 'esbuild';
import { compiledIsCurrent, ROOT, STAMP_FILE } from '../bin/compiled.js';

/**
 * Packages only Baton's own code imports, made of hundreds of small modules: loading one file instead is most of
 * what a command's start-up saves (kysely alone is 260 files). A package that another dependency also imports
 * stays in node_modules: two copies of it in one process would not know each other's objects.
 */
const VENDORED = ['kysely', 'uuid'];

const args = new Set(process.argv.slice(2));
const say = args.has('--quiet') ? () => {} : (line) => console.log(line);
const SRC = path.join(ROOT, 'src');
const DIST = path.join(ROOT, 'dist');

if (args.has('--if-stale') && compiledIsCurrent()) process.exit(0);

const startedAt = Date.now();
const sources = [];
const assets = [];
for (const entry of fs.readdirSync(SRC, { recursive: true, withFileTypes: true })) {
  if (!entry.isFile()) continue;
  const full = path.join(entry.parentPath, entry.name);
  if (/\.test\.ts$/.test(entry.name) || entry.name.endsWith('.d.ts')) continue;
  if (entry.name.endsWith('.ts')) sources.push(full);
  else if (!entry.name.endsWith('.md')) assets.push(full);
}

const temp = `${DIST}.${process.pid}.tmp`;
fs.rmSync(temp, { recursive: true, force: true });
for (const name of VENDORED) {
  await build({
    stdin: { contents: `export * from '${name}';`, resolveDir: ROOT, loader: 'js' },
    outfile: path.join(temp, '_vendor', `${name}.js`),
    bundle: true,
    platform: 'node',
    format: 'esm',
    target: 'node20',
    logLevel: 'warning',
  });
}
await build({
  entryPoints: sources,
  outdir: temp,
  outbase: SRC,
  bundle: true, // only so that every import passes the plugin below: each file stays its own module
  packages: 'external',
  platform: 'node',
  format: 'esm',
  target: 'node20',
  logLevel: 'warning',
  plugins: [
    {
      name: 'one-file-per-module',
      setup(b) {
        b.onResolve({ filter: /^\.\.?\// }, (a) =>
          a.kind === 'entry-point' ? undefined : { path: a.path.replace(/\.ts$/, '.js'), external: true },
        );
        b.onResolve({ filter: new RegExp(`^(${VENDORED.join('|')})$`) }, (a) => {
          const fromDir = path.dirname(path.relative(SRC, a.importer));
          return {
            path: `./${path.relative(fromDir, path.join('_vendor', `${a.path}.js`))}`.replace(/^\.\/\.\.\//, '../'),
            external: true,
          };
        });
      },
    },
  ],
});
for (const file of assets) {
  const to = path.join(temp, path.relative(SRC, file));
  fs.mkdirSync(path.dirname(to), { recursive: true });
  fs.copyFileSync(file, to);
}
fs.writeFileSync(path.join(temp, STAMP_FILE), `${JSON.stringify({ startedAt })}\n`);

// Swap: the old copy out of the way, the new one in. A build running at the same time may win the race; its
// copy is as current as ours, so ours is dropped.
const old = `${DIST}.${process.pid}.old`;
try {
  fs.renameSync(DIST, old);
} catch (err) {
  if (err.code !== 'ENOENT') throw err;
}
try {
  fs.renameSync(temp, DIST);
} catch (err) {
  if (err.code !== 'ENOTEMPTY' && err.code !== 'EEXIST') throw err;
}
fs.rmSync(old, { recursive: true, force: true });
fs.rmSync(temp, { recursive: true, force: true });
say(`compiled ${sources.length} files into dist/ in ${Date.now() - startedAt} ms`);
