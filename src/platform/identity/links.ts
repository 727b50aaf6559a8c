/**
 * The web addresses of invitation and set-password links. The token rides in the fragment (after `#`),
 * which browsers never send to a server, so it stays out of access logs and Referer headers.
 */
export const invitationUrl = (origin: string, token: string): string => `${trimOrigin(origin)}/invite#${token}`;
export const passwordUrl = (origin: string, token: string): string => `${trimOrigin(origin)}/set-password#${token}`;

const trimOrigin = (origin: string): string => origin.replace(/\/+$/, '');

/** How long a link works. */
export const LINK_TTL_DAYS = 7;
export const linkExpiry = (now: Date): string => new Date(now.getTime() + LINK_TTL_DAYS * 86_400_000).toISOString();
