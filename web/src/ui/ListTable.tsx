import { Paper, Table, Text } from '@mantine/core';
import type { ReactNode } from 'react';

export interface ListColumn {
  label: string;
  right?: boolean;
}

/**
 * A bordered table of a list read from the API: its header, its rows (children), and while there are none a
 * single row saying so (`Loading…` until the first answer).
 */
export function ListTable({
  testId,
  columns,
  rows,
  pending,
  empty,
  children,
}: {
  testId: string;
  columns: ListColumn[];
  rows: number;
  pending: boolean;
  empty: string;
  children: ReactNode;
}) {
  return (
    <Paper withBorder>
      <Table verticalSpacing="xs" data-testid={testId}>
        <Table.Thead>
          <Table.Tr>
            {columns.map((c) => (
              <Table.Th key={c.label} ta={c.right ? 'right' : undefined}>
                {c.label}
              </Table.Th>
            ))}
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows === 0 && (
            <Table.Tr>
              <Table.Td colSpan={columns.length}>
                <Text size="sm" c="dimmed">
                  {pending ? 'Loading…' : empty}
                </Text>
              </Table.Td>
            </Table.Tr>
          )}
          {children}
        </Table.Tbody>
      </Table>
    </Paper>
  );
}
