import { Worker } from 'node:worker_threads';

/** A worker thread running a TypeScript module (a `file:` URL), with data of its own. */
export function startTsWorker(moduleUrl: URL, data: Record<string, unknown> = {}): Worker {
  return new Worker(new URL('./ts-entry.js', import.meta.url), { workerData: { ...data, module: moduleUrl.href } });
}
