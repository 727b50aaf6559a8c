import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildContact, buildWorkspace, FIXTURE_NOW } from '../../../test/helpers/fixtures/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-db.ts';
import {
  insertAccountLinks,
  insertContactLinks,
  selectAccountLinks,
  selectAccountLinksOfAnySource,
  selectAccountsByDomains,
  selectAccountsByIds,
  selectAccountsByNames,
  selectContactLinks,
  selectContactsByIds,
  selectContactsOfAccounts,
  selectLinksOfAccounts,
  selectLinksOfContacts,
} from './account-import.store.ts';

let t: TestDatabase;
beforeAll(async () => {
  t = await createTestDatabase();
});
afterAll(() => t.close());

const sorted = <T>(rows: T[], key: (r: T) => string) => [...rows].sort((a, b) => key(a).localeCompare(key(b)));

describe('account import store (both databases)', () => {
  it('finds account links by source and CRM id, by any source, and by account, within the workspace', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const other = (await buildWorkspace(t.db)).id;
    const a = await buildAccount(t.db, ws);
    const b = await buildAccount(t.db, ws);
    const theirs = await buildAccount(t.db, other);
    const link = (workspace_id: string, source: string, external_id: string, account_id: string) => ({
      workspace_id,
      source,
      external_id,
      account_id,
      created_at: FIXTURE_NOW,
    });
    await insertAccountLinks(t.db, [
      link(ws, 'salesforce', '001A', a.id),
      link(ws, 'hubspot', '001A', b.id),
      link(ws, 'salesforce', '001B', b.id),
      link(other, 'salesforce', '001A', theirs.id),
    ]);

    expect(await selectAccountLinks(t.db, ws, 'salesforce', ['001A', '001Z'])).toEqual([
      { external_id: '001A', account_id: a.id },
    ]);
    expect(sorted(await selectAccountLinksOfAnySource(t.db, ws, ['001A']), (r) => r.source)).toEqual([
      { source: 'hubspot', external_id: '001A', account_id: b.id },
      { source: 'salesforce', external_id: '001A', account_id: a.id },
    ]);
    expect(await selectLinksOfAccounts(t.db, ws, 'salesforce', [b.id, theirs.id])).toEqual([
      { external_id: '001B', account_id: b.id },
    ]);
    expect(await selectAccountLinks(t.db, ws, 'salesforce', [])).toEqual([]);
  });

  it('looks up more ids than one statement binds, and keeps rows of another workspace out', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const other = (await buildWorkspace(t.db)).id;
    const theirs = await buildAccount(t.db, other);
    const mine = await buildAccount(t.db, ws, { domain: 'northwind.example', name: 'Northwind' });
    const wanted = [...Array.from({ length: 1_100 }, (_, i) => `missing-${i}`), mine.id, theirs.id];
    expect(await selectAccountsByIds(t.db, ws, wanted)).toEqual([mine]);
    expect(await selectAccountsByDomains(t.db, ws, ['northwind.example', 'other.example'])).toEqual([mine]);
    expect(await selectAccountsByNames(t.db, ws, ['Northwind', 'northwind'])).toEqual([mine]);
    expect(await selectAccountsByNames(t.db, other, ['Northwind'])).toEqual([]);
  });

  it('finds contacts by link, id, and email or name within the given accounts only', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const acc = await buildAccount(t.db, ws);
    const elsewhere = await buildAccount(t.db, ws);
    const ana = await buildContact(t.db, ws, acc.id, { name: 'Ana', email: 'ana@example.com' });
    const sameEmail = await buildContact(t.db, ws, elsewhere.id, { name: 'Ana', email: 'ana@example.com' });
    const theirWs = (await buildWorkspace(t.db)).id;
    const theirs = await buildContact(t.db, theirWs, (await buildAccount(t.db, theirWs)).id);
    await insertContactLinks(t.db, [
      { workspace_id: ws, source: 'hubspot', external_id: 'C-1', contact_id: ana.id, created_at: FIXTURE_NOW },
    ]);

    expect(await selectContactLinks(t.db, ws, 'hubspot', ['C-1'])).toEqual([
      { external_id: 'C-1', contact_id: ana.id },
    ]);
    expect(await selectContactLinks(t.db, ws, 'salesforce', ['C-1'])).toEqual([]);
    expect(await selectLinksOfContacts(t.db, ws, 'hubspot', [ana.id, sameEmail.id])).toEqual([
      { external_id: 'C-1', contact_id: ana.id },
    ]);
    expect(await selectContactsByIds(t.db, ws, [ana.id, theirs.id])).toEqual([ana]);
    expect(await selectContactsOfAccounts(t.db, ws, [acc.id], 'email', ['ana@example.com'])).toEqual([ana]);
    expect(
      sorted(await selectContactsOfAccounts(t.db, ws, [acc.id, elsewhere.id], 'name', ['Ana']), (r) => r.account_id),
    ).toEqual(sorted([ana, sameEmail], (r) => r.account_id));
    expect(await selectContactsOfAccounts(t.db, ws, [acc.id], 'email', [])).toEqual([]);
  });
});
