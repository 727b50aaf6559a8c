import { Paper, Stack, Switch, Text, Title } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { api, get } from '../api/client.ts';

interface Guard {
  signed: boolean;
  financeConfirmed: boolean;
}

/** The closed-won guard: what a won deal needs before it enters the post-sale journey. */
export function DealGuardSettings() {
  const qc = useQueryClient();
  const guard = useQuery({ queryKey: ['deal-guard'], queryFn: () => get<Guard>('/api/v1/settings/deal-guard') });
  const save = useMutation({
    mutationFn: (g: Guard) => api<Guard>('PUT', '/api/v1/settings/deal-guard', g),
    onSuccess: (g) => {
      qc.setQueryData(['deal-guard'], g);
      qc.invalidateQueries({ queryKey: ['deals'] });
      notifications.show({ color: 'teal', message: 'Closed-won guard saved; waiting deals were checked again' });
    },
  });
  const g = guard.data;
  return (
    <Paper withBorder p="md">
      <Stack gap="xs">
        <Title order={4}>Closed-won guard</Title>
        <Text size="sm" c="dimmed">
          A deal enters the post-sale journey when it is won and:
        </Text>
        <Switch
          label="the contract is signed"
          checked={g?.signed ?? true}
          disabled={!g || save.isPending}
          onChange={(e) => g && save.mutate({ ...g, signed: e.currentTarget.checked })}
        />
        <Switch
          label="finance confirmed the booking"
          checked={g?.financeConfirmed ?? true}
          disabled={!g || save.isPending}
          onChange={(e) => g && save.mutate({ ...g, financeConfirmed: e.currentTarget.checked })}
        />
      </Stack>
    </Paper>
  );
}
