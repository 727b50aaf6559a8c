/**
 * The size of each message of a usage batch as the client sent it, read off the raw JSON bytes in one pass
 * (pure). Checking each message against the 32 KB limit this way costs a scan of the body instead of
 * serializing every message again.
 */

const QUOTE = 0x22;
const BACKSLASH = 0x5c;
const OPEN_OBJECT = 0x7b;
const CLOSE_OBJECT = 0x7d;
const OPEN_ARRAY = 0x5b;
const CLOSE_ARRAY = 0x5d;
const BATCH = Buffer.from('batch');

const isSpace = (c: number) => c === 0x20 || c === 0x0a || c === 0x0d || c === 0x09;

/**
 * Byte sizes of the messages of a body: the elements of a top-level list, or of the `batch` list of a top-level
 * object (Segment `/v1/batch`, PostHog `/batch/`). Null when the body holds no such list (a single message, whose
 * size is the body's) or when the list cannot be found this simply (a key written with escapes, say): the caller
 * then measures each message itself. The body must already be known to be valid JSON.
 */
export function messageSizes(body: Buffer): number[] | null {
  return scanMessages(body, Number.POSITIVE_INFINITY).sizes;
}

/** After the list closed: no more sizes, only the depth is followed to the end of the body. */
const LIST_DONE = -2;

/**
 * The sizes of `messageSizes` and, in the same pass over the whole body, whether it nests objects and lists deeper
 * than `maxDepth` (then no sizes): a body large enough to be measured is not scanned a second time for its depth.
 */
export function scanMessages(body: Buffer, maxDepth: number): { sizes: number[] | null; tooDeep: boolean } {
  const n = body.length;
  let i = 0;
  while (i < n && isSpace(body[i] as number)) i++;
  const top = body[i];
  // The depth (containers open) at which the list's elements sit, once the list is found.
  let listDepth = top === OPEN_ARRAY ? 1 : -1;
  if (top !== OPEN_ARRAY && top !== OPEN_OBJECT) return { sizes: null, tooDeep: false };
  let found: number[] | null = null;
  const sizes: number[] = [];
  let depth = 0;
  let elementStart = -1;
  let keyStart = -1;
  let keyEnd = -1;
  for (; i < n; i++) {
    const c = body[i] as number;
    if (c === QUOTE) {
      const start = i;
      for (i++; i < n; i++) {
        const s = body[i] as number;
        if (s === BACKSLASH) i++;
        else if (s === QUOTE) break;
      }
      if (depth === listDepth && elementStart === -1) {
        // A string element of the list: a message too (refused later, but measured the same way).
        sizes.push(i - start + 1);
      } else if (depth === 1 && listDepth === -1) {
        keyStart = start + 1;
        keyEnd = i;
      }
      continue;
    }
    if (c === OPEN_OBJECT || c === OPEN_ARRAY) {
      if (depth === listDepth && elementStart === -1) elementStart = i;
      if (++depth > maxDepth) return { sizes: null, tooDeep: true };
      if (
        c === OPEN_ARRAY &&
        depth === 2 &&
        listDepth === -1 &&
        keyEnd - keyStart === BATCH.length &&
        body.compare(BATCH, 0, BATCH.length, keyStart, keyEnd) === 0
      ) {
        listDepth = 2;
      }
      continue;
    }
    if (c === CLOSE_OBJECT || c === CLOSE_ARRAY) {
      depth--;
      if (depth === listDepth && elementStart !== -1) {
        sizes.push(i - elementStart + 1);
        elementStart = -1;
      } else if (depth === listDepth - 1 && listDepth > 0) {
        found = sizes;
        listDepth = LIST_DONE;
      }
      continue;
    }
    if (depth === listDepth && elementStart === -1 && !isSpace(c) && c !== 0x2c) {
      // A number, true, false or null as an element: measured up to the next separator.
      const start = i;
      while (i + 1 < n && !isSpace(body[i + 1] as number) && body[i + 1] !== 0x2c && body[i + 1] !== CLOSE_ARRAY) i++;
      sizes.push(i - start + 1);
    }
  }
  return { sizes: found, tooDeep: false };
}
