import {
  Alert,
  Badge,
  Button,
  Code,
  CopyButton,
  Group,
  Modal,
  Paper,
  PasswordInput,
  Select,
  Stack,
  Table,
  Text,
  TextInput,
  Title,
} from '@mantine/core';
import { notifications } from '@mantine/notifications';
import { useMutation, useQuery, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { api, ApiError, get, query } from '../api/client.ts';
import type { Integration, Page, Session, WebhookDelivery } from '../api/types.ts';
import { confirmAction } from '../ui/confirm.ts';
import { ErrorState } from '../ui/ErrorState.tsx';
import { formatAgo, formatDateTime } from '../ui/format.ts';

const label = (source: string) => (source === 'hubspot' ? 'HubSpot' : source);

/** What to paste where, per kind of source. */
function SetupHint({ integration }: { integration: Integration }) {
  if (integration.kind === 'hubspot') {
    return (
      <Text size="xs" c="dimmed">
        In your HubSpot app: Webhooks → target URL. The secret is the app’s client secret (Auth tab); subscribe to deal
        creation, deletion and property changes (dealname, dealstage, pipeline, amount, deal_currency_code, closedate,
        createdate, hubspot_owner_id).
      </Text>
    );
  }
  return (
    <Text size="xs" c="dimmed">
      POST JSON with <Code>X-Baton-Source: {integration.source}</Code> and{' '}
      <Code>X-Baton-Signature: sha256=&lt;hex HMAC-SHA256 of the body&gt;</Code>.
    </Text>
  );
}

function SecretModal({ source, onClose }: { source: string | null; onClose: () => void }) {
  const qc = useQueryClient();
  const isNew = source === '';
  const [name, setName] = useState('');
  const [secret, setSecret] = useState('');
  const save = useMutation({
    mutationFn: () => api<Integration>('PUT', '/api/v1/integrations', { source: isNew ? name : source, secret }),
    onSuccess: (i) => {
      notifications.show({
        color: 'teal',
        message: `Webhook secret of ${label(i.source)} saved (ends in …${i.secret.last4})`,
      });
      qc.invalidateQueries({ queryKey: ['integrations'] });
      close();
    },
  });
  const errors = save.error instanceof ApiError ? save.error.fieldErrors() : {};
  const close = () => {
    setName('');
    setSecret('');
    save.reset();
    onClose();
  };
  const submit = (e: FormEvent) => {
    e.preventDefault();
    save.mutate();
  };
  return (
    <Modal
      opened={source !== null}
      onClose={close}
      title={isNew ? 'Connect a CRM' : `Webhook secret of ${label(source ?? '')}`}
      size="lg"
    >
      <Stack component="form" onSubmit={submit} data-testid="integration-secret-form">
        {isNew && (
          <TextInput
            label="Source name"
            description="What the CRM sends in X-Baton-Source, e.g. salesforce or pipedrive"
            required
            value={name}
            onChange={(e) => setName(e.currentTarget.value)}
            error={errors.source}
            data-testid="integration-source"
          />
        )}
        <PasswordInput
          label="Secret"
          description={
            source === 'hubspot'
              ? 'Your HubSpot app’s client secret'
              : 'A shared secret of 16 or more characters; the CRM signs with it'
          }
          required
          value={secret}
          onChange={(e) => setSecret(e.currentTarget.value)}
          error={errors.secret}
          data-testid="integration-secret"
        />
        {save.error && !errors.secret && !errors.source && <Alert color="red">{save.error.message}</Alert>}
        <Text size="xs" c="dimmed">
          Baton keeps the secret to check signatures and never shows it again: only its last 4 characters.
        </Text>
        <Group justify="flex-end">
          <Button variant="default" onClick={close}>
            Cancel
          </Button>
          <Button type="submit" loading={save.isPending}>
            Save secret
          </Button>
        </Group>
      </Stack>
    </Modal>
  );
}

function Deliveries({ sources }: { sources: string[] }) {
  const [source, setSource] = useState<string | null>(null);
  const deliveries = useQuery({
    queryKey: ['integrations', 'deliveries', source],
    queryFn: () => get<Page<WebhookDelivery>>(`/api/v1/integrations/deliveries${query({ source, limit: 25 })}`),
  });
  return (
    <Stack gap="xs">
      <Group justify="space-between">
        <Title order={4}>Recent deliveries</Title>
        <Select
          placeholder="All sources"
          data={sources.map((s) => ({ value: s, label: label(s) }))}
          value={source}
          onChange={setSource}
          clearable
          w={200}
        />
      </Group>
      <Text size="xs" c="dimmed">
        Requests whose signature checked out. Refused requests (bad signature, stale timestamp) are not stored: they are
        in the server log with their request id.
      </Text>
      {deliveries.isError && <ErrorState error={deliveries.error} />}
      <Paper withBorder>
        <Table verticalSpacing="xs" data-testid="webhook-deliveries-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Received</Table.Th>
              <Table.Th>Source</Table.Th>
              <Table.Th>Events</Table.Th>
              <Table.Th>Outcome</Table.Th>
              <Table.Th>Detail</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(deliveries.data?.items ?? []).map((d) => (
              <Table.Tr key={d.id}>
                <Table.Td>{formatDateTime(d.receivedAt)}</Table.Td>
                <Table.Td>{label(d.source)}</Table.Td>
                <Table.Td>
                  <Text size="sm">{d.received}</Text>
                  {d.status === 'accepted' && (
                    <Text size="xs" c="dimmed">
                      {d.applied} applied · {d.duplicates} duplicate · {d.ignored} ignored
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Badge variant="light" color={d.status === 'accepted' ? 'teal' : 'red'}>
                    {d.status}
                  </Badge>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" lineClamp={2} title={d.detail ?? undefined}>
                    {d.detail ?? ''}
                  </Text>
                  <Text size="xs" c="dimmed">
                    request {d.requestId ?? '—'}
                  </Text>
                </Table.Td>
              </Table.Tr>
            ))}
          </Table.Tbody>
        </Table>
        {deliveries.data?.items.length === 0 && (
          <Text p="md" c="dimmed">
            No deliveries yet.
          </Text>
        )}
      </Paper>
    </Stack>
  );
}

/** Settings → Integrations: where each CRM sends its webhooks, their secrets (never shown) and what arrived. */
export function IntegrationsTab({ session }: { session: Session }) {
  const qc = useQueryClient();
  const integrations = useQuery({
    queryKey: ['integrations'],
    queryFn: () => get<{ items: Integration[] }>('/api/v1/integrations').then((r) => r.items),
  });
  const [editing, setEditing] = useState<string | null>(null);
  const remove = useMutation({
    mutationFn: (source: string) => api<Integration>('PUT', '/api/v1/integrations', { source, secret: null }),
    onSuccess: (i) => {
      notifications.show({ message: `Webhook secret of ${label(i.source)} removed: its webhooks are now refused` });
      qc.invalidateQueries({ queryKey: ['integrations'] });
    },
    onError: (err) => notifications.show({ color: 'red', message: err.message }),
  });
  const origin = window.location.origin;
  return (
    <Stack>
      <Group justify="space-between">
        <Text size="sm" c="dimmed" maw={720}>
          CRMs push deal changes to Baton as they happen. Paste a source’s webhook URL into the CRM and give Baton the
          secret it signs with; a request with a wrong signature changes nothing.
        </Text>
        <Button variant="light" onClick={() => setEditing('')}>
          Connect a CRM
        </Button>
      </Group>
      {integrations.isError && <ErrorState error={integrations.error} />}
      <Paper withBorder>
        <Table verticalSpacing="sm" data-testid="integrations-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Source</Table.Th>
              <Table.Th>Webhook URL</Table.Th>
              <Table.Th>Secret</Table.Th>
              <Table.Th>Last event</Table.Th>
              <Table.Th>Last 7 days</Table.Th>
              <Table.Th />
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {(integrations.data ?? []).map((i) => {
              const url = `${origin}${i.webhookPath}`;
              return (
                <Table.Tr key={i.source} data-testid={`integration-${i.source}`}>
                  <Table.Td>
                    <Text fw={500}>{label(i.source)}</Text>
                    <Text size="xs" c="dimmed">
                      {i.kind === 'hubspot' ? 'HubSpot v3 signature' : 'generic signed webhook'}
                    </Text>
                  </Table.Td>
                  <Table.Td maw={420}>
                    <Group gap="xs" wrap="nowrap">
                      <Code>{url}</Code>
                      <CopyButton value={url}>
                        {({ copied, copy }) => (
                          <Button size="compact-xs" variant="subtle" onClick={copy}>
                            {copied ? 'Copied' : 'Copy'}
                          </Button>
                        )}
                      </CopyButton>
                    </Group>
                    <SetupHint integration={i} />
                  </Table.Td>
                  <Table.Td>
                    {i.secret.set ? (
                      <>
                        <Badge variant="light" color="teal">
                          set · …{i.secret.last4}
                        </Badge>
                        <Text size="xs" c="dimmed">
                          {formatDateTime(i.secret.setAt)} by {i.secret.setBy}
                        </Text>
                      </>
                    ) : (
                      <Badge variant="light" color="gray">
                        not set
                      </Badge>
                    )}
                  </Table.Td>
                  <Table.Td>{formatAgo(i.lastEventAt)}</Table.Td>
                  <Table.Td>
                    <Text size="sm">{i.last7Days.applied} applied</Text>
                    <Text size="xs" c={i.last7Days.rejected ? 'red' : 'dimmed'}>
                      {i.last7Days.ignored} ignored · {i.last7Days.rejected} rejected
                    </Text>
                  </Table.Td>
                  <Table.Td>
                    <Group gap="xs" wrap="nowrap">
                      <Button size="xs" variant="default" onClick={() => setEditing(i.source)}>
                        {i.secret.set ? 'Replace secret' : 'Set secret'}
                      </Button>
                      {i.secret.set && (
                        <Button
                          size="xs"
                          variant="subtle"
                          color="red"
                          loading={remove.isPending && remove.variables === i.source}
                          onClick={() =>
                            confirmAction(
                              `Remove the ${label(i.source)} secret? Its webhooks will be refused until a new one is set.`,
                            ) && remove.mutate(i.source)
                          }
                        >
                          Remove
                        </Button>
                      )}
                    </Group>
                  </Table.Td>
                </Table.Tr>
              );
            })}
          </Table.Tbody>
        </Table>
      </Paper>
      <Text size="xs" c="dimmed">
        Workspace <Code>{session.workspace.slug}</Code>. Behind a proxy, set <Code>BATON_PUBLIC_URL</Code> on the server
        to the address the CRM calls: HubSpot signs the full URL.
      </Text>
      <Deliveries sources={(integrations.data ?? []).map((i) => i.source)} />
      <SecretModal source={editing} onClose={() => setEditing(null)} />
    </Stack>
  );
}
