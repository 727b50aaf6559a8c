import { describe, expect, it } from 'vitest';
import { channelChangeIssues } from './alert.schemas.ts';
import { afterAttempt, isQuiet, retryDelayMs, sendableFrom, wantsSignal } from './alert.ts';
import { emailMessage, slackMessage, webhookBody, type AlertMessage } from './alert-message.ts';

const paris = { startHour: 22, endHour: 7, timeZone: 'Europe/Paris' };

describe('quiet hours', () => {
  it.each([
    ['2026-01-10T20:59:00Z', false], // 21:59 in Paris (UTC+1 in winter)
    ['2026-01-10T21:00:00Z', true], // 22:00
    ['2026-01-11T05:59:00Z', true], // 06:59
    ['2026-01-11T06:00:00Z', false], // 07:00
  ])('%s is quiet in Paris from 22 to 7: %s', (at, quiet) => {
    expect(isQuiet(new Date(at), paris)).toBe(quiet);
  });

  it('holds an alert raised at night until the first hour after quiet ends, and sends a daytime one at once', () => {
    expect(sendableFrom(new Date('2026-01-10T23:30:00Z'), paris)?.toISOString()).toBe('2026-01-11T06:00:00.000Z');
    expect(sendableFrom(new Date('2026-07-10T23:30:00Z'), paris)?.toISOString()).toBe('2026-07-11T05:00:00.000Z');
    expect(sendableFrom(new Date('2026-01-10T12:00:00Z'), paris)).toBeNull();
    expect(sendableFrom(new Date('2026-01-10T23:30:00Z'), null)).toBeNull();
  });
});

describe('retries', () => {
  it('waits 1, 4, 16, 64 and 256 minutes, and the sixth failure is final', () => {
    expect([1, 2, 3, 4, 5].map((a) => retryDelayMs(a) / 60_000)).toEqual([1, 4, 16, 64, 256]);
    const now = new Date('2026-01-01T00:00:00Z');
    expect(afterAttempt(1, false, now)).toEqual({ status: 'failed', nextAttemptAt: '2026-01-01T00:01:00.000Z' });
    expect(afterAttempt(6, false, now)).toEqual({ status: 'dead', nextAttemptAt: null });
    expect(afterAttempt(3, true, now)).toEqual({ status: 'sent', nextAttemptAt: null });
  });
});

describe('the filter', () => {
  const sub = {
    enabled: true,
    mode: 'immediate' as const,
    stages: [],
    minSeverity: 'warning' as const,
    userId: null,
    accounts: 'all' as const,
  };
  const mine = { ...sub, userId: 'u1', accounts: 'mine' as const };
  it.each([
    [sub, 'renewal', 'severe', true],
    [sub, 'renewal', 'info', false],
    [{ ...sub, stages: ['handoff' as const] }, 'renewal', 'severe', false],
    [{ ...sub, mode: 'daily_digest' as const }, 'renewal', 'severe', false],
    [{ ...sub, enabled: false }, 'renewal', 'severe', false],
  ] as const)('%o hears of a %s signal of severity %s: %s', (s, stage, severity, expected) => {
    expect(wantsSignal(s, { stage, severity })).toBe(expected);
  });
  it.each([
    [['u1', 'u2'], true],
    [['u2'], false],
    [[], false],
  ])('a subscription to my accounts hears of a signal on an account owned by %o: %s', (owners, expected) => {
    expect(wantsSignal(mine, { stage: 'renewal', severity: 'severe' }, owners)).toBe(expected);
    expect(wantsSignal({ ...mine, accounts: 'all' }, { stage: 'renewal', severity: 'severe' }, owners)).toBe(true);
  });
});

describe('messages', () => {
  const m: AlertMessage = {
    id: 'd1',
    type: 'signal.raised',
    created: '2026-01-01T00:00:00.000Z',
    workspace: 'acme',
    data: {
      title: 'Renewal <at risk>',
      explanation: 'Renewal in 40 days & churn risk in the top decile.',
      severity: 'severe',
      stage: 'renewal',
      signal: null,
      account: { id: 'a1', name: 'Northwind' },
      arr: 120000,
      currency: 'EUR',
      link: 'https://baton.example/accounts/a1',
    },
  };
  it('says the same facts on every channel, escaped for each', () => {
    expect(JSON.parse(webhookBody(m))).toEqual({
      id: 'd1',
      type: 'signal.raised',
      created: m.created,
      workspace: 'acme',
      data: m.data,
    });
    const slack = JSON.stringify(slackMessage(m).blocks);
    expect(slack).toContain('120,000 EUR');
    expect(slack).toContain('&amp; churn');
    const mail = emailMessage(m);
    expect(mail.subject).toBe('[Baton] Northwind: Renewal <at risk>');
    expect(mail.html).toContain('Renewal &lt;at risk&gt;');
    expect(mail.text).toContain('ARR: 120,000 EUR');
  });
});

describe('a change of channel or address', () => {
  it.each([
    [{ channel: 'email' }, { target: 'cs@acme.example' }, []],
    [{ channel: 'email' }, { channel: 'slack' }, ['target: a new channel needs its address']],
    [{ channel: 'email' }, { channel: 'slack', target: 'https://hooks.slack.com/x' }, []],
    [
      { channel: 'email' },
      { channel: 'webhook', target: 'https://a.example' },
      ['secret: a webhook needs a signing secret'],
    ],
    [{ channel: 'webhook' }, { target: 'https://b.example' }, []],
    [{ channel: 'webhook' }, { target: 'nobody@acme.example' }, ['target: must be an http(s) URL']],
    [
      { channel: 'webhook' },
      { channel: 'email', target: 'a@b.example', secret: 'x'.repeat(16) },
      ['secret: only webhooks take a secret'],
    ],
    [{ channel: 'slack' }, { secret: 'x'.repeat(16) }, ['secret: only webhooks take a secret']],
    [{ channel: 'slack' }, {}, []],
  ] as const)('from %o, %o: %o', (before, patch, expected) => {
    expect(channelChangeIssues(before, patch).map((i) => `${i.path}: ${i.message}`)).toEqual(expected);
  });
});
