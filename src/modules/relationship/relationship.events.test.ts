import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildAccount, buildContact, buildWorkspace } from '../../../test/helpers/fixtures/index.ts';
import { createTestDatabase, type TestDatabase } from '../../../test/helpers/test-db.ts';
import { type DomainEvents, installSubscriptions } from '../../platform/events/domain-events.ts';
import { composition, installComposition } from '../../platform/modules/composition.ts';
import { applySurveyBatch } from './survey.service.ts';
import { applyTouchBatch } from './touch.service.ts';

let t: TestDatabase;
const heard: Array<{ name: string; event: DomainEvents[keyof DomainEvents]; inTransaction: boolean }> = [];

beforeAll(async () => {
  t = await createTestDatabase();
  // This file's own subscribers stand for health's: they hear what a later module would, on the publisher's db.
  installSubscriptions([
    {
      'relationship.touched': async (db, event) => {
        heard.push({ name: 'relationship.touched', event, inTransaction: db.isTransaction });
      },
      'relationship.survey-recorded': async (db, event) => {
        heard.push({ name: 'relationship.survey-recorded', event, inTransaction: db.isTransaction });
      },
    },
  ]);
});
afterAll(async () => {
  // Test files share a worker's modules: the composed modules' own subscribers are put back for the next file.
  installComposition(composition());
  await t.close();
});

const now = new Date('2026-03-15T12:00:00Z');

describe('relationship events', () => {
  it('announces new touches and answers with their workspace and accounts, in the writing transaction, once', async () => {
    const ws = (await buildWorkspace(t.db)).id;
    const a = await buildAccount(t.db, ws);
    const c = await buildContact(t.db, ws, a.id);
    heard.length = 0;
    const touch = {
      kind: 'call' as const,
      occurredAt: '2026-03-01T10:00:00.000Z',
      subject: null,
      direction: null,
      source: 'api',
      externalId: 'T-1',
      accountRef: null,
      accountName: null,
      contactRefs: [c.id],
      emails: [],
    };
    await t.db
      .transaction()
      .execute((trx) => applyTouchBatch(trx, { workspaceId: ws, now }, [{ row: 1, record: touch }]));
    await t.db.transaction().execute((trx) =>
      applySurveyBatch(trx, { workspaceId: ws, source: 'api', now }, [
        {
          row: 1,
          record: {
            accountRef: a.id,
            accountName: null,
            contactId: null,
            contactEmail: null,
            kind: 'nps',
            score: 8,
            comment: null,
            respondedAt: '2026-03-02T00:00:00.000Z',
            milestone: null,
            externalId: null,
          },
        },
      ]),
    );
    expect(heard).toEqual([
      { name: 'relationship.touched', event: { workspaceId: ws, accountIds: [a.id] }, inTransaction: true },
      { name: 'relationship.survey-recorded', event: { workspaceId: ws, accountIds: [a.id] }, inTransaction: true },
    ]);
    // The same touch again is no news.
    await t.db
      .transaction()
      .execute((trx) => applyTouchBatch(trx, { workspaceId: ws, now }, [{ row: 1, record: touch }]));
    expect(heard).toHaveLength(2);
  });
});
