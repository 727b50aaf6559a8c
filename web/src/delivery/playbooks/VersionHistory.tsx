import { Anchor, Badge, Group, Paper, Table, Text, Title } from '@mantine/core';
import { formatDateTime } from '../../ui/format.ts';
import { exportUrl, type PlaybookDetail } from './playbook-api.ts';

/** Every saved version, newest first; each can be downloaded as it was. Projects keep the version they started from. */
export function VersionHistory({ playbook }: { playbook: PlaybookDetail }) {
  return (
    <Paper withBorder p="md">
      <Title order={4} mb="xs">
        Version history
      </Title>
      <Table verticalSpacing={4} data-testid="playbook-versions">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Version</Table.Th>
            <Table.Th>Note</Table.Th>
            <Table.Th>Saved by</Table.Th>
            <Table.Th>When</Table.Th>
            <Table.Th>Tasks</Table.Th>
            <Table.Th>Effort</Table.Th>
            <Table.Th>File</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {playbook.versions.map((v) => (
            <Table.Tr key={v.version}>
              <Table.Td>
                v{v.version}
                {v.version === playbook.version && (
                  <Badge ml="xs" size="xs" variant="light">
                    current
                  </Badge>
                )}
              </Table.Td>
              <Table.Td>
                {v.note ?? (
                  <Text size="sm" c="dimmed">
                    —
                  </Text>
                )}
              </Table.Td>
              <Table.Td>{v.createdBy}</Table.Td>
              <Table.Td style={{ whiteSpace: 'nowrap' }}>{formatDateTime(v.createdAt)}</Table.Td>
              <Table.Td>{v.taskCount}</Table.Td>
              <Table.Td>{v.totalEffortHours} h</Table.Td>
              <Table.Td>
                <Group gap="xs" wrap="nowrap">
                  <Anchor size="sm" href={exportUrl(playbook.id, 'yaml', v.version)} download>
                    YAML
                  </Anchor>
                  <Anchor size="sm" href={exportUrl(playbook.id, 'json', v.version)} download>
                    JSON
                  </Anchor>
                </Group>
              </Table.Td>
            </Table.Tr>
          ))}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
