/**
 * Every module's signal rules with thresholds, read from the composed manifests (`signalRules`), and how one set
 * reads on Settings › Signal rules: each rule with its stage, switch, and every number beside its default. Pure
 * apart from reading the composition installed at start.
 */
import type { ModuleName, SignalRuleField, SignalRuleSet } from '../../platform/modules/baton-module.ts';
import { composition } from '../../platform/modules/composition.ts';
import { SIGNAL_KINDS, SIGNAL_STAGES, type SignalStage } from './signal.ts';

export interface RegisteredRuleSet extends SignalRuleSet {
  module: ModuleName;
}

/** The rule sets of every composed module, in the journey's order. */
export const signalRuleSets = (): RegisteredRuleSet[] =>
  composition().modules.flatMap((m) => (m.signalRules ?? []).map((set) => ({ ...set, module: m.name })));

export const ruleSetOf = (settingKey: string): RegisteredRuleSet | undefined =>
  signalRuleSets().find((s) => s.setting.key === settingKey);

/** The earliest chain stage among a rule's kinds (a kind Baton does not know reads as the last stage). */
export function stageOfKinds(kinds: readonly string[]): SignalStage {
  let best = SIGNAL_STAGES.length - 1;
  for (const k of kinds) {
    const known = Object.hasOwn(SIGNAL_KINDS, k) ? SIGNAL_KINDS[k as keyof typeof SIGNAL_KINDS] : undefined;
    if (known) best = Math.min(best, SIGNAL_STAGES.indexOf(known.stage));
  }
  return SIGNAL_STAGES[best]!;
}

export interface RuleFieldView extends SignalRuleField {
  value: number;
  default: number;
}

export interface RuleView {
  key: string;
  title: string;
  description: string;
  kinds: string[];
  stage: SignalStage;
  /** Whether the rule has an on/off switch, and its state. */
  switchable: boolean;
  enabled: boolean;
  fields: RuleFieldView[];
}

type Values = Record<string, Record<string, unknown> | undefined>;

const numberOr = (v: unknown, fallback: number) => (typeof v === 'number' ? v : fallback);

/** A set's rules as they read with the workspace's `value` of its setting. Pure. */
export function viewRules(set: SignalRuleSet, value: unknown): RuleView[] {
  const current = (value ?? {}) as Values;
  const defaults = set.setting.defaultValue as Values;
  return set.rules.map((rule) => {
    const now = current[rule.key] ?? {};
    const def = defaults[rule.key] ?? {};
    const switchable = typeof def.enabled === 'boolean';
    return {
      key: rule.key,
      title: rule.title,
      description: rule.description,
      kinds: [...rule.kinds],
      stage: stageOfKinds(rule.kinds),
      switchable,
      enabled: switchable ? now.enabled !== false : true,
      fields: rule.fields.map((f) => {
        const dflt = numberOr(def[f.name], f.min);
        return { ...f, value: numberOr(now[f.name], dflt), default: dflt };
      }),
    };
  });
}
