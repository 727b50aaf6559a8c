import { Group, Select, Table, UnstyledButton } from '@mantine/core';
import { IconArrowDown, IconArrowUp } from '@tabler/icons-react';
import { CHAIN_STAGES } from '../health/portfolio.ts';

/** The columns the accounts list sorts by (the health module's enriched list). */
export type AccountSort = 'name' | 'arr' | 'probability' | 'arr_at_risk' | 'next_renewal' | 'chain_stage' | 'health';
export interface SortState {
  sort: AccountSort;
  order: 'asc' | 'desc';
}

// Health ascending: the weakest scores first.
const ASCENDING: readonly AccountSort[] = ['name', 'next_renewal', 'chain_stage', 'health'];
/** The order a column sorts in first: names, dates and stages ascending, money and risk descending. */
export const firstOrder = (sort: AccountSort): 'asc' | 'desc' => (ASCENDING.includes(sort) ? 'asc' : 'desc');

/** A column header that sorts by its column (again: the other way), telling assistive technology the order. */
export function SortHeader({
  label,
  value,
  state,
  onSort,
}: {
  label: string;
  value: AccountSort;
  state: SortState;
  onSort: (s: SortState) => void;
}) {
  const active = state.sort === value;
  const Icon = state.order === 'asc' ? IconArrowUp : IconArrowDown;
  const next = (): SortState =>
    active ? { sort: value, order: state.order === 'asc' ? 'desc' : 'asc' } : { sort: value, order: firstOrder(value) };
  return (
    <Table.Th
      scope="col"
      aria-sort={active ? (state.order === 'asc' ? 'ascending' : 'descending') : 'none'}
      style={{ whiteSpace: 'nowrap' }}
    >
      <UnstyledButton onClick={() => onSort(next())} fw={600} fz="sm" data-testid={`sort-${value}`}>
        <Group gap={4} wrap="nowrap">
          {label}
          {active && <Icon size={14} aria-hidden />}
        </Group>
      </UnstyledButton>
    </Table.Th>
  );
}

export interface FigureFilters {
  stage: string | null;
  maxDecile: string | null;
  renewalWithin: string | null;
  minArr: string | null;
  band: string | null;
}

export const NO_FIGURE_FILTERS: FigureFilters = {
  stage: null,
  maxDecile: null,
  renewalWithin: null,
  minArr: null,
  band: null,
};

const STAGE_OPTIONS = [
  ...Object.entries(CHAIN_STAGES).map(([value, label]) => ({ value, label })),
  { value: 'none', label: 'No open signal' },
];
const RISK_OPTIONS = [
  { value: '1', label: 'Riskiest tenth (decile 1)' },
  { value: '3', label: 'Deciles 1–3' },
  { value: '5', label: 'Deciles 1–5' },
  { value: '10', label: 'Any scored' },
];
const BAND_OPTIONS = [
  { value: 'red', label: 'Health: red (below 40)' },
  { value: 'yellow', label: 'Health: yellow (40–69)' },
  { value: 'green', label: 'Health: green (70 and up)' },
  { value: 'none', label: 'Health: not scored' },
];
const RENEWAL_OPTIONS = ['30', '90', '120', '365'].map((d) => ({ value: d, label: `Renews within ${d} days` }));
const ARR_OPTIONS = ['1', '10000', '50000', '100000'].map((v) => ({
  value: v,
  label: v === '1' ? 'Any ARR' : `ARR ≥ ${Number(v).toLocaleString()}`,
}));

/** Filters on the figures later modules give each account: health band, chain stage, risk decile, renewal, ARR. */
export function FigureFilterInputs({
  value,
  onChange,
}: {
  value: FigureFilters;
  onChange: (f: FigureFilters) => void;
}) {
  const filters: Array<{ key: keyof FigureFilters; label: string; data: typeof STAGE_OPTIONS; w: number }> = [
    { key: 'band', label: 'Health', data: BAND_OPTIONS, w: 210 },
    { key: 'stage', label: 'Chain stage', data: STAGE_OPTIONS, w: 190 },
    { key: 'maxDecile', label: 'Risk', data: RISK_OPTIONS, w: 210 },
    { key: 'renewalWithin', label: 'Next renewal', data: RENEWAL_OPTIONS, w: 210 },
    { key: 'minArr', label: 'ARR', data: ARR_OPTIONS, w: 160 },
  ];
  return (
    <>
      {filters.map((f) => (
        <Select
          key={f.key}
          placeholder={f.label}
          data={f.data}
          value={value[f.key]}
          onChange={(v) => onChange({ ...value, [f.key]: v })}
          clearable
          w={f.w}
          aria-label={f.label}
        />
      ))}
    </>
  );
}
