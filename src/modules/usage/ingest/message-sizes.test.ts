import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { messageSizes, scanMessages } from './message-sizes.ts';

const bytes = (v: unknown) => Buffer.byteLength(JSON.stringify(v), 'utf8');
const message = fc.dictionary(fc.string(), fc.jsonValue({ maxDepth: 3 }), { maxKeys: 6 });

describe('message sizes read off the raw body', () => {
  it('gives each message of a batch its serialized size, whatever the other keys hold', () => {
    fc.assert(
      fc.property(
        fc.array(message, { maxLength: 12 }),
        fc.jsonValue({ maxDepth: 2 }),
        fc.boolean(),
        (batch, other, batchFirst) => {
          const body = batchFirst ? { batch, sentAt: other } : { context: other, 'batch ': [1], batch };
          expect(messageSizes(Buffer.from(JSON.stringify(body)))).toEqual(batch.map(bytes));
        },
      ),
    );
  });

  it('measures a top-level list, and messages as the client spaced them', () => {
    fc.assert(
      fc.property(fc.array(message, { maxLength: 8 }), (list) => {
        const spaced = JSON.stringify(list, null, 2);
        const expected = list.map((m) =>
          Buffer.byteLength(JSON.stringify(m, null, 2).replaceAll('\n', '\n  '), 'utf8'),
        );
        expect(messageSizes(Buffer.from(spaced))).toEqual(expected);
        expect(messageSizes(Buffer.from(JSON.stringify(list)))).toEqual(list.map(bytes));
      }),
    );
  });

  it('measures elements that are not objects, and strings holding brackets and escaped quotes', () => {
    const list = ['a]"}', 12.5, null, true, { k: 'x\\"]' }, [1, [2]]];
    expect(messageSizes(Buffer.from(JSON.stringify({ batch: list })))).toEqual(list.map(bytes));
  });

  it('finds no list in a single message, or behind a key written with escapes', () => {
    expect(messageSizes(Buffer.from(JSON.stringify({ type: 'track', properties: { batch: [{ a: 1 }] } })))).toBeNull();
    expect(messageSizes(Buffer.from('{"b\\u0061tch":[{"a":1}]}'))).toBeNull();
    expect(messageSizes(Buffer.from('"text"'))).toBeNull();
  });
});

describe('the depth of a body, in the same pass', () => {
  it('tells a body nested deeper than the limit wherever the nesting is, and measures one within it as before', () => {
    fc.assert(
      fc.property(
        fc.array(message, { maxLength: 6 }),
        fc.integer({ min: 1, max: 12 }),
        fc.constantFrom('inside', 'after', 'before'),
        (batch, levels, where) => {
          const deep = JSON.parse('['.repeat(levels) + ']'.repeat(levels));
          const body =
            where === 'inside'
              ? { batch: [...batch, { properties: deep }] }
              : where === 'after'
                ? { batch, sentAt: deep }
                : { context: deep, batch };
          const text = Buffer.from(JSON.stringify(body));
          const depthOf = (v: unknown): number =>
            typeof v === 'object' && v !== null ? 1 + Math.max(0, ...Object.values(v).map(depthOf)) : 0;
          const depth = depthOf(body);
          for (const max of [depth - 1, depth]) {
            const scan = scanMessages(text, max);
            expect(scan.tooDeep).toBe(depth > max);
            expect(scan.sizes).toEqual(depth > max ? null : messageSizes(text));
          }
        },
      ),
    );
  });
});
