import { Select, type SelectProps } from '@mantine/core';
import { useQuery } from '@tanstack/react-query';
import { useMemo } from 'react';
import { common } from '../../strings.js';
import { unitsQuery } from './queries.js';
import { buildTree, unitOptionLabel } from './tree.js';

/** A searchable choice among the Pemda's active units. */
export function UnitSelect(props: Omit<SelectProps, 'data'>) {
  const units = useQuery(unitsQuery(false));
  const data = useMemo(() => {
    const tree = buildTree(units.data?.items ?? []);
    return [...tree.byId.values()]
      .map((u) => ({ value: u.id, label: unitOptionLabel(tree, u) }))
      .sort((a, b) => a.label.localeCompare(b.label, 'id'));
  }, [units.data]);
  return (
    <Select
      searchable
      clearable
      limit={60}
      nothingFoundMessage="Tidak ada unit yang cocok"
      {...props}
      placeholder={units.isPending ? common.loading : props.placeholder}
      data={data}
    />
  );
}
