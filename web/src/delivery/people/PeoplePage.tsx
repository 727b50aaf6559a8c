import { Badge, Button, Grid, Group, Paper, Stack, Table, Text, TextInput, Title } from '@mantine/core';
import { IconPlus, IconSearch } from '@tabler/icons-react';
import { useState } from 'react';
import { OpenRow } from '../../ui/OpenRow.tsx';
import { useNames } from '../../api/queries.ts';
import { can } from '../../api/session.ts';
import type { Session } from '../../api/types.ts';
import { ErrorState } from '../../ui/ErrorState.tsx';
import { formatDate } from '../../ui/format.ts';
import { HolidaysCard } from './HolidaysCard.tsx';
import { CsvImportCard } from '../../imports/CsvImportCard.tsx';
import { PersonDrawer } from './PersonDrawer.tsx';
import { type Resource, roleLabel, usePeople, useTimeOff, WEEKDAYS } from './people-api.ts';

const days = (d: number[]) =>
  d.join(',') === '1,2,3,4,5' ? 'Mon–Fri' : d.map((n) => WEEKDAYS[n - 1]?.label).join(' ');

/** The people who deliver: role, capacity, firm, skills and (with margin:read) rates; time off; holidays; the capacity import. */
export function PeoplePage({ session }: { session: Session }) {
  const people = usePeople();
  const timeOff = useTimeOff();
  const names = useNames(can(session, 'users:read'));
  const showRates = can(session, 'margin:read');
  const mayEdit = can(session, 'resources:write');
  const [q, setQ] = useState('');
  const [open, setOpen] = useState<Resource | 'new' | null>(null);
  const today = new Date().toISOString().slice(0, 10);
  const rows = (people.data ?? []).filter(
    (p) => !q || `${p.name} ${p.email ?? ''} ${p.skills.join(' ')}`.toLowerCase().includes(q.toLowerCase()),
  );
  const offOf = (id: string) => (timeOff.data ?? []).filter((o) => o.resourceId === id);
  const away = (id: string) => offOf(id).find((o) => o.to >= today);
  if (people.isError) return <ErrorState error={people.error} />;
  return (
    <Stack p="md">
      <Group justify="space-between">
        <Title order={2}>People</Title>
        {mayEdit && (
          <Button leftSection={<IconPlus size={16} />} onClick={() => setOpen('new')} data-testid="add-person">
            Add a person
          </Button>
        )}
      </Group>
      <TextInput
        placeholder="Search name, email or skill"
        leftSection={<IconSearch size={16} />}
        value={q}
        onChange={(e) => setQ(e.currentTarget.value)}
        w={320}
        aria-label="Search people"
      />
      <Paper withBorder>
        <Table highlightOnHover verticalSpacing="xs" data-testid="people-table">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Name</Table.Th>
              <Table.Th>Role</Table.Th>
              <Table.Th>Capacity</Table.Th>
              <Table.Th>Partner</Table.Th>
              <Table.Th>Skills</Table.Th>
              {showRates && <Table.Th>Cost / bill rate</Table.Th>}
              <Table.Th>Next time off</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {rows.map((p) => (
              <OpenRow key={p.id} onOpen={() => setOpen(p)} data-testid="person-row">
                <Table.Td>
                  <Text size="sm" fw={500}>
                    {p.name}{' '}
                    {!p.active && (
                      <Badge size="xs" color="gray">
                        inactive
                      </Badge>
                    )}
                  </Text>
                  <Text size="xs" c="dimmed">
                    {p.email ?? ''}
                  </Text>
                </Table.Td>
                <Table.Td>{roleLabel(p.role)}</Table.Td>
                <Table.Td>
                  {p.weeklyCapacityHours} h/week · {days(p.workingDays)}
                </Table.Td>
                <Table.Td>{names.partner(p.partnerId) ?? 'Own staff'}</Table.Td>
                <Table.Td>
                  <Group gap={4}>
                    {p.skills.map((s) => (
                      <Badge key={s} size="xs" variant="light">
                        {s}
                      </Badge>
                    ))}
                  </Group>
                </Table.Td>
                {showRates && (
                  <Table.Td>
                    {p.costRate} / {p.billRate}
                  </Table.Td>
                )}
                <Table.Td>
                  {away(p.id) ? `${formatDate(away(p.id)?.from)} – ${formatDate(away(p.id)?.to)}` : '—'}
                </Table.Td>
              </OpenRow>
            ))}
            {rows.length === 0 && !people.isPending && (
              <Table.Tr>
                <Table.Td colSpan={7} c="dimmed">
                  No people yet{mayEdit ? ': add them one by one or import a CSV below.' : '.'}
                </Table.Td>
              </Table.Tr>
            )}
          </Table.Tbody>
        </Table>
      </Paper>
      <Grid>
        <Grid.Col span={{ base: 12, md: 5 }}>
          <HolidaysCard canEdit={mayEdit} />
        </Grid.Col>
        {mayEdit && (
          <Grid.Col span={{ base: 12, md: 7 }}>
            <CsvImportCard
              refresh={['delivery']}
              testId="delivery-import"
              title="Import people and capacity"
              url="/api/v1/imports/resources"
              help="Columns: name, role (required), email, weekly_capacity_hours, working_days (e.g. Mon-Fri), skills (a;b), cost_rate, bill_rate, partner, active. People are matched by email, else name: importing again changes nothing."
            />
          </Grid.Col>
        )}
      </Grid>
      <PersonDrawer
        person={open === 'new' ? null : open}
        opened={open !== null}
        onClose={() => setOpen(null)}
        showRates={showRates}
        timeOff={open && open !== 'new' ? offOf(open.id) : []}
      />
    </Stack>
  );
}
