import { describe, expect, it } from 'vitest';
import { readCrmEvents } from './crm.mapper.ts';

const upsert = (over: Record<string, unknown> = {}, deal: Record<string, unknown> = {}) => ({
  id: 'evt-1',
  type: 'deal.upsert',
  occurredAt: '2026-11-26T09:00:00Z',
  deal: {
    external_id: '006Dn000004ABC',
    name: 'Acme – Platform',
    stage: 'Closed Won',
    is_won: true,
    is_closed: true,
    amount: 120000,
    currency: 'usd',
    close_date: '2026-11-20',
    signed_date: '2026-11-19',
    product: ['Platform', 'Onboarding'],
    account: 'Acme Corp',
    ...deal,
  },
  ...over,
});

describe('generic CRM webhook bodies', () => {
  it('reads { events: [...] } with Baton’s deal fields, by the same rules as an import row', () => {
    const r = readCrmEvents('salesforce', {
      events: [
        upsert(),
        {
          id: 'evt-2',
          type: 'deal.delete',
          occurredAt: '2026-11-26T10:00:00+01:00',
          deal: { external_id: '006Dn000004XYZ' },
        },
      ],
    });
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.events[0]).toMatchObject({
      key: 'evt-1',
      type: 'deal.upsert',
      objectId: '006Dn000004ABC',
      property: null,
      occurredAt: '2026-11-26T09:00:00.000Z',
    });
    expect(r.events[0]?.command).toEqual({
      kind: 'upsert',
      record: {
        source: 'salesforce',
        externalId: '006Dn000004ABC',
        name: 'Acme – Platform',
        accountName: 'Acme Corp',
        accountExternalId: null,
        stage: 'Closed Won',
        stageCategory: 'won',
        pipeline: null,
        amount: 120000,
        currency: 'USD',
        closeDate: '2026-11-20',
        signedDate: '2026-11-19',
        createdDate: null,
        owner: null,
        products: ['Platform', 'Onboarding'],
        partner: null,
      },
    });
    expect(r.events[1]).toMatchObject({
      objectId: '006Dn000004XYZ',
      occurredAt: '2026-11-26T09:00:00.000Z',
      command: { kind: 'delete', externalId: '006Dn000004XYZ' },
    });
  });

  it('accepts a single event object on its own, naming its fields from body', () => {
    const r = readCrmEvents('pipedrive', upsert({ id: 42 }));
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.events).toHaveLength(1);
    expect(r.events[0]?.key).toBe('42');
    const bad = readCrmEvents('pipedrive', upsert({}, { amount: 'a lot' }));
    expect(bad.ok).toBe(false);
    if (!bad.ok) expect(bad.errors).toEqual([{ field: 'body.deal.amount', message: expect.stringContaining('a lot') }]);
  });

  it.each([
    [upsert({ type: 'deal.update' }), 'body.events.0.type'],
    [upsert({ occurredAt: 'yesterday' }), 'body.events.0.occurredAt'],
    [upsert({ id: '' }), 'body.events.0.id'],
    [upsert({}, { stage: '' }), 'body.events.0.deal.stage'],
    [upsert({}, { name: null }), 'body.events.0.deal.name'],
    [upsert({}, { close_date: '31/02/2026' }), 'body.events.0.deal.close_date'],
    [upsert({}, { currency: 'dollars' }), 'body.events.0.deal.currency'],
    [upsert({}, { amout: 5 }), 'body.events.0.deal.amout'],
    [upsert({}, { is_won: 'perhaps' }), 'body.events.0.deal.is_won'],
    [{ id: 'x', type: 'deal.delete', occurredAt: '2026-11-26T09:00:00Z', deal: {} }, 'body.events.0.deal.external_id'],
  ])('refuses a malformed event, naming %#: %s', (e, field) => {
    const r = readCrmEvents('salesforce', { events: [upsert({ id: 'ok' }), e].reverse() });
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((x) => x.field)).toContain(field);
  });

  it('refuses an empty list and a body that is not JSON object or list', () => {
    for (const body of [{ events: [] }, [upsert()], 7]) {
      const r = readCrmEvents('salesforce', body);
      expect(r.ok, JSON.stringify(body)).toBe(false);
    }
  });
});
