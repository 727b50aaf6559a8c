// A worker thread reading ingest bodies (read-pool.ts): one job in, its reading out, in order.
import { parentPort } from 'node:worker_threads';
import { type BodyJob, readBody } from './read-body.ts';

const port = parentPort;
if (!port) throw new Error('read.worker.ts runs as a worker thread');
port.on('message', (message: { id: number; job: BodyJob }) => {
  let result;
  try {
    result = { id: message.id, read: readBody(message.job) };
  } catch (error) {
    result = { id: message.id, error: String((error as Error).message ?? error) };
  }
  port.postMessage(result);
});
port.postMessage({ ready: true });
