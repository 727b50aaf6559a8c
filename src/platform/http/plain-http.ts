import net from 'node:net';
import type { Config } from '../config/config.ts';

/** Whether a listening address reaches this machine only: 127.0.0.0/8, ::1 (also IPv4-mapped) or `localhost`. */
export function isLoopbackHost(host: string): boolean {
  const h = host
    .trim()
    .toLowerCase()
    .replace(/^\[|\]$/g, '');
  if (h === 'localhost' || h.endsWith('.localhost')) return true;
  const v4 = h.startsWith('::ffff:') ? h.slice('::ffff:'.length) : h;
  if (net.isIPv4(v4)) return v4.startsWith('127.');
  return net.isIPv6(h) && (h === '::1' || /^0{0,4}(:0{0,4}){6}:0{0,3}1$/.test(h));
}

/**
 * The warning a server owes its operator when it listens beyond this machine over plain HTTP with no `https://`
 * public URL: passwords and session cookies would cross the network unencrypted. Undefined when there is none.
 */
export function plainHttpWarning(config: Pick<Config, 'host' | 'publicUrl'>): string | undefined {
  if (isLoopbackHost(config.host) || config.publicUrl?.startsWith('https://')) return undefined;
  return `Baton listens on ${config.host} over plain HTTP and BATON_PUBLIC_URL is not https://: passwords and session cookies cross the network unencrypted. Serve it through an HTTPS reverse proxy and set BATON_PUBLIC_URL=https://<its address> (Secure cookies and HSTS), or listen on 127.0.0.1 (HOST)`;
}
