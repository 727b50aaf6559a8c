import { Button, Group, Text, TextInput } from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useEffect, useState } from 'react';
import { api, ApiError, get } from '../api/client.ts';

/** The identify trait that names a product user's team or department, which the "new team active" plays read. */
export function TeamTraitField({ manage }: { manage: boolean }) {
  const qc = useQueryClient();
  const current = useQuery({
    queryKey: ['usage-team-trait'],
    queryFn: () => get<{ traitKey: string }>('/api/v1/usage/team-trait'),
  });
  const [key, setKey] = useState('');
  const [error, setError] = useState<string | undefined>();
  useEffect(() => {
    if (current.data) setKey(current.data.traitKey);
  }, [current.data]);
  const save = useMutation({
    mutationFn: () => api<{ traitKey: string }>('PUT', '/api/v1/usage/team-trait', { traitKey: key }),
    onSuccess: () => {
      setError(undefined);
      notifications.show({ color: 'teal', message: 'Team trait saved' });
      void qc.invalidateQueries({ queryKey: ['usage-team-trait'] });
    },
    onError: (err) => setError(err instanceof ApiError ? err.fieldErrors()['body.traitKey'] : err.message),
  });
  return (
    <Group align="flex-end">
      <TextInput
        label="Team trait"
        description="The identify trait (Segment traits, PostHog person properties) naming a user's team or department"
        value={key}
        onChange={(e) => setKey(e.currentTarget.value)}
        error={error}
        disabled={!manage}
        w={420}
      />
      {manage && (
        <Button variant="default" onClick={() => save.mutate()} loading={save.isPending}>
          Save
        </Button>
      )}
      <Text size="sm" c="dimmed">
        Kept per user from the identify calls that follow; a team new to an account can start a play.
      </Text>
    </Group>
  );
}
