import { Button, Group, Loader, Paper, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { get } from '../api/client.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { targetSentences } from './sla-text.ts';
import { SlaTargetsModal } from './SlaTargetsModal.tsx';
import type { SlaTargets } from './types.ts';

/**
 * The workspace's service-level targets said per priority, to a first answer and to solving, which the breaches
 * above are counted against; those who work support change them in a dialog.
 */
export function SlaTargetsCard({ canWrite }: { canWrite: boolean }) {
  const [editing, setEditing] = useState(false);
  const sla = useQuery({ queryKey: ['support', 'sla'], queryFn: () => get<SlaTargets>('/api/v1/support/sla') });
  return (
    <Paper withBorder p="md" data-testid="sla-targets">
      <Group justify="space-between" align="flex-start">
        <Title order={3} size="h4">
          Service-level targets
        </Title>
        {canWrite && sla.data && (
          <Button variant="light" size="xs" onClick={() => setEditing(true)}>
            Change the targets
          </Button>
        )}
      </Group>
      <Text size="sm" c="dimmed" mb="xs">
        What the workspace promises customers, per ticket priority as the help desk sets it, counted around the clock
        from the ticket’s opening. In the load per account, a ticket first answered later than its target, or still
        waiting past it, is a first-response breach; one solved later than its target, or still open past it, is a
        resolution breach.
      </Text>
      {sla.isLoading && <Loader aria-label="Loading the service-level targets" />}
      {sla.error && <ErrorState error={sla.error} />}
      {sla.data && (
        <Text component="ul" size="sm" m={0} data-testid="sla-sentences">
          {targetSentences(sla.data).map((line) => (
            <li key={line}>{line}</li>
          ))}
        </Text>
      )}
      {editing && sla.data && <SlaTargetsModal targets={sla.data} onClose={() => setEditing(false)} />}
    </Paper>
  );
}
