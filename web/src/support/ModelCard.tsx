import { Button, Group, Paper, Text, Title } from '@mantine/core';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, get } from '../api/client.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { formatDate } from '../ui/format.ts';
import type { ModelAnswer } from './types.ts';

const pct = (v: number) => `${Math.round(v * 100)} %`;

/** The classifier's last fit, said in a sentence, and the button that trains it again. */
export function ModelCard({ canWrite }: { canWrite: boolean }) {
  const client = useQueryClient();
  const model = useQuery({ queryKey: ['support', 'model'], queryFn: () => get<ModelAnswer>('/api/v1/support/model') });
  const train = useMutation({
    mutationFn: () => api<{ jobId: string }>('POST', '/api/v1/support/model/train'),
    onSuccess: () => setTimeout(() => void client.invalidateQueries({ queryKey: ['support'] }), 3000),
  });
  const m = model.data?.model;
  return (
    <Paper withBorder p="md" data-testid="support-model">
      <Title order={3} size="h4">
        Ticket categories
      </Title>
      <Text size="sm" c="dimmed" mb="xs">
        A ticket keeps its help desk’s category; otherwise the workspace’s keyword rules label it, then the model
        trained on the tickets the help desk or a person labelled. A person’s correction wins and teaches the next fit.
      </Text>
      {model.error && <ErrorState error={model.error} />}
      {m ? (
        <Text data-testid="model-figures">
          Trained on {m.n} labelled tickets; {m.folds}-fold accuracy {pct(m.accuracy)}, macro-F1 {pct(m.macroF1)} (of
          the tickets held out in each fold, {pct(m.accuracy)} got the category the help desk or a person gave them;
          macro-F1 averages each category’s balance of precision and recall, each category counting alike). Trained{' '}
          {formatDate(m.trainedAt)}.
        </Text>
      ) : (
        !model.isLoading && (
          <Text>Not trained yet: label ten tickets or more, in two categories or more, and train.</Text>
        )
      )}
      {canWrite && (
        <Group mt="sm">
          <Button onClick={() => train.mutate()} loading={train.isPending}>
            Train on labelled tickets
          </Button>
          {train.isSuccess && <Text size="sm">Training queued; the figures update when it is done.</Text>}
          {train.error && <ErrorState error={train.error} />}
        </Group>
      )}
    </Paper>
  );
}
