import { Table, type TableTrProps } from '@mantine/core';
import type { KeyboardEvent, ReactNode } from 'react';

/**
 * A table row that opens its record (a drawer, a page): reachable by Tab and opened by Enter or Space as well
 * as by a click, with a visible focus ring (`.open-row` in ui/a11y.css). Keys pressed on a control inside the
 * row are left to that control. Without `onOpen` (the viewer may not open it) it is a plain row.
 */
export function OpenRow({
  onOpen,
  children,
  ...rest
}: Omit<TableTrProps, 'onClick' | 'onKeyDown'> & { onOpen?: () => void; children: ReactNode }) {
  if (!onOpen) return <Table.Tr {...rest}>{children}</Table.Tr>;
  const onKeyDown = (event: KeyboardEvent<HTMLTableRowElement>) => {
    if (event.target !== event.currentTarget) return;
    if (event.key === 'Enter' || event.key === ' ') {
      event.preventDefault();
      onOpen();
    }
  };
  return (
    <Table.Tr {...rest} className="open-row" tabIndex={0} onClick={onOpen} onKeyDown={onKeyDown}>
      {children}
    </Table.Tr>
  );
}
