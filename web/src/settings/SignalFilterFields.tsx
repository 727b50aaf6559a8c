import { MultiSelect, Select } from '@mantine/core';
import { STAGES, stageLabel } from './alert-types.ts';

const SEVERITIES = [
  { value: 'info', label: 'Info and above' },
  { value: 'warning', label: 'Warning and above' },
  { value: 'severe', label: 'Severe only' },
];

/** Which signals an alert hears of: the chain stages (none: every stage) and the least severity. */
export function SignalFilterFields(props: {
  stages: string[];
  onStages: (stages: string[]) => void;
  minSeverity: string;
  onMinSeverity: (severity: string) => void;
  /** The severity field's label, said from the reader's side ("… that reaches me"). */
  severityLabel: string;
  errors: Record<string, string | undefined>;
}) {
  return (
    <>
      <MultiSelect
        label="Chain stages"
        description="Leave empty to hear of every stage."
        data={STAGES.map((s) => ({ value: s, label: stageLabel(s) }))}
        value={props.stages}
        onChange={props.onStages}
        error={props.errors.stages ?? props.errors['0']}
      />
      <Select
        label={props.severityLabel}
        value={props.minSeverity}
        onChange={(v) => v && props.onMinSeverity(v)}
        data={SEVERITIES}
        allowDeselect={false}
        error={props.errors.minSeverity}
      />
    </>
  );
}
