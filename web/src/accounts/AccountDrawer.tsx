import { Anchor, Badge, Drawer, Group, Loader, SimpleGrid, Stack, Table, Text, Title } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { Link } from 'react-router';
import { get } from '../api/client.ts';
import { useNames } from '../api/queries.ts';
import { can } from '../api/session.ts';
import type { Account, Contact, Session } from '../api/types.ts';
import { SignalList } from '../signals/SignalList.tsx';
import { AccountAdoptionSummary } from '../usage/AccountAdoptionSummary.tsx';
import { AccountHealthCard } from '../health/AccountHealthCard.tsx';
import { AccountRiskCard } from '../health/AccountRiskCard.tsx';
import { StakeholdersCard } from '../relationship/StakeholdersCard.tsx';
import { ErrorState } from '../ui/ErrorState.tsx';
import { OwnershipCard } from './OwnershipCard.tsx';
import { formatAgo, formatDate } from '../ui/format.ts';
import { CONTACT_ROLES, PHASE_COLORS, PHASES, REGIONS, SEGMENTS } from '../ui/labels.ts';

function Field({ label, value }: { label: string; value: string }) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text size="sm">{value}</Text>
    </div>
  );
}

export function AccountDrawer({
  accountId,
  onClose,
  session,
}: {
  accountId: string | null;
  onClose: () => void;
  session: Session;
}) {
  const names = useNames(can(session, 'users:read'));
  const account = useQuery({
    queryKey: ['account', accountId],
    queryFn: () => get<Account & { contacts: Contact[] }>(`/api/v1/accounts/${accountId}`),
    enabled: accountId !== null,
  });
  const a = account.data;
  return (
    <Drawer opened={accountId !== null} onClose={onClose} position="right" size="xl" title={a?.name ?? 'Account'}>
      {account.isPending && <Loader />}
      {account.isError && <ErrorState error={account.error} />}
      {a && (
        <Stack data-testid="account-detail">
          <Anchor component={Link} to={`/accounts/${a.id}`} fw={600} data-testid="open-account-page">
            Open account page
          </Anchor>
          <Group gap="xs">
            <Badge variant="light" color={PHASE_COLORS[a.lifecyclePhase]}>
              {PHASES[a.lifecyclePhase]}
            </Badge>
            <Badge variant="outline" color={a.segment ? undefined : 'gray'}>
              {a.segment ? SEGMENTS[a.segment] : 'no segment'}
            </Badge>
            {a.industry && <Badge variant="outline">{a.industry}</Badge>}
          </Group>
          <SimpleGrid cols={3}>
            <Field label="Domain" value={a.domain ?? '—'} />
            <Field
              label="Region"
              value={`${a.region ? REGIONS[a.region] : '—'}${a.country ? ` · ${a.country}` : ''}`}
            />
            <Field label="In Baton since" value={formatDate(a.createdAt)} />
            <Field label="Account executive" value={names.user(a.aeUserId)} />
            <Field label="Delivery lead" value={names.user(a.deliveryLeadUserId)} />
            <Field label="Customer success" value={names.user(a.csmUserId)} />
            <Field label="Account manager" value={names.user(a.accountManagerUserId)} />
            <Field label="Partner" value={names.partner(a.partnerId) ?? '—'} />
            <Field label="Renews" value={formatDate(a.renewalDate)} />
          </SimpleGrid>
          <SignalList accountId={a.id} />
          {can(session, 'usage:read') && <AccountAdoptionSummary accountId={a.id} />}
          {can(session, 'health:read') && <AccountHealthCard accountId={a.id} />}
          {can(session, 'health:read') && <AccountRiskCard accountId={a.id} />}
          <OwnershipCard accountId={a.id} session={session} />
          {can(session, 'relationship:read') ? (
            <StakeholdersCard accountId={a.id} />
          ) : (
            <>
              <Title order={4} mt="md">
                Stakeholders
              </Title>
              <Table verticalSpacing={6} data-testid="stakeholders">
                <Table.Thead>
                  <Table.Tr>
                    <Table.Th>Name</Table.Th>
                    <Table.Th>Role</Table.Th>
                    <Table.Th>Title</Table.Th>
                    <Table.Th>Last touch</Table.Th>
                  </Table.Tr>
                </Table.Thead>
                <Table.Tbody>
                  {a.contacts.map((c) => (
                    <Table.Tr key={c.id} c={c.leftAt ? 'dimmed' : undefined}>
                      <Table.Td>
                        <Text size="sm">{c.name}</Text>
                        <Text size="xs" c="dimmed">
                          {c.email}
                        </Text>
                      </Table.Td>
                      <Table.Td>{CONTACT_ROLES[c.role] ?? c.role}</Table.Td>
                      <Table.Td>{c.title ?? '—'}</Table.Td>
                      <Table.Td style={{ whiteSpace: 'nowrap' }}>
                        {c.leftAt ? (
                          <Badge color="red" variant="light">
                            Left {formatDate(c.leftAt)}
                          </Badge>
                        ) : (
                          formatAgo(c.lastTouchAt)
                        )}
                      </Table.Td>
                    </Table.Tr>
                  ))}
                </Table.Tbody>
              </Table>
              {a.contacts.length === 0 && <Text c="dimmed">No stakeholders recorded yet.</Text>}
            </>
          )}
        </Stack>
      )}
    </Drawer>
  );
}
