import { afterEach, describe, expect, it } from 'vitest';
import { countOf, unpack } from './packed-messages.ts';
import { type BodyRead, readBody } from './read-body.ts';
import { BodyReader } from './read-pool.service.ts';

const NOW = '2026-11-26T12:00:00.000Z';
const batch = (n: number) =>
  Buffer.from(
    JSON.stringify({
      writeKey: 'bk_x',
      batch: Array.from({ length: n }, (_, i) => ({
        type: 'track',
        messageId: `m${i}`,
        userId: `u${i % 3}`,
        event: 'Used',
        properties: { i },
        context: { groupId: 'acme.com' },
      })),
    }),
  );

let reader: BodyReader | undefined;
afterEach(async () => {
  await reader?.close();
  reader = undefined;
});

async function whenReady(r: BodyReader): Promise<void> {
  await r.read({ source: 'segment', body: batch(1), now: NOW }); // starts the worker
  const until = Date.now() + 20_000;
  while (r.readyThreads === 0) {
    if (Date.now() > until) throw new Error('the read worker did not start');
    await new Promise((resolve) => setTimeout(resolve, 20));
  }
}

describe('reading ingest bodies on a worker thread', () => {
  it('gives the same reading as the request thread, for good and bad bodies of both sources, its messages packed', async () => {
    reader = new BodyReader(1);
    await whenReady(reader);
    const jobs = [
      { source: 'segment' as const, body: batch(50), now: NOW },
      { source: 'segment' as const, body: Buffer.from('{"batch":[{"type":"track"}]}'), now: NOW },
      { source: 'segment' as const, body: Buffer.from('{not json'), now: NOW },
      {
        source: 'segment' as const,
        body: Buffer.from('{"userId":"u","event":"E","messageId":"1"}'),
        implied: 'track' as const,
        now: NOW,
      },
      {
        source: 'posthog' as const,
        body: Buffer.from(
          JSON.stringify({
            api_key: 'k',
            batch: [{ event: 'e', distinct_id: 'd', uuid: 'u1', properties: { $groups: { company: 'acme' } } }],
          }),
        ),
        now: NOW,
      },
    ];
    const read = await Promise.all(jobs.map((job) => (reader as BodyReader).read(job)));
    // Messages come back as one block, unpacked once where they are stored.
    const good = read.filter((r) => r.read.ok).map((r) => r.read.ok && r.read.messages);
    expect(good).toHaveLength(3);
    expect(good.every((m) => m && !Array.isArray(m))).toBe(true);
    const unpacked = (r: BodyRead) => (r.read.ok ? { ...r, read: { ok: true, messages: unpack(r.read.messages) } } : r);
    expect(read.map(unpacked)).toEqual(jobs.map((job) => readBody(job)));
    expect(read[0]?.read.ok && countOf(read[0].read.messages)).toBe(50);
    expect(read[2]?.json).toBe(false);
  });

  it('reads on the request thread when asked for no threads, and when its worker is gone', async () => {
    const inline = new BodyReader(0);
    expect((await inline.read({ source: 'segment', body: batch(3), now: NOW })).key).toBe('bk_x');
    expect(inline.readyThreads).toBe(0);

    reader = new BodyReader(1);
    await whenReady(reader);
    const pending = reader.read({ source: 'segment', body: batch(10), now: NOW });
    await reader.close(); // the worker goes while the job is out: it is read here instead
    const read = await pending;
    expect(read.read.ok && read.read.messages).toHaveLength(10);
  });
});
