import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { HUBSPOT_PROPERTIES, hubspotEventKey, readHubspotEvents } from './hubspot.mapper.ts';

const recorded: unknown = JSON.parse(
  fs.readFileSync(new URL('./fixtures/hubspot-deal-events.json', import.meta.url), 'utf8'),
);

const event = (over: Record<string, unknown> = {}) => ({
  eventId: 100,
  subscriptionId: 7,
  portalId: 33,
  occurredAt: 1764147600000,
  subscriptionType: 'deal.propertyChange',
  objectId: 555,
  propertyName: 'dealstage',
  propertyValue: 'closedwon',
  ...over,
});

describe('HubSpot webhook payloads', () => {
  it('reads a recorded delivery into deal commands, ignoring other objects with a reason', () => {
    const r = readHubspotEvents(recorded);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.events.map((e) => e.command)).toEqual([
      { kind: 'create', externalId: '1246965' },
      {
        kind: 'patch',
        externalId: '1246965',
        property: 'dealname',
        patch: { name: 'Northwind Freight – Platform renewal' },
      },
      { kind: 'patch', externalId: '1246965', property: 'amount', patch: { amount: 48000 } },
      {
        kind: 'patch',
        externalId: '1246965',
        property: 'dealstage',
        patch: { stage: 'appointmentscheduled', stageCategory: null },
      },
      { kind: 'patch', externalId: '1246965', property: 'closedate', patch: { closeDate: '2025-12-31' } },
      { kind: 'ignore', reason: 'contact.propertyChange is not a deal event' },
    ]);
    expect(r.events[0]).toMatchObject({
      key: '3816279340:25:1246965:1764147600000',
      type: 'deal.creation',
      objectId: '1246965',
      property: null,
      occurredAt: '2025-11-26T09:00:00.000Z',
    });
  });

  it.each([
    ['dealname', 'Acme expansion', { name: 'Acme expansion' }],
    ['dealstage', 'closedwon', { stage: 'closedwon', stageCategory: null }],
    ['pipeline', 'default', { pipeline: 'default', stageCategory: null }],
    ['amount', '12000.50', { amount: 12000.5 }],
    ['amount', '', { amount: null }],
    ['deal_currency_code', 'eur', { currency: 'EUR' }],
    ['closedate', '1767139200000', { closeDate: '2025-12-31' }],
    ['closedate', '2026-03-31', { closeDate: '2026-03-31' }],
    ['createdate', '1764147600000', { createdDate: '2025-11-26' }],
    ['hubspot_owner_id', '8812', { owner: '8812' }],
  ])('%s = %j becomes %j', (property, value, patch) => {
    const r = HUBSPOT_PROPERTIES[property]?.(value);
    expect(r).toEqual({ value: patch });
  });

  it.each([
    ['dealname', ''],
    ['dealstage', '  '],
    ['amount', 'lots'],
    ['deal_currency_code', 'dollars'],
    ['closedate', 'soon'],
  ])('refuses %s = %j, naming the field', (propertyName, propertyValue) => {
    const r = readHubspotEvents([event(), event({ eventId: 101, propertyName, propertyValue })]);
    expect(r.ok).toBe(false);
    if (!r.ok)
      expect(r.errors).toEqual([{ field: 'body.1.propertyValue', message: expect.stringContaining(propertyName) }]);
  });

  it.each([
    [{ eventId: undefined }, 'body.0.eventId'],
    [{ occurredAt: 'yesterday' }, 'body.0.occurredAt'],
    [{ subscriptionType: undefined }, 'body.0.subscriptionType'],
    [{ objectId: undefined }, 'body.0.objectId'],
    [{ objectId: 'abc' }, 'body.0.objectId'],
    [{ propertyName: undefined }, 'body.0.propertyName'],
  ])('refuses a malformed event %j naming %s', (over, field) => {
    const r = readHubspotEvents([event(over)]);
    expect(r.ok).toBe(false);
    if (!r.ok) expect(r.errors.map((e) => e.field)).toContain(field);
  });

  it('refuses a body that is not an array of events', () => {
    for (const body of [{}, [], 'x', null]) {
      const r = readHubspotEvents(body);
      expect(r.ok, JSON.stringify(body)).toBe(false);
      if (!r.ok) expect(r.errors[0]?.field).toBe('body');
    }
  });

  it('ignores, with a reason, deal events Baton does not act on and properties it does not keep', () => {
    const r = readHubspotEvents([
      event({ subscriptionType: 'deal.merge', propertyName: undefined }),
      event({ subscriptionType: 'deal.associationChange', objectId: undefined, propertyName: undefined }),
      event({ propertyName: 'hs_lastmodifieddate', propertyValue: '1764147600000' }),
    ]);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.events.map((e) => e.command.kind)).toEqual(['ignore', 'ignore', 'ignore']);
    expect(r.events[2]?.command).toEqual({
      kind: 'ignore',
      reason: 'HubSpot property hs_lastmodifieddate is not one Baton keeps',
    });
  });

  it('reads the newer object.* subscriptions on deals (object type 0-3), and a deletion', () => {
    const r = readHubspotEvents([
      event({
        subscriptionType: 'object.propertyChange',
        objectTypeId: '0-3',
        propertyName: 'amount',
        propertyValue: '10',
      }),
      event({
        subscriptionType: 'object.propertyChange',
        objectTypeId: '0-1',
        propertyName: 'amount',
        propertyValue: '10',
      }),
      event({ subscriptionType: 'deal.deletion', propertyName: undefined, propertyValue: undefined }),
    ]);
    if (!r.ok) throw new Error(JSON.stringify(r.errors));
    expect(r.events.map((e) => e.command.kind)).toEqual(['patch', 'ignore', 'delete']);
  });

  it('keys an event by id, subscription, object and time: a retry (next attempt) has the same key', () => {
    const first = event({ attemptNumber: 0 });
    const retry = event({ attemptNumber: 1 });
    expect(hubspotEventKey(first as never)).toBe(hubspotEventKey(retry as never));
    expect(hubspotEventKey(event({ subscriptionId: 8 }) as never)).not.toBe(hubspotEventKey(first as never));
  });
});
