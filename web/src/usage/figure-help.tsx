import { Text } from '@mantine/core';

/** How each adoption figure is computed, said where the figure shows (the portfolio, an account’s adoption, the account drawer). */
export const FIGURE_HELP = {
  adoptionRate: 'Active users in the last 30 days ÷ licensed seats.',
  mau: 'People with at least one event in the last 30 days.',
  dauWau: 'People with at least one event on the day, and in the last 7 days.',
  seats: 'The licensed seats recorded for the account (set here or imported).',
  featureBreadth:
    'Distinct features used in the last 30 days (with a feature catalogue: of the features the account is entitled to).',
  concentration: 'Events made by the 3 most active people ÷ all events, over the last 30 days.',
  trend: 'Active users in the last 7 days against the 7 days ending three weeks earlier (days 27 to 21 before).',
  events30d: 'Product events received or imported in the last 30 days.',
} as const;

/** A figure with its label, its value and, beneath, how it is computed. */
export function HelpedFigure({
  label,
  value,
  help,
  testId,
}: {
  label: string;
  value: string;
  help: string;
  testId?: string;
}) {
  return (
    <div data-testid={testId}>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={600}>{value}</Text>
      <Text size="xs" c="dimmed" data-testid="figure-help">
        {help}
      </Text>
    </div>
  );
}
