import { randomBytes, randomUUID } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { linkStatus, readPortalToken, signatureMatches, signPortalToken } from './portal-token.ts';

const key = randomBytes(32).toString('base64url');
const other = randomBytes(32).toString('base64url');
const ws = randomUUID();
const link = randomUUID();

describe('portal tokens', () => {
  it('round-trip to the link they were made for, signed for its workspace', () => {
    const token = signPortalToken(key, ws, link);
    expect(token.length).toBeLessThan(100);
    const read = readPortalToken(token)!;
    expect(read.linkId).toBe(link);
    expect(signatureMatches(key, ws, read)).toBe(true);
  });

  it('fail when the link, the workspace, the signature or the key differs', () => {
    const token = signPortalToken(key, ws, link);
    const read = readPortalToken(token)!;
    expect(signatureMatches(key, ws, { ...read, linkId: randomUUID() })).toBe(false);
    expect(signatureMatches(key, randomUUID(), read)).toBe(false);
    const flipped = { ...read, sig: `${read.sig.slice(0, -1)}${read.sig.endsWith('A') ? 'B' : 'A'}` };
    expect(signatureMatches(key, ws, flipped)).toBe(false);
    expect(signatureMatches(other, ws, read)).toBe(false);
  });

  it('refuse what is not a token', () => {
    for (const bad of ['', 'a.b', `${link}.x`, 'a.b.c', '../../etc/passwd', `${'0'.repeat(32)}.${'A'.repeat(23)}`])
      expect(readPortalToken(bad)).toBeNull();
  });

  it('say whether a link is active, expired or revoked', () => {
    expect(linkStatus({ expires_at: '2026-12-01T00:00:00.000Z', revoked_at: null }, '2026-11-26T00:00:00.000Z')).toBe(
      'active',
    );
    expect(linkStatus({ expires_at: '2026-11-01T00:00:00.000Z', revoked_at: null }, '2026-11-26T00:00:00.000Z')).toBe(
      'expired',
    );
    expect(
      linkStatus(
        { expires_at: '2026-12-01T00:00:00.000Z', revoked_at: '2026-11-20T00:00:00.000Z' },
        '2026-11-26T00:00:00.000Z',
      ),
    ).toBe('revoked');
  });
});
