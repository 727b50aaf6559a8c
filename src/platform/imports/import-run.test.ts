import { describe, expect, it } from 'vitest';
import { INTERRUPTED_AFTER_MS, runStatus } from './import-run.ts';

const started = '2026-11-27T10:00:00.000Z';
const at = (iso: string, plusMs: number) => Date.parse(iso) + plusMs;

describe('runStatus', () => {
  it('keeps a run running while its heartbeat is recent, and calls it interrupted once the heartbeat is old', () => {
    const row = { status: 'running', started_at: started, heartbeat_at: '2026-11-27T10:20:00.000Z' };
    expect(runStatus(row, at(row.heartbeat_at, INTERRUPTED_AFTER_MS))).toBe('running');
    expect(runStatus(row, at(row.heartbeat_at, INTERRUPTED_AFTER_MS + 1))).toBe('interrupted');
  });

  it('judges a run without a heartbeat (one older than the column) by when it started', () => {
    const row = { status: 'running', started_at: started, heartbeat_at: null };
    expect(runStatus(row, at(started, 1000))).toBe('running');
    expect(runStatus(row, at(started, INTERRUPTED_AFTER_MS + 1))).toBe('interrupted');
  });

  it('leaves finished runs as they ended however old, and shows an unknown status as failed', () => {
    const later = at(started, 365 * 86_400_000);
    expect(runStatus({ status: 'succeeded', started_at: started, heartbeat_at: started }, later)).toBe('succeeded');
    expect(runStatus({ status: 'failed', started_at: started, heartbeat_at: started }, later)).toBe('failed');
    expect(runStatus({ status: 'paused', started_at: started, heartbeat_at: started }, later)).toBe('failed');
  });
});
