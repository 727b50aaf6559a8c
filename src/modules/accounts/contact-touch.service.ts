/**
 * Stakeholders as later modules find them (by email, Baton id or a CRM's id) and the one write they may ask of
 * them: a newer touch moves a contact's last touch forward, an older one never moves it back.
 */
import type { Db } from '../../platform/db/database.ts';
import { nowIso } from '../../platform/ids.ts';
import type { ContactRole } from './account.ts';
import * as store from './contact-touch.store.ts';

/** A stakeholder as a reference finds it: who, at which account, in which role. */
export interface ContactKey {
  id: string;
  accountId: string;
  email: string | null;
  name: string;
  role: ContactRole;
}

const toKey = (r: store.ContactKeyRow): ContactKey => ({
  id: r.id,
  accountId: r.account_id,
  email: r.email,
  name: r.name,
  role: r.role as ContactRole,
});

/** The workspace's contacts with each of these emails (lower-cased); an email may belong to several contacts. */
export async function contactsByEmails(
  db: Db,
  workspaceId: string,
  emails: Iterable<string>,
): Promise<Map<string, ContactKey[]>> {
  const wanted = [...new Set([...emails].map((e) => e.trim().toLowerCase()).filter(Boolean))];
  const out = new Map<string, ContactKey[]>();
  for (const row of await store.selectContactsByEmails(db, workspaceId, wanted)) {
    const key = (row.email ?? '').toLowerCase();
    out.set(key, [...(out.get(key) ?? []), toKey(row)]);
  }
  return out;
}

/** The workspace's contacts by Baton id; ids it does not have are left out. */
export async function contactsByIds(
  db: Db,
  workspaceId: string,
  ids: Iterable<string>,
): Promise<Map<string, ContactKey>> {
  const rows = await store.selectContactKeysByIds(db, workspaceId, [...new Set(ids)]);
  return new Map(rows.map((r) => [r.id, toKey(r)]));
}

/**
 * The contacts these ids name, as a CRM's activity export refers to people: a Baton id, else a CRM id an import
 * recorded (any source). An id that two contacts share is left out: never guessed.
 */
export async function contactsByReference(
  db: Db,
  workspaceId: string,
  refs: Iterable<string>,
): Promise<Map<string, ContactKey>> {
  const wanted = [...new Set(refs)].filter(Boolean);
  const out = await contactsByIds(db, workspaceId, wanted);
  const left = wanted.filter((r) => !out.has(r));
  if (left.length === 0) return out;
  const byExternal = new Map<string, Set<string>>();
  for (const l of await store.selectContactLinksOfAnySource(db, workspaceId, left))
    byExternal.set(l.external_id, (byExternal.get(l.external_id) ?? new Set()).add(l.contact_id));
  const single = [...byExternal].filter(([, ids]) => ids.size === 1).map(([ref, ids]) => [ref, [...ids][0] as string]);
  const found = await contactsByIds(
    db,
    workspaceId,
    single.map(([, id]) => id as string),
  );
  for (const [ref, id] of single) {
    const contact = found.get(id as string);
    if (contact) out.set(ref as string, contact);
  }
  return out;
}

/**
 * Moves each contact's last touch to the newest of these moments (never an older over a newer one, on either
 * side); answers how many contacts moved. Runs in the caller's transaction.
 */
export async function recordContactTouches(
  db: Db,
  workspaceId: string,
  touches: Iterable<{ contactId: string; at: string }>,
): Promise<number> {
  const newest = new Map<string, string>();
  for (const { contactId, at } of touches) {
    const seen = newest.get(contactId);
    if (!seen || seen < at) newest.set(contactId, at);
  }
  const now = nowIso();
  let moved = 0;
  for (const [contactId, at] of newest)
    if (await store.advanceContactTouch(db, workspaceId, contactId, at, now)) moved++;
  return moved;
}
