import { Badge, Group, Text, Tooltip } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { useQuery } from '@tanstack/react-query';
import { get, query } from '../api/client.ts';
import type { Strength, WordsReading as Reading } from '../api/types.ts';
import { STATUS_LABELS, STRENGTH_COLORS, STRENGTH_LABELS } from './labels.ts';

/** The strength of a promise's words as a badge, with the phrase that decided it on hover. */
export function StrengthBadge({ strength, phrase }: { strength: Strength; phrase: string | null }) {
  return (
    <Tooltip label={phrase ? `read from “${phrase}”` : 'no known phrase: read as intent'} withArrow>
      <Badge size="sm" variant="light" color={STRENGTH_COLORS[strength]} style={{ flexShrink: 0 }}>
        {STRENGTH_LABELS[strength]}
      </Badge>
    </Tooltip>
  );
}

/** How Baton reads words as they are typed: strength, the phrase that decided it, and the status they need. */
export function LiveWordsReading({ words }: { words: string }) {
  const [debounced] = useDebouncedValue(words.trim(), 300);
  const reading = useQuery({
    queryKey: ['commitment-words', debounced],
    queryFn: () =>
      get<Reading & { needs: string | null }>(`/api/v1/commitments/classify${query({ words: debounced })}`),
    enabled: debounced.length > 0,
    staleTime: Infinity,
  });
  if (!debounced || !reading.data) return null;
  const r = reading.data;
  return (
    <Group gap="xs" data-testid="words-reading">
      <StrengthBadge strength={r.strength} phrase={r.phrase} />
      <Text size="xs" c="dimmed">
        {r.phrase ? `read from “${r.phrase}”` : 'no known phrase'}
        {r.needs
          ? ` · product must reach ${STATUS_LABELS[r.needs]?.toLowerCase()} or the promise is exposed`
          : ' · never exposed'}
      </Text>
    </Group>
  );
}
