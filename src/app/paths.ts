import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The folder Baton is installed in (where package.json is). */
export const ROOT_DIR = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');

/** Where `npm run build:web` puts the web app. */
export const WEB_DIST_DIR = path.join(ROOT_DIR, 'web', 'dist');
