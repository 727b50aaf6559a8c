import { fail, ok, type Parsed } from './parsed.ts';

const HOST = /^(?=.{1,253}$)(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]{0,61}[a-z0-9]$/;

/**
 * Reads a company's web domain from a domain or a website address: `https://www.Acme.com/about` → `acme.com`.
 * Lower case, no scheme, path, port or leading `www.`; international names in their ASCII form. Blank gives null.
 */
export function parseDomain(raw: string): Parsed<string | null> {
  const text = raw.trim();
  if (text === '') return ok(null);
  let host: string;
  try {
    host = new URL(/^[a-z][a-z0-9+.-]*:\/\//i.test(text) ? text : `http://${text}`).hostname;
  } catch {
    return fail(`"${text}" is not a web domain or address`);
  }
  host = host.replace(/\.$/, '').replace(/^www\d?\./, '');
  return HOST.test(host) ? ok(host) : fail(`"${text}" is not a web domain or address`);
}
