import {
  Badge,
  Button,
  Group,
  Loader,
  MultiSelect,
  Paper,
  Stack,
  Table,
  TagsInput,
  Text,
  Textarea,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { useState } from 'react';
import { ApiError, api, get } from '../api/client.ts';
import { can } from '../api/session.ts';
import type { Session } from '../api/types.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { formatDate } from '../ui/format.ts';

interface EventView {
  id: string;
  name: string;
  industries: string[];
  regions: string[];
  effectiveOn: string;
  note: string | null;
  createdBy: string;
  reviewFrom: string;
  inScope: number;
  reviewed: number;
  accounts: Array<{
    accountId: string;
    accountName: string;
    industry: string | null;
    region: string | null;
    review: { by: string; at: string; note: string | null } | null;
  }>;
}

const REGIONS = [
  { value: 'north_america', label: 'North America' },
  { value: 'emea', label: 'EMEA' },
  { value: 'apac', label: 'APAC' },
  { value: 'latam', label: 'LATAM' },
];
const regionLabel = (r: string | null) => REGIONS.find((x) => x.value === r)?.label ?? r ?? '—';

/**
 * Settings › Regulatory events: record a regulation (industries, regions, effective day) and see, per event, the
 * accounts in its scope and which were reviewed; a review closes that account's signal.
 */
export function RegulatoryTab({ session }: { session: Session }) {
  const events = useQuery({
    queryKey: ['regulatory-events'],
    queryFn: () => get<{ items: EventView[] }>('/api/v1/regulatory-events'),
  });
  if (events.isError) return <ErrorState error={events.error} />;
  if (!events.data) return <Loader aria-label="Loading regulatory events" />;
  return (
    <Stack>
      <Text size="sm" c="dimmed">
        Accounts whose industry and region an event names are asked for a review before it takes effect (the lead time
        is on the Signal rules tab); until someone links a review, the account carries a regulatory-change signal.
      </Text>
      {can(session, 'signals:manage') && <NewEvent />}
      {events.data.items.length === 0 && <Text>No regulatory event recorded yet.</Text>}
      {events.data.items.map((e) => (
        <EventCard key={e.id} event={e} canReview={can(session, 'relationship:write')} />
      ))}
    </Stack>
  );
}

function NewEvent() {
  const qc = useQueryClient();
  const [name, setName] = useState('');
  const [industries, setIndustries] = useState<string[]>([]);
  const [regions, setRegions] = useState<string[]>([]);
  const [effectiveOn, setEffectiveOn] = useState('');
  const [note, setNote] = useState('');
  const [errors, setErrors] = useState<Record<string, string>>({});
  const create = useMutation({
    mutationFn: () =>
      api<EventView>('POST', '/api/v1/regulatory-events', {
        name,
        industries,
        regions,
        effectiveOn,
        note: note.trim() || null,
      }),
    onSuccess: (e) => {
      setErrors({});
      setName('');
      setIndustries([]);
      setRegions([]);
      setEffectiveOn('');
      setNote('');
      qc.invalidateQueries({ queryKey: ['regulatory-events'] });
      qc.invalidateQueries({ queryKey: ['signals'] });
      notifications.show({ color: 'teal', message: `${e.name} recorded: ${e.inScope} accounts in scope` });
    },
    onError: (err) => {
      if (err instanceof ApiError) setErrors(err.fieldErrors());
      notifications.show({ color: 'red', message: err.message });
    },
  });
  return (
    <Paper withBorder p="md" component="form" onSubmit={(ev) => (ev.preventDefault(), create.mutate())}>
      <Title order={3} size="h4" mb="xs">
        Record a regulatory event
      </Title>
      <Stack gap="xs">
        <TextInput
          label="Name"
          required
          value={name}
          onChange={(e) => setName(e.currentTarget.value)}
          error={errors.name}
        />
        <TagsInput
          label="Industries"
          description="As accounts record them; leave empty for every industry. Press Enter after each."
          value={industries}
          onChange={setIndustries}
          error={errors.industries}
        />
        <MultiSelect
          label="Regions"
          description="Leave empty for every region"
          data={REGIONS}
          value={regions}
          onChange={setRegions}
          error={errors.regions}
        />
        <TextInput
          label="Effective date"
          type="date"
          required
          value={effectiveOn}
          onChange={(e) => setEffectiveOn(e.currentTarget.value)}
          error={errors.effectiveOn}
        />
        <Textarea label="Note" value={note} onChange={(e) => setNote(e.currentTarget.value)} error={errors.note} />
        <Group>
          <Button type="submit" loading={create.isPending}>
            Record event
          </Button>
        </Group>
      </Stack>
    </Paper>
  );
}

function EventCard({ event, canReview }: { event: EventView; canReview: boolean }) {
  const qc = useQueryClient();
  const review = useMutation({
    mutationFn: (accountId: string) =>
      api<EventView>('POST', `/api/v1/regulatory-events/${event.id}/reviews`, { accountId }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['regulatory-events'] });
      qc.invalidateQueries({ queryKey: ['signals'] });
    },
    onError: (err) => notifications.show({ color: 'red', message: err.message }),
  });
  const scope = [
    event.industries.length ? event.industries.join(', ') : 'every industry',
    event.regions.length ? event.regions.map(regionLabel).join(', ') : 'every region',
  ].join(' · ');
  return (
    <Paper withBorder p="md">
      <Group justify="space-between">
        <Title order={3} size="h4">
          {event.name}
        </Title>
        <Badge variant="light">Effective {formatDate(event.effectiveOn)}</Badge>
      </Group>
      <Text size="sm">{scope}</Text>
      {event.note && <Text size="sm">{event.note}</Text>}
      <Text size="sm" mt="xs">
        {event.reviewed} of {event.inScope} accounts in scope reviewed; reviews are asked for from{' '}
        {formatDate(event.reviewFrom)}.
      </Text>
      {event.accounts.length > 0 && (
        <Table mt="xs" striped>
          <Table.Caption>Accounts in the scope of {event.name}</Table.Caption>
          <Table.Thead>
            <Table.Tr>
              <Table.Th scope="col">Account</Table.Th>
              <Table.Th scope="col">Industry</Table.Th>
              <Table.Th scope="col">Region</Table.Th>
              <Table.Th scope="col">Review</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {event.accounts.map((a) => (
              <Table.Tr key={a.accountId}>
                <Table.Td>{a.accountName}</Table.Td>
                <Table.Td>{a.industry ?? '—'}</Table.Td>
                <Table.Td>{regionLabel(a.region)}</Table.Td>
                <Table.Td>
                  {a.review ? (
                    `Reviewed by ${a.review.by} on ${formatDate(a.review.at)}`
                  ) : canReview ? (
                    <Button
                      size="xs"
                      variant="light"
                      loading={review.isPending && review.variables === a.accountId}
                      onClick={() => review.mutate(a.accountId)}
                      aria-label={`Mark ${event.name} reviewed for ${a.accountName}`}
                    >
                      Mark reviewed
                    </Button>
                  ) : (
                    'Not reviewed'
                  )}
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
      )}
    </Paper>
  );
}
