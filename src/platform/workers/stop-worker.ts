import type { Worker } from 'node:worker_threads';

/**
 * Asks a worker to stop (the message `'stop'`: it closes what it holds, then its port) and waits until it has
 * exited, or for `graceMs` before terminating it. The worker is held referenced meanwhile: with nothing else
 * left, the process would otherwise end in the middle of its shutdown.
 */
export async function stopWorker(worker: Worker, graceMs: number): Promise<void> {
  if (worker.threadId === -1) return; // already exited
  worker.ref();
  const exited = new Promise((resolve) => worker.once('exit', resolve));
  worker.postMessage('stop');
  let timer: NodeJS.Timeout | undefined;
  await Promise.race([exited, new Promise((resolve) => (timer = setTimeout(resolve, graceMs)))]);
  clearTimeout(timer);
  await worker.terminate();
}
