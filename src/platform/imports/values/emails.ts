import { fail, ok, type Parsed } from './parsed.ts';

const EMAIL = /^[^\s@"(),:;<>[\\\]]+@(?:[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.)+[a-z][a-z0-9-]*[a-z0-9]$/i;

/** Reads an email address, lower-cased; blank gives null. */
export function parseEmail(raw: string): Parsed<string | null> {
  const text = raw.trim();
  if (text === '') return ok(null);
  const email = text.replace(/^mailto:/i, '').toLowerCase();
  return email.length <= 254 && EMAIL.test(email) ? ok(email) : fail(`"${text}" is not an email address`);
}
