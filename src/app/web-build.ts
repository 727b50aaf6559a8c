import fs from 'node:fs';
import path from 'node:path';
import { ROOT_DIR, WEB_DIST_DIR } from './paths.ts';

export const webIsBuilt = (): boolean => fs.existsSync(path.join(WEB_DIST_DIR, 'index.html'));

/** Builds the web app with Vite (used by `npm start` on a fresh clone, and by the browser tests). */
export async function buildWeb(log: (line: string) => void = () => {}): Promise<void> {
  log('Building the web app (first start only)…');
  const { build } = await import('vite');
  await build({ configFile: path.join(ROOT_DIR, 'web', 'vite.config.ts'), logLevel: 'warn' });
  log('Web app built.');
}
