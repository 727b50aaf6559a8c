// A worker thread reading ingest bodies (read-pool.ts): one job in, its reading out, in order.
import { parentPort } from 'node:worker_threads';
import { pack, transferablesOf } from './packed-messages.ts';
import { type BodyJob, readBody } from './read-body.ts';
import type { UsageMessage } from './usage-event.ts';

const port = parentPort;
if (!port) throw new Error('read.worker.ts runs as a worker thread');
port.on('message', (message: { id: number; job: BodyJob }) => {
  try {
    const body = readBody(message.job);
    if (!body.read.ok) return port.postMessage({ id: message.id, read: body });
    // The messages cross packed, their blocks handed over without a copy (packed-messages.ts).
    const packed = pack(body.read.messages as UsageMessage[]);
    port.postMessage(
      { id: message.id, read: { ...body, read: { ok: true, messages: packed } } },
      transferablesOf(packed),
    );
  } catch (error) {
    port.postMessage({ id: message.id, error: String((error as Error).message ?? error) });
  }
});
port.postMessage({ ready: true });
