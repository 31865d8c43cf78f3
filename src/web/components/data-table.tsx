import { Table } from '@mantine/core';
import type { ReactNode } from 'react';

/** A scrollable list table: header cells in `head`, body rows as children. */
export function DataTable({
  minWidth,
  head,
  children,
}: {
  minWidth: number;
  head: ReactNode;
  children: ReactNode;
}) {
  return (
    <Table.ScrollContainer minWidth={minWidth}>
      <Table verticalSpacing="sm" highlightOnHover>
        <Table.Thead>
          <Table.Tr>{head}</Table.Tr>
        </Table.Thead>
        <Table.Tbody>{children}</Table.Tbody>
      </Table>
    </Table.ScrollContainer>
  );
}
