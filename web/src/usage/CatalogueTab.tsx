import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
  Paper,
  Stack,
  Table,
  TagsInput,
  Text,
  TextInput,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { OpenRow } from '../ui/OpenRow.tsx';
import type { Feature } from '../../../src/modules/usage/catalogue/catalogue.ts';
import { api, get } from '../api/client.ts';
import { can } from '../api/session.ts';
import type { Session } from '../api/types.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { TeamTraitField } from './TeamTraitField.tsx';

/** Adoption → Features: the catalogue mapping product events to features and the plans entitled to each. */
export function CatalogueTab({ session }: { session: Session }) {
  const features = useQuery({
    queryKey: ['usage-features'],
    queryFn: () => get<{ items: Feature[] }>('/api/v1/usage/features'),
  });
  const [editing, setEditing] = useState<Feature | 'new' | null>(null);
  const manage = can(session, 'workspace:manage');
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed">
          An event no feature lists counts as its own feature. A feature without plans is entitled to every plan.
        </Text>
        {manage && <Button onClick={() => setEditing('new')}>Add feature</Button>}
      </Group>
      <TeamTraitField manage={manage} />
      {features.isError && <ErrorState error={features.error} />}
      {features.isPending && <Loader />}
      {features.data && features.data.items.length === 0 && (
        <Alert color="gray" variant="light" title="No catalogue yet">
          Feature breadth counts distinct events until features are defined here.
        </Alert>
      )}
      {features.data && features.data.items.length > 0 && (
        <Paper withBorder>
          <Table data-testid="feature-table" highlightOnHover>
            <Table.Thead>
              <Table.Tr>
                <Table.Th>Key</Table.Th>
                <Table.Th>Name</Table.Th>
                <Table.Th>Events</Table.Th>
                <Table.Th>Plans</Table.Th>
              </Table.Tr>
            </Table.Thead>
            <Table.Tbody>
              {features.data.items.map((f) => (
                <OpenRow key={f.key} onOpen={manage ? () => setEditing(f) : undefined}>
                  <Table.Td>{f.key}</Table.Td>
                  <Table.Td>{f.name}</Table.Td>
                  <Table.Td>{f.events.join(', ') || <Text c="dimmed">{f.key}</Text>}</Table.Td>
                  <Table.Td>
                    {f.plans.length ? (
                      f.plans.map((p) => (
                        <Badge key={p} variant="light" mr={4}>
                          {p}
                        </Badge>
                      ))
                    ) : (
                      <Text c="dimmed">every plan</Text>
                    )}
                  </Table.Td>
                </OpenRow>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <Modal
        opened={editing !== null}
        onClose={() => setEditing(null)}
        title={editing === 'new' ? 'Add feature' : 'Edit feature'}
      >
        {editing !== null && (
          <FeatureForm feature={editing === 'new' ? null : editing} onDone={() => setEditing(null)} />
        )}
      </Modal>
    </Stack>
  );
}

function FeatureForm({ feature, onDone }: { feature: Feature | null; onDone: () => void }) {
  const qc = useQueryClient();
  const [key, setKey] = useState(feature?.key ?? '');
  const [name, setName] = useState(feature?.name ?? '');
  const [events, setEvents] = useState<string[]>(feature?.events ?? []);
  const [plans, setPlans] = useState<string[]>(feature?.plans ?? []);
  const done = () => {
    qc.invalidateQueries({ queryKey: ['usage-features'] });
    qc.invalidateQueries({ queryKey: ['adoption'] });
    onDone();
  };
  const save = useMutation({
    mutationFn: () =>
      feature
        ? api('PATCH', `/api/v1/usage/features/${encodeURIComponent(feature.key)}`, { name, events, plans })
        : api('POST', '/api/v1/usage/features', { key, name, events, plans }),
    onSuccess: done,
    onError: (err) => notifications.show({ color: 'red', message: err.message }),
  });
  const remove = useMutation({
    mutationFn: () => api('DELETE', `/api/v1/usage/features/${encodeURIComponent(feature?.key ?? '')}`),
    onSuccess: done,
    onError: (err) => notifications.show({ color: 'red', message: err.message }),
  });
  return (
    <Stack>
      <TextInput
        label="Key"
        value={key}
        onChange={(e) => setKey(e.currentTarget.value)}
        disabled={feature !== null}
        required
      />
      <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} required />
      <TagsInput
        label="Events"
        description="Product events that are usage of this feature"
        value={events}
        onChange={setEvents}
      />
      <TagsInput label="Plans" description="Leave empty: every plan is entitled" value={plans} onChange={setPlans} />
      <Group justify="space-between">
        {feature ? (
          <Button color="red" variant="subtle" onClick={() => remove.mutate()} loading={remove.isPending}>
            Delete
          </Button>
        ) : (
          <span />
        )}
        <Button onClick={() => save.mutate()} loading={save.isPending}>
          Save
        </Button>
      </Group>
    </Stack>
  );
}
