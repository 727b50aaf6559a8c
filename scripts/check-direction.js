#!/usr/bin/env node
// The modules' one direction, checked on every import of src/ (run by `npm run lint` and a test):
// - the platform imports no module, no composition root, no command line, no demo;
// - a module imports another only if that one comes earlier in the journey (JOURNEY in
//   src/platform/modules/baton-module.ts), and only through its index.ts;
// - the command line and the demo reach a module only through its index.ts or module.ts.
// Tests (*.test.ts) may reach inside a module: they check its parts.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const src = path.join(root, 'src');
const journeyText = fs.readFileSync(path.join(src, 'platform/modules/baton-module.ts'), 'utf8');
const journey = [...journeyText.match(/JOURNEY = \[([^\]]*)\]/)[1].matchAll(/'([a-z-]+)'/g)].map((m) => m[1]);

const files = [];
(function walk(dir) {
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) walk(full);
    else if (entry.name.endsWith('.ts') && !entry.name.endsWith('.test.ts')) files.push(full);
  }
})(src);

const SPECIFIER =
  /(?:^|[\s;])(?:import|export)\s(type\s)?(?:[^'"]*?\sfrom\s)?['"]([^'"]+)['"]|import\(\s*['"]([^'"]+)['"]\s*\)/g;
/** A file that does I/O says so by its role; one without a role is pure (types and rules). */
const ROLE = /\.(service|store|job|routes|handler|importer|worker|refs|names|settings|schemas|events)\.ts$/;
/** Where a source file sits: its area (platform, app, cli, demo, module) and module name. */
function placeOf(file) {
  const [area, name] = path.relative(src, file).split(path.sep);
  return area === 'modules' ? { area, name } : { area };
}

const problems = [];
for (const file of files) {
  const text = fs.readFileSync(file, 'utf8').replace(/declare module '[^']*'/g, '');
  const from = placeOf(file);
  for (const m of text.matchAll(SPECIFIER)) {
    const typeOnly = Boolean(m[1]);
    const spec = m[2] ?? m[3];
    if (!spec.startsWith('.')) continue;
    const target = path.resolve(path.dirname(file), spec);
    if (!target.startsWith(src + path.sep)) continue;
    const to = placeOf(target);
    const rel = path.relative(src, target).split(path.sep).join('/');
    const where = `${path.relative(root, file)} → ${rel}`;
    // Types of a pure file may be named directly: they carry no behaviour, and the web app reads them too, without
    // the services an index.ts brings along.
    const pureTypes = typeOnly && !ROLE.test(rel) && !rel.endsWith('/module.ts');
    const face = to.area === 'modules' && (rel === `modules/${to.name}/index.ts` || pureTypes);
    if (from.area === 'platform' && to.area !== 'platform')
      problems.push(`${where}: the platform imports no ${to.area}`);
    if (from.area === 'modules' && ['app', 'cli', 'demo'].includes(to.area)) {
      // A worker thread is an entry point of its own: it composes the modules as its process did.
      if (!(file.endsWith('.worker.ts') && rel === 'app/modules.ts'))
        problems.push(`${where}: a module imports no ${to.area}`);
    }
    if (from.area === 'modules' && to.area === 'modules' && from.name !== to.name) {
      const a = journey.indexOf(from.name);
      const b = journey.indexOf(to.name);
      if (b < 0 || a < 0 || b > a) problems.push(`${where}: ${from.name} comes before ${to.name} in the journey`);
      else if (!face) problems.push(`${where}: past ${to.name}'s index.ts`);
    }
    if ((from.area === 'cli' || from.area === 'demo') && to.area === 'modules') {
      if (!face && rel !== `modules/${to.name}/module.ts`) problems.push(`${where}: past ${to.name}'s index.ts`);
    }
  }
}

// Imports still waiting to be turned around, each listed as the check prints it: the list only shrinks (one that
// is fixed and still listed is reported, to be removed).
const exceptionsFile = path.join(root, 'scripts/direction-exceptions.txt');
const exceptions = fs.existsSync(exceptionsFile)
  ? fs
      .readFileSync(exceptionsFile, 'utf8')
      .split('\n')
      .map((line) => line.trim())
      .filter((line) => line && !line.startsWith('#'))
  : [];
const stale = exceptions.filter((e) => !problems.includes(e));
problems.splice(0, problems.length, ...problems.filter((p) => !exceptions.includes(p)));
if (stale.length > 0) {
  console.warn(
    `scripts/direction-exceptions.txt lists imports that are now in order; remove:\n  ${stale.join('\n  ')}`,
  );
}
if (problems.length > 0) {
  console.error(`${problems.length} import(s) against the modules' direction:\n  ${problems.join('\n  ')}`);
  process.exit(1);
}
console.log(
  `direction: ${files.length} files, every import in the journey's direction` +
    (exceptions.length ? ` but ${exceptions.length} listed in scripts/direction-exceptions.txt` : ''),
);
