/** Ingest counters of one running instance, per workspace and source (pure, in memory, reset at start). */
import { USAGE_SOURCES, type UsageSource } from './usage-event.ts';

export interface IngestCounts {
  received: number;
  stored: number;
  duplicates: number;
  rejected: number;
  unmatched: number;
  lastEventAt: string | null;
}

export const emptyCounts = (): IngestCounts => ({
  received: 0,
  stored: 0,
  duplicates: 0,
  rejected: 0,
  unmatched: 0,
  lastEventAt: null,
});

export class IngestCounters {
  readonly startedAt = new Date().toISOString();
  private readonly counts = new Map<string, IngestCounts>();

  private of(workspaceId: string, source: UsageSource): IngestCounts {
    const key = `${workspaceId}\u0000${source}`;
    let c = this.counts.get(key);
    if (!c) this.counts.set(key, (c = emptyCounts()));
    return c;
  }

  /** Adds one request's outcome; `lastEventAt` keeps the latest event time seen. */
  add(
    workspaceId: string,
    source: UsageSource,
    delta: Partial<Omit<IngestCounts, 'lastEventAt'>> & { lastEventAt?: string | null },
  ): void {
    const c = this.of(workspaceId, source);
    c.received += delta.received ?? 0;
    c.stored += delta.stored ?? 0;
    c.duplicates += delta.duplicates ?? 0;
    c.rejected += delta.rejected ?? 0;
    c.unmatched += delta.unmatched ?? 0;
    if (delta.lastEventAt && (!c.lastEventAt || delta.lastEventAt > c.lastEventAt)) c.lastEventAt = delta.lastEventAt;
  }

  snapshot(workspaceId: string): Record<UsageSource, IngestCounts> {
    return Object.fromEntries(USAGE_SOURCES.map((s) => [s, { ...this.of(workspaceId, s) }])) as Record<
      UsageSource,
      IngestCounts
    >;
  }
}
