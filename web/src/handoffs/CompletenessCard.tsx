import { Badge, Group, Paper, RingProgress, Stack, Text, ThemeIcon } from '@mantine/core';
import { IconCheck, IconCircleDashed, IconProgress } from '@tabler/icons-react';
import type { BriefScore } from '../api/types.ts';
import { completenessColor } from './labels.ts';

const ICONS = { filled: IconCheck, partial: IconProgress, empty: IconCircleDashed } as const;
const COLORS = { filled: 'teal', partial: 'yellow', empty: 'gray' } as const;

/** The score as a ring, then each field: filled, partly filled (with what is missing) or empty. */
export function CompletenessCard({ score }: { score: BriefScore }) {
  const color = completenessColor(score.completeness, score.threshold);
  return (
    <Paper withBorder p="md" data-testid="completeness">
      <Group wrap="nowrap">
        <RingProgress
          size={92}
          thickness={9}
          roundCaps
          sections={[{ value: score.completeness, color }]}
          label={
            <Text ta="center" fw={700} size="lg" data-testid="completeness-score">
              {score.completeness} %
            </Text>
          }
        />
        <div>
          <Text fw={600}>Completeness</Text>
          <Text size="xs" c="dimmed">
            Below {score.threshold} % at submission raises a handoff signal.
          </Text>
        </div>
      </Group>
      <Stack gap={4} mt="sm">
        {score.fields.map((f) => {
          const Icon = ICONS[f.status];
          return (
            <Group key={f.field} gap="xs" wrap="nowrap" align="flex-start">
              <ThemeIcon size={18} radius="xl" variant="light" color={COLORS[f.status]}>
                <Icon size={12} />
              </ThemeIcon>
              <div style={{ flex: 1 }}>
                <Group gap={4}>
                  <Text size="sm">{f.label}</Text>
                  {f.required && (
                    <Badge size="xs" variant="outline" color={f.status === 'empty' ? 'red' : 'gray'}>
                      required
                    </Badge>
                  )}
                  <Text size="xs" c="dimmed">
                    {f.weight} pts
                  </Text>
                </Group>
                {f.hint && f.status !== 'filled' && (
                  <Text size="xs" c="dimmed">
                    {f.hint}
                  </Text>
                )}
              </div>
            </Group>
          );
        })}
      </Stack>
    </Paper>
  );
}
