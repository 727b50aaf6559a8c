import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { nextSeq } from '../../../test/helpers/fixtures/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-db.ts';
import { addLoginFailure, deleteLoginFailures, selectLoginFailures, setLockedUntil } from './login-throttle.store.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

/** A key of the test's own (failures are counted per email or address across the instance). */
const key = () => `email:person-${nextSeq()}@example.com`;
const at = (minute: number) => `2026-11-20T10:${String(minute).padStart(2, '0')}:00.000Z`;

describe('sign-in failure store (both databases)', () => {
  it('counts failures of a key in a row, starting again at one after a quiet spell', async () => {
    const k = key();
    expect(await addLoginFailure(t.db, k, at(0), at(0))).toBe(1);
    expect(await addLoginFailure(t.db, k, at(1), at(0))).toBe(2);
    expect(await addLoginFailure(t.db, k, at(2), at(1)), 'the last failure is not before the window').toBe(3);
    expect(await addLoginFailure(t.db, k, at(30), at(15)), 'the last failure is before the window').toBe(1);
    expect(await selectLoginFailures(t.db, [k])).toEqual([
      { key: k, failures: 1, last_failure_at: at(30), locked_until: null },
    ]);
  });

  it('counts failures arriving together without losing one', async () => {
    const k = key();
    const counts = await Promise.all(Array.from({ length: 10 }, () => addLoginFailure(t.db, k, at(5), at(0))));
    expect(counts.sort((a, b) => a - b)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10]);
  });

  it('locks and forgets one key, leaving the others', async () => {
    const [a, b] = [key(), key()];
    await addLoginFailure(t.db, a, at(0), at(0));
    await addLoginFailure(t.db, b, at(0), at(0));
    await setLockedUntil(t.db, a, at(15));
    const rows = await selectLoginFailures(t.db, [a, b, key()]);
    expect(new Map(rows.map((r) => [r.key, r.locked_until]))).toEqual(
      new Map([
        [a, at(15)],
        [b, null],
      ]),
    );
    await deleteLoginFailures(t.db, a);
    expect((await selectLoginFailures(t.db, [a, b])).map((r) => r.key)).toEqual([b]);
  });
});
