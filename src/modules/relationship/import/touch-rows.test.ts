import { describe, expect, it } from 'vitest';
import { emailsIn } from '../touch.ts';
import { detectTouchFormat, HUBSPOT_TOUCHES, SALESFORCE_TOUCHES } from './touch-profiles.ts';
import { NOT_A_TOUCH, NOT_YET, touchRowMapper } from './touch-rows.ts';

const now = new Date('2026-03-15T12:00:00Z');
const sf = touchRowMapper(SALESFORCE_TOUCHES, { source: 'salesforce', now });
const hs = touchRowMapper(HUBSPOT_TOUCHES, { source: 'hubspot', now });

describe('touch rows', () => {
  it('tells the CRM formats from their headers', () => {
    expect(detectTouchFormat(['Id', 'Subject', 'ActivityDate', 'WhoId', 'WhatId', 'Type'])).toBe('salesforce');
    expect(detectTouchFormat(['Subject', 'StartDateTime', 'EventSubtype'])).toBe('salesforce');
    expect(detectTouchFormat(['Record ID', 'Activity type', 'Activity date', 'Associated Contact'])).toBe('hubspot');
    expect(detectTouchFormat(['kind', 'occurred_at', 'contact_email'])).toBe('touches');
    expect(detectTouchFormat(['when', 'who'])).toBeUndefined();
  });

  it('reads a Salesforce task: the subtype that names a touch, the call type, WhoId and AccountId', () => {
    const r = sf(
      {
        Id: '00T1',
        Subject: 'Call',
        ActivityDate: '2026-03-01',
        WhoId: '003A',
        AccountId: '001B',
        Type: '',
        TaskSubtype: 'Call',
        CallType: 'Inbound',
      },
      2,
    );
    expect(r).toEqual({
      ok: true,
      record: expect.objectContaining({
        kind: 'call',
        direction: 'inbound',
        occurredAt: '2026-03-01T00:00:00.000Z',
        contactRefs: ['003A'],
        accountRef: '001B',
        externalId: '00T1',
        source: 'salesforce',
      }),
    });
  });

  it('skips to-dos and planned activities, and names a kind it cannot read', () => {
    expect(sf({ Subject: 'x', ActivityDate: '2026-03-01', WhoId: '003A', TaskSubtype: 'Task' }, 2)).toEqual({
      ok: false,
      skipped: true,
      reason: NOT_A_TOUCH,
    });
    expect(sf({ Subject: 'x', ActivityDate: '2026-04-01', WhoId: '003A', Type: 'Meeting' }, 3)).toEqual({
      ok: false,
      skipped: true,
      reason: NOT_YET,
    });
    const bad = sf({ Subject: 'x', ActivityDate: '2026-03-01', WhoId: '003A', Type: 'Lunch' }, 4);
    expect(bad).toEqual({ ok: false, errors: [expect.objectContaining({ row: 4, field: 'kind' })] });
    const undated = sf({ Subject: 'x', ActivityDate: '', WhoId: '003A', Type: 'Call' }, 5);
    expect(undated).toEqual({ ok: false, errors: [expect.objectContaining({ field: 'occurred_at' })] });
  });

  it('reads HubSpot’s associated contacts however they are written, and an incoming email', () => {
    const r = hs(
      {
        'Activity type': 'INCOMING_EMAIL',
        'Activity date': '2026-02-26 09:12',
        'Associated Contact': 'Ann Lee (ANN@x.example); bo@y.example',
        'Associated Company': 'X Corp',
      },
      2,
    );
    expect(r).toEqual({
      ok: true,
      record: expect.objectContaining({
        kind: 'email',
        direction: 'inbound',
        emails: ['ann@x.example', 'bo@y.example'],
        accountName: 'X Corp',
        occurredAt: '2026-02-26T09:12:00.000Z',
      }),
    });
    expect(emailsIn('<c@z.io>, c@z.io')).toEqual(['c@z.io']);
  });

  it('refuses a row naming neither an account nor a person', () => {
    expect(hs({ 'Activity type': 'CALL', 'Activity date': '2026-02-26' }, 7)).toEqual({
      ok: false,
      errors: [expect.objectContaining({ row: 7, field: 'contact_email' })],
    });
  });
});
