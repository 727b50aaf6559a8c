/** What the API and pages show of a project's history: its timeline events, slips, new promises and rework. */
import type { Selectable } from 'kysely';
import type { ProjectEventTable, ProjectReworkTable, ProjectSlipTable } from './project.table.ts';

// The rows as the stores read them, named from the tables so the web app's types never reach a store.
type EventRow = Selectable<ProjectEventTable>;
type SlipRow = Selectable<ProjectSlipTable>;
type ReworkRow = Selectable<ProjectReworkTable>;

export interface ProjectSlip {
  id: string;
  recordedAt: string;
  promisedGoLive: string;
  fromForecast: string | null;
  toForecast: string;
  days: number;
  reasonCode: string | null;
  note: string | null;
  explainedBy: string | null;
  explainedAt: string | null;
}

/** A new promised go-live agreed by hand: from what, to what, why, who agreed it. */
export interface PromiseChange {
  at: string;
  by: string;
  from: string | null;
  to: string;
  reasonCode: string;
  note: string | null;
  agreedBy: string;
  customerAgreed: boolean;
}

export const toPromiseChange = (r: EventRow): PromiseChange => {
  const d = JSON.parse(r.detail) as {
    from: string | null;
    to: string;
    reason: string;
    note: string | null;
    agreedBy: string;
    customerAgreed: boolean;
  };
  return {
    at: r.at,
    by: r.actor_label,
    from: d.from,
    to: d.to,
    reasonCode: d.reason,
    note: d.note,
    agreedBy: d.agreedBy,
    customerAgreed: d.customerAgreed,
  };
};

export interface ProjectRework {
  id: string;
  taskId: string | null;
  hours: number;
  cause: string;
  note: string | null;
  recordedBy: string;
  recordedAt: string;
}

export interface ProjectEvent {
  id: string;
  at: string;
  actorKind: 'user' | 'customer' | 'system';
  actor: string;
  kind: string;
  taskId: string | null;
  detail: Record<string, unknown>;
}

export const toSlip = (r: SlipRow): ProjectSlip => ({
  id: r.id,
  recordedAt: r.recorded_at,
  promisedGoLive: r.promised_go_live,
  fromForecast: r.from_forecast,
  toForecast: r.to_forecast,
  days: r.days,
  reasonCode: r.reason_code,
  note: r.note,
  explainedBy: r.explained_by_label,
  explainedAt: r.explained_at,
});

export const toRework = (r: ReworkRow): ProjectRework => ({
  id: r.id,
  taskId: r.task_id,
  hours: r.hours,
  cause: r.cause,
  note: r.note,
  recordedBy: r.recorded_by_label,
  recordedAt: r.recorded_at,
});

export const toEvent = (r: EventRow): ProjectEvent => ({
  id: r.id,
  at: r.at,
  actorKind: r.actor_kind as ProjectEvent['actorKind'],
  actor: r.actor_label,
  kind: r.kind,
  taskId: r.task_id,
  detail: JSON.parse(r.detail) as Record<string, unknown>,
});
