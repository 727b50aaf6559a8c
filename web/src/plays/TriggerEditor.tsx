import { Group, NumberInput, Select, Text, TextInput } from '@mantine/core';
import type { PlaySummary } from './plays.types.ts';

type Trigger = PlaySummary['trigger'];

/** Each trigger type: its label, a sentence on when it fires, and the settings a new one starts with. */
export const TRIGGER_TYPES: Record<string, { label: string; help: string; defaults: Record<string, unknown> }> = {
  signal: {
    label: 'A signal is raised',
    help: 'Starts when a signal of the kind is raised at the severity or above, or rises to it.',
    defaults: { kind: 'renewal.sponsor_untouched', minSeverity: 'warning' },
  },
  deal_confirmed: {
    label: 'Closed-won confirmed',
    help: 'Starts when a closed-won deal passes the guard.',
    defaults: {},
  },
  handoff_accepted: { label: 'Handoff accepted', help: 'Starts when delivery accepts the handoff.', defaults: {} },
  kickoff: {
    label: 'Project kickoff',
    help: 'Starts when the project kicks off (a kickoff recorded more than a week late starts nothing).',
    defaults: {},
  },
  go_live: {
    label: 'Go-live',
    help: 'Starts when the project goes live, or the given number of days after.',
    defaults: { afterDays: 0 },
  },
  first_value: {
    label: 'First value',
    help: 'Starts when the project’s first-value milestone is reached, by its tasks or by the customer’s use.',
    defaults: {},
  },
  renewal: {
    label: 'Before the renewal',
    help: 'Starts the given number of days before the renewal.',
    defaults: { daysBefore: 120 },
  },
  survey: {
    label: 'Low survey answer',
    help: 'Starts when an NPS or CSAT answer is below the score.',
    defaults: { survey: 'nps', below: 7 },
  },
  seats_above: {
    label: 'Seats in use above a share',
    help: 'Checked daily: monthly active users above the share of the licensed seats, once a month.',
    defaults: { percent: 90 },
  },
  healthy_after_go_live: {
    label: 'Healthy since go-live',
    help: 'Checked daily: the health band healthy without a break for the days, counted from the go-live.',
    defaults: { days: 60 },
  },
  unentitled_feature: {
    label: 'Feature outside the plan',
    help:
      'Checked daily: a feature used in the last 30 days that the account’s plan is not ' +
      'entitled to (the plans on Adoption › Features; the account’s plan from usage, else its subscription).',
    defaults: {},
  },
  new_team_active: {
    label: 'A new team becomes active',
    help:
      'Checked daily: a team or department (the identify trait named on Adoption › Features, department unless set) ' +
      'with this many users active in the last 7 days and none in the 90 days before, in an account already active.',
    defaults: { minUsers: 2 },
  },
};

const TYPE_OPTIONS = Object.entries(TRIGGER_TYPES).map(([value, t]) => ({ value, label: t.label }));

interface Props {
  value: Trigger;
  onChange: (t: Trigger) => void;
  errors: Record<string, string>;
  disabled: boolean;
}

/** The trigger of a play: its type and, for the types that take them, its numbers. */
export function TriggerEditor({ value, onChange, errors, disabled }: Props) {
  const set = (patch: Record<string, unknown>) => onChange({ ...value, ...patch });
  const num = (field: string, label: string, min: number, max: number) => (
    <NumberInput
      label={label}
      min={min}
      max={max}
      value={Number(value[field] ?? 0)}
      onChange={(v) => set({ [field]: Number(v) || 0 })}
      error={errors[`body.trigger.${field}`]}
      disabled={disabled}
      w={200}
    />
  );
  return (
    <div>
      <Group align="flex-end" wrap="wrap">
        <Select
          label="Starts when"
          data={TYPE_OPTIONS}
          value={value.type}
          allowDeselect={false}
          onChange={(v) => v && onChange({ type: v, ...TRIGGER_TYPES[v]?.defaults })}
          error={errors['body.trigger.type']}
          disabled={disabled}
          w={260}
        />
        {value.type === 'signal' && (
          <>
            <TextInput
              label="Signal kind"
              value={String(value.kind ?? '')}
              onChange={(e) => set({ kind: e.currentTarget.value })}
              error={errors['body.trigger.kind']}
              disabled={disabled}
              w={260}
            />
            <Select
              label="At least"
              data={['info', 'warning', 'severe']}
              value={String(value.minSeverity ?? 'warning')}
              onChange={(v) => v && set({ minSeverity: v })}
              disabled={disabled}
              w={140}
            />
          </>
        )}
        {value.type === 'go_live' && num('afterDays', 'Days after the go-live', 0, 365)}
        {value.type === 'renewal' && num('daysBefore', 'Days before the renewal', 1, 365)}
        {value.type === 'survey' && (
          <>
            <Select
              label="Survey"
              data={[
                { value: 'nps', label: 'NPS' },
                { value: 'csat', label: 'CSAT' },
              ]}
              value={String(value.survey ?? 'nps')}
              onChange={(v) => v && set({ survey: v })}
              disabled={disabled}
              w={120}
            />
            {num('below', 'Below', 0, 10)}
          </>
        )}
        {value.type === 'seats_above' && num('percent', 'Share of licensed seats (%)', 1, 200)}
        {value.type === 'healthy_after_go_live' && num('days', 'Days healthy', 7, 365)}
        {value.type === 'new_team_active' && num('minUsers', 'Active users of the team', 1, 1000)}
      </Group>
      <Text size="sm" c="dimmed" mt={4}>
        {TRIGGER_TYPES[value.type]?.help}
      </Text>
    </div>
  );
}
