import {
  Alert,
  Badge,
  Button,
  Group,
  Loader,
  Modal,
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
import { lazy, Suspense, useState } from 'react';
import type { Feature } from '../../../src/modules/usage/catalogue/catalogue.ts';
import type { Release, UnderuseRow } from '../../../src/modules/usage/releases/release.ts';
import { api, get } from '../api/client.ts';
import { can } from '../api/session.ts';
import type { Session } from '../api/types.ts';
import { ErrorState } from '../ui/ErrorState.tsx';

const ReleaseUnderuseChart = lazy(() => import('./ReleaseUnderuseChart.tsx'));
const pct = (v: number | null) => (v === null ? '—' : `${Math.round(v * 100)} %`);

/** Adoption → Releases: the releases, the features they introduced, and which features entitled accounts leave unused. */
export function ReleasesTab({ session }: { session: Session }) {
  const releases = useQuery({
    queryKey: ['usage-releases'],
    queryFn: () => get<{ items: Release[] }>('/api/v1/usage/releases'),
  });
  const report = useQuery({
    queryKey: ['usage-releases', 'underuse'],
    queryFn: () => get<{ asOf: string; items: UnderuseRow[] }>('/api/v1/usage/releases/underuse'),
  });
  const [adding, setAdding] = useState(false);
  return (
    <Stack>
      <Title order={4}>Release underuse</Title>
      {report.isError && <ErrorState error={report.error} />}
      {report.isPending && <Loader />}
      {report.data && report.data.items.length === 0 && <Text c="dimmed">No released features yet.</Text>}
      {report.data && report.data.items.length > 0 && (
        <>
          <Suspense fallback={<Loader />}>
            <ReleaseUnderuseChart rows={report.data.items} />
          </Suspense>
          <Paper withBorder>
            <Table data-testid="underuse-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Feature</Table.Th>
                  <Table.Th>Release</Table.Th>
                  <Table.Th>Released</Table.Th>
                  <Table.Th>Entitled accounts</Table.Th>
                  <Table.Th>Using it</Table.Th>
                  <Table.Th>Share</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {report.data.items.map((r) => (
                  <Table.Tr key={r.feature}>
                    <Table.Td>{r.featureName}</Table.Td>
                    <Table.Td>
                      {r.releaseName}{' '}
                      {r.version && (
                        <Text span c="dimmed">
                          {r.version}
                        </Text>
                      )}
                    </Table.Td>
                    <Table.Td>
                      {r.releasedOn}{' '}
                      <Text span size="xs" c="dimmed">
                        ({r.daysSinceRelease} d)
                      </Text>
                    </Table.Td>
                    <Table.Td>{r.entitledAccounts}</Table.Td>
                    <Table.Td>{r.usingAccounts}</Table.Td>
                    <Table.Td>
                      <Badge color={r.flagged ? 'red' : r.eligible ? 'teal' : 'gray'} variant="light">
                        {pct(r.share)}
                        {r.flagged ? ' · underused' : r.eligible ? '' : ' · too recent'}
                      </Badge>
                    </Table.Td>
                  </Table.Tr>
                ))}
              </Table.Tbody>
            </Table>
          </Paper>
        </>
      )}
      <Group justify="space-between">
        <Title order={4}>Releases</Title>
        {can(session, 'workspace:manage') && <Button onClick={() => setAdding(true)}>Add release</Button>}
      </Group>
      {releases.isError && <ErrorState error={releases.error} />}
      {releases.data && releases.data.items.length === 0 && (
        <Alert color="gray" variant="light">
          Record releases and the catalogue features they introduced to see which ones entitled accounts use.
        </Alert>
      )}
      {releases.data && releases.data.items.length > 0 && (
        <Paper withBorder>
          <Table data-testid="release-table">
            <Table.Tbody>
              {releases.data.items.map((r) => (
                <Table.Tr key={r.id}>
                  <Table.Td>{r.releasedOn}</Table.Td>
                  <Table.Td>
                    {r.name}{' '}
                    {r.version && (
                      <Text span c="dimmed">
                        {r.version}
                      </Text>
                    )}
                  </Table.Td>
                  <Table.Td>{r.features.join(', ')}</Table.Td>
                  <Table.Td>{r.plans ? r.plans.join(', ') || 'every plan' : 'features’ plans'}</Table.Td>
                </Table.Tr>
              ))}
            </Table.Tbody>
          </Table>
        </Paper>
      )}
      <Modal opened={adding} onClose={() => setAdding(false)} title="Add release">
        {adding && <ReleaseForm onDone={() => setAdding(false)} />}
      </Modal>
    </Stack>
  );
}

function ReleaseForm({ onDone }: { onDone: () => void }) {
  const qc = useQueryClient();
  const features = useQuery({
    queryKey: ['usage-features'],
    queryFn: () => get<{ items: Feature[] }>('/api/v1/usage/features'),
  });
  const [name, setName] = useState('');
  const [version, setVersion] = useState('');
  const [releasedOn, setReleasedOn] = useState('');
  const [notes, setNotes] = useState('');
  const [chosen, setChosen] = useState<string[]>([]);
  const [plans, setPlans] = useState<string[]>([]);
  const save = useMutation({
    mutationFn: () =>
      api('POST', '/api/v1/usage/releases', {
        name,
        version: version || null,
        releasedOn,
        notes: notes || null,
        features: chosen,
        plans: plans.length ? plans : null,
      }),
    onSuccess: () => {
      qc.invalidateQueries({ queryKey: ['usage-releases'] });
      onDone();
    },
    onError: (err) => notifications.show({ color: 'red', message: err.message }),
  });
  return (
    <Stack>
      <TextInput label="Name" value={name} onChange={(e) => setName(e.currentTarget.value)} required />
      <TextInput label="Version" value={version} onChange={(e) => setVersion(e.currentTarget.value)} />
      <TextInput
        label="Released on"
        placeholder="YYYY-MM-DD"
        value={releasedOn}
        onChange={(e) => setReleasedOn(e.currentTarget.value)}
        required
      />
      <MultiSelect
        label="Features introduced"
        data={(features.data?.items ?? []).map((f) => ({ value: f.key, label: f.name }))}
        value={chosen}
        onChange={setChosen}
        searchable
      />
      <TagsInput
        label="Plans entitled"
        description="Leave empty: each feature's own plans"
        value={plans}
        onChange={setPlans}
      />
      <Textarea label="Notes" value={notes} onChange={(e) => setNotes(e.currentTarget.value)} />
      <Button onClick={() => save.mutate()} loading={save.isPending}>
        Save
      </Button>
    </Stack>
  );
}
