import { Worker } from 'node:worker_threads';

/** Running compiled (dist/, where this file is JavaScript) rather than from the TypeScript sources through tsx. */
const COMPILED = import.meta.url.endsWith('.js');

/**
 * A worker thread running a TypeScript module (a `file:` URL of its `.ts` source), with data of its own. Compiled,
 * the thread runs the module's `.js` beside this file; from source, through the command line's loader (`ts-entry.js`).
 */
export function startTsWorker(moduleUrl: URL, data: Record<string, unknown> = {}): Worker {
  if (COMPILED)
    return new Worker(new URL(moduleUrl.href.replace(/\.ts$/, '.js')), {
      workerData: { ...data, module: moduleUrl.href },
    });
  return new Worker(new URL('./ts-entry.js', import.meta.url), { workerData: { ...data, module: moduleUrl.href } });
}
