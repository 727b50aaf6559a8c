/** What `GET /api/v1/signal-rules` answers (the server's route schema). */
export interface RuleField {
  name: string;
  label: string;
  unit: string;
  min: number;
  max: number;
  integer?: boolean;
  value: number;
  default: number;
}

export interface Rule {
  key: string;
  title: string;
  description: string;
  kinds: string[];
  stage: string;
  switchable: boolean;
  enabled: boolean;
  fields: RuleField[];
}

export interface RuleRun {
  id: string;
  settingKey: string;
  at: string;
  finishedAt: string | null;
  status: 'queued' | 'running' | 'done' | 'failed';
  accounts: number | null;
  opened: number | null;
  closed: number | null;
  error: string | null;
}

export interface RuleSet {
  settingKey: string;
  module: string;
  rules: Rule[];
  lastRun: RuleRun | null;
}

export const STAGE_LABELS: Record<string, string> = {
  handoff: '1 · Handoff',
  implementation: '2 · Implementation',
  time_to_value: '3 · Time to value',
  support_overload: '4 · Support overload',
  adoption: '5 · Adoption',
  renewal: '6 · Renewal',
  knowledge_loss: 'Knowledge loss',
  business_change: 'Business change',
  regulatory_change: 'Regulatory change',
  release_underuse: 'Release underuse',
  integration_decay: 'Integration decay',
};

const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;

/** The last re-evaluation in a sentence: "Re-evaluated 48 accounts: 3 signals opened, 1 closed." */
export function runSentence(run: RuleRun | null): string {
  if (!run) return 'Not re-evaluated since a change here; the daily run applies the values shown.';
  if (run.status === 'queued' || run.status === 'running') return 'Re-evaluating the accounts with these values…';
  if (run.status === 'failed') return `The last re-evaluation failed: ${run.error ?? 'unknown error'}.`;
  return (
    `Re-evaluated ${plural(run.accounts ?? 0, 'account')}: ${plural(run.opened ?? 0, 'signal')} opened, ` +
    `${run.closed ?? 0} closed.`
  );
}

/** A set's value as the server takes it back: each rule's switch and numbers. */
export function valueOf(set: RuleSet): Record<string, Record<string, number | boolean>> {
  return Object.fromEntries(
    set.rules.map((r) => [
      r.key,
      {
        ...(r.switchable ? { enabled: r.enabled } : {}),
        ...Object.fromEntries(r.fields.map((f) => [f.name, f.value])),
      },
    ]),
  );
}
