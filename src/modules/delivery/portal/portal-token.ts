/**
 * Customer portal links: a token is the link's id and an HMAC (truncated to 128 bits) of the workspace and
 * link made with the workspace's portal key, so a token cannot be forged or bent to another link. Expiry and
 * revocation live on the link's row. Pure.
 */
import { createHmac, timingSafeEqual } from 'node:crypto';

const signature = (key: string, workspaceId: string, linkId: string): string =>
  createHmac('sha256', Buffer.from(key, 'base64url'))
    .update(`portal:${workspaceId}:${linkId}`)
    .digest()
    .subarray(0, 16)
    .toString('base64url');

/** A link id (a UUID) written compactly, without its dashes. */
const compact = (uuid: string) => uuid.replace(/-/g, '');
const expand = (hex: string) =>
  `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;

export function signPortalToken(key: string, workspaceId: string, linkId: string): string {
  return `${compact(linkId)}.${signature(key, workspaceId, linkId)}`;
}

/** The link a token names, before its signature is checked; null when it is not a token at all. */
export function readPortalToken(token: string): { linkId: string; sig: string } | null {
  const m = /^([0-9a-f]{32})\.([A-Za-z0-9_-]{22})$/.exec(token);
  return m ? { linkId: expand(m[1]!), sig: m[2]! } : null;
}

export function signatureMatches(key: string, workspaceId: string, t: { linkId: string; sig: string }): boolean {
  const expected = Buffer.from(signature(key, workspaceId, t.linkId));
  const given = Buffer.from(t.sig);
  return expected.length === given.length && timingSafeEqual(expected, given);
}

export type LinkStatus = 'active' | 'expired' | 'revoked';

export function linkStatus(link: { expires_at: string; revoked_at: string | null }, nowIso: string): LinkStatus {
  if (link.revoked_at) return 'revoked';
  return link.expires_at <= nowIso ? 'expired' : 'active';
}
