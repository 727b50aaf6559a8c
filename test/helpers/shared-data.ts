import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** The public data sets beside the project (`../shared/data`); absent in a user's own clone. */
export const SHARED_DATA = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../../../shared/data');

export const hasSharedData = fs.existsSync(SHARED_DATA);

export const sharedFile = (...parts: string[]) => path.join(SHARED_DATA, ...parts);

if (!hasSharedData) console.warn(`${SHARED_DATA} is absent: tests on the shared public data sets are skipped`);
