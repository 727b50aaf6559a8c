// Whether the compiled copy of Baton (dist/, built from src/ by scripts/build.js) may run: it exists and was built
// after the last change under src/. A change is any file or folder whose modification time is newer than the
// build's start (editing, adding, deleting or renaming a file touches its folder too), so a compiled copy older
// than its sources never runs; the command line then runs the TypeScript sources instead.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

export const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
export const SRC_DIR = path.join(ROOT, 'src');
export const DIST_DIR = path.join(ROOT, 'dist');
/** Written last by a build: `{ "startedAt": <ms> }`, the moment the build began reading src/. */
export const STAMP_FILE = '.build.json';

/** The build's start time, or undefined without a complete build. */
export function builtAt(distDir = DIST_DIR) {
  try {
    const stamp = JSON.parse(fs.readFileSync(path.join(distDir, STAMP_FILE), 'utf8'));
    return typeof stamp.startedAt === 'number' ? stamp.startedAt : undefined;
  } catch {
    return undefined;
  }
}

/** True when some file or folder under `dir` (itself included) changed at or after `since` (ms). */
export function changedSince(dir, since) {
  if (fs.statSync(dir).mtimeMs >= since) return true;
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (changedSince(full, since)) return true;
    } else if (fs.statSync(full).mtimeMs >= since) return true;
  }
  return false;
}

/** The compiled copy exists and nothing under src/ (nor the build script) changed since it was built. */
export function compiledIsCurrent(root = ROOT) {
  const since = builtAt(path.join(root, 'dist'));
  if (since === undefined) return false;
  try {
    return (
      !changedSince(path.join(root, 'src'), since) &&
      fs.statSync(path.join(root, 'scripts', 'build.js')).mtimeMs < since
    );
  } catch {
    return false;
  }
}
