import { Badge, Group, Paper, Progress, SimpleGrid, Stack, Text, ThemeIcon, Title } from '@mantine/core';
import { IconCircleCheck, IconCircleDashed } from '@tabler/icons-react';
import { formatDate } from '../ui/format.ts';
import type { PortalView } from './portal-api.ts';

const STATUS: Record<string, { label: string; color: string }> = {
  queued: { label: 'Getting ready', color: 'gray' },
  active: { label: 'In progress', color: 'blue' },
  live: { label: 'Live', color: 'teal' },
  closed: { label: 'Completed', color: 'teal' },
  cancelled: { label: 'Cancelled', color: 'red' },
};

/** Where the project stands: its go-live against the date agreed, and the milestones reached so far. */
export function PortalSummary({ view }: { view: PortalView }) {
  const p = view.project;
  const status = STATUS[p.status] ?? { label: p.status, color: 'gray' };
  const reached = view.milestones.filter((m) => m.completedOn).length;
  const late = !p.goLiveOn && p.promisedGoLive && p.forecastGoLive && p.forecastGoLive > p.promisedGoLive;
  return (
    <Paper withBorder p="lg">
      <Stack>
        <div>
          <Text size="sm" c="dimmed">
            {p.accountName ?? ''}
          </Text>
          <Group gap="sm">
            <Title order={1} size="h2">
              {p.name}
            </Title>
            <Badge color={status.color} variant="light" size="lg">
              {status.label}
            </Badge>
          </Group>
        </div>
        <SimpleGrid cols={{ base: 2, sm: 4 }}>
          <DateFigure label="Go-live agreed" value={formatDate(p.promisedGoLive)} />
          {p.goLiveOn ? (
            <DateFigure label="Went live" value={formatDate(p.goLiveOn)} />
          ) : (
            <DateFigure
              label="Expected go-live"
              value={formatDate(p.forecastGoLive)}
              color={late ? 'orange.8' : undefined}
              testId="portal-forecast"
            />
          )}
          <DateFigure label="Kickoff" value={formatDate(p.kickoffOn)} />
          <DateFigure label="First results" value={formatDate(p.firstValueOn)} />
        </SimpleGrid>
        {view.milestones.length > 0 && (
          <div>
            <Group justify="space-between" mb={4}>
              <Text size="sm" fw={600}>
                Milestones
              </Text>
              <Text size="sm" c="dimmed" data-testid="portal-milestones">
                {reached} of {view.milestones.length} reached
              </Text>
            </Group>
            <Progress
              value={(reached / view.milestones.length) * 100}
              color="teal"
              size="lg"
              mb="sm"
              aria-label={`${reached} of ${view.milestones.length} milestones reached`}
            />
            <SimpleGrid cols={{ base: 1, sm: 2, md: 3 }} spacing="xs">
              {view.milestones.map((m) => (
                <Group key={m.key} gap="xs" wrap="nowrap">
                  <ThemeIcon size="sm" radius="xl" variant="light" color={m.completedOn ? 'teal' : 'gray'}>
                    {m.completedOn ? <IconCircleCheck size={14} /> : <IconCircleDashed size={14} />}
                  </ThemeIcon>
                  <div>
                    <Text size="sm" fw={m.goLive || m.firstValue ? 600 : undefined}>
                      {m.name}
                    </Text>
                    <Text size="xs" c="dimmed">
                      {m.completedOn
                        ? `reached ${formatDate(m.completedOn)}`
                        : m.forecastOn
                          ? `expected ${formatDate(m.forecastOn)}`
                          : 'not scheduled'}
                    </Text>
                  </div>
                </Group>
              ))}
            </SimpleGrid>
          </div>
        )}
      </Stack>
    </Paper>
  );
}

function DateFigure({
  label,
  value,
  color,
  testId,
}: {
  label: string;
  value: string;
  color?: string;
  testId?: string;
}) {
  return (
    <div>
      <Text size="xs" c="dimmed">
        {label}
      </Text>
      <Text fw={700} size="lg" c={color} data-testid={testId}>
        {value}
      </Text>
    </div>
  );
}
