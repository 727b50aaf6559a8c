import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { findBadText, MAX_JSON_DEPTH, nestsDeeperThan } from './json-input.ts';

/** The depth of a parsed value, measured the plain recursive way (for values the test makes, never deep). */
const depthOf = (v: unknown): number =>
  typeof v === 'object' && v !== null
    ? 1 + Math.max(0, ...Object.values(v as Record<string, unknown>).map(depthOf))
    : 0;

const deepText = (levels: number) => '{"a":'.repeat(levels) + '1' + '}'.repeat(levels);

describe('JSON nesting measured on the raw text', () => {
  it('tells a body nested deeper than the limit from one within it, as text and as UTF-8 bytes', () => {
    fc.assert(
      fc.property(fc.jsonValue({ maxDepth: 8 }), fc.integer({ min: 0, max: 8 }), (value, max) => {
        const text = JSON.stringify(value);
        const deeper = depthOf(value) > max;
        expect(nestsDeeperThan(text, max)).toBe(deeper);
        expect(nestsDeeperThan(Buffer.from(text, 'utf8'), max)).toBe(deeper);
      }),
    );
  });

  it('does not count brackets inside strings, escaped quotes included', () => {
    const text = JSON.stringify({ a: '[[[[{{{{"\\"[[[[', b: ['}}}]]]'] });
    expect(nestsDeeperThan(text, 2)).toBe(false);
    expect(nestsDeeperThan(text, 1)).toBe(true);
  });

  it('refuses 20,000 levels without running out of stack, and takes the limit itself', () => {
    expect(nestsDeeperThan('['.repeat(20_000) + ']'.repeat(20_000))).toBe(true);
    expect(nestsDeeperThan(deepText(20_000))).toBe(true);
    expect(nestsDeeperThan(deepText(MAX_JSON_DEPTH))).toBe(false);
    expect(nestsDeeperThan(deepText(MAX_JSON_DEPTH + 1))).toBe(true);
  });
});

describe('text no database keeps as given', () => {
  it('finds a NUL or a lone surrogate in any string or property name, naming its field', () => {
    expect(findBadText({ name: 'a\u0000b' }, 'body')).toEqual({
      field: 'body.name',
      message: expect.stringContaining('NUL'),
    });
    expect(findBadText({ contacts: [{ name: 'ok' }, { name: 'x\ud800' }] }, 'body')).toEqual({
      field: 'body.contacts.1.name',
      message: expect.stringContaining('surrogate'),
    });
    expect(findBadText({ ['k\u0000']: 1 }, 'body')?.field).toBe('body.k\\u0000');
    expect(findBadText({ q: ['a', 'b\u0000'] }, 'querystring')?.field).toBe('querystring.q.1');
    expect(findBadText('\udc00', 'body')?.field).toBe('body');
  });

  it('passes any well-formed value without NUL, the names of Object.prototype included', () => {
    const names = fc.constantFrom('constructor', '__proto__', 'toString', 'hasOwnProperty', 'valueOf');
    const text = fc.string({ unit: 'grapheme' }).filter((s) => !s.includes('\u0000'));
    const value = fc.letrec((tie) => ({
      node: fc.oneof(
        { depthSize: 'small' },
        text,
        fc.integer(),
        fc.constant(null),
        fc.array(tie('node'), { maxLength: 4 }),
        fc.dictionary(fc.oneof(names, text), tie('node'), { maxKeys: 4 }),
      ),
    })).node;
    fc.assert(
      fc.property(value, (v) => {
        expect(findBadText(v, 'body')).toBeNull();
      }),
    );
  });

  it('finds one bad string wherever it hides among good ones', () => {
    fc.assert(
      fc.property(
        fc.jsonValue({ maxDepth: 4 }),
        fc.constantFrom('\u0000', '\ud800', '\udfff'),
        fc.nat(),
        (value, bad, seed) => {
          // Put the bad string at a place chosen among the value's containers (or as the value itself).
          const containers: Array<Record<string, unknown> | unknown[]> = [];
          const walk = (v: unknown) => {
            if (typeof v === 'object' && v !== null) {
              containers.push(v as Record<string, unknown>);
              Object.values(v).forEach(walk);
            }
          };
          walk(value);
          const target = containers.length > 0 ? containers[seed % containers.length] : undefined;
          let whole: unknown = value;
          if (target === undefined) whole = `x${bad}`;
          else if (Array.isArray(target)) target.push(`x${bad}`);
          else target[`k${seed}`] = `x${bad}`;
          const found = findBadText(whole, 'body');
          expect(found).not.toBeNull();
        },
      ),
    );
  });
});
