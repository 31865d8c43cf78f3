import { Select } from '@mantine/core';
import { useDebouncedValue } from '@mantine/hooks';
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useMemo, useState } from 'react';
import { api } from '../../api/client.js';
import type { Employee, Paged } from '../../api/types.js';
import { formatNip } from '../../lib/format.js';

const strings = {
  placeholder: 'Ketik nama atau NIP (minimal 2 huruf)',
  nothing: 'Tidak ada pegawai yang cocok',
};

/** Find an employee by name or NIP on the server (debounced) and pick one. */
export function EmployeeSelect({
  label,
  description,
  value,
  onChange,
  error,
  required,
  autoFocus,
}: {
  label: string;
  description?: string;
  value: string | null;
  onChange: (employee: Employee | null) => void;
  error?: React.ReactNode;
  required?: boolean;
  autoFocus?: boolean;
}) {
  const [search, setSearch] = useState('');
  const [debounced] = useDebouncedValue(search.trim(), 250);
  const [picked, setPicked] = useState<Employee | null>(null);
  const employees = useQuery({
    queryKey: ['employees', { q: debounced, pageSize: 20 }],
    queryFn: () => api.get<Paged<Employee>>('/api/employees', { q: debounced, pageSize: 20 }),
    enabled: debounced.length >= 2,
    placeholderData: keepPreviousData,
  });
  const options = useMemo(() => {
    const list = debounced.length >= 2 ? (employees.data?.items ?? []) : [];
    const all = picked && !list.some((e) => e.id === picked.id) ? [picked, ...list] : list;
    return all.map((e) => ({
      value: e.id,
      label: e.nip ? `${e.fullName} · ${formatNip(e.nip)}` : e.fullName,
    }));
  }, [employees.data, debounced, picked]);

  return (
    <Select
      label={label}
      description={description}
      placeholder={strings.placeholder}
      data={options}
      searchable
      clearable
      required={required}
      // The server already filtered by name or NIP; show its answer as is.
      filter={({ options: all }) => all}
      searchValue={search}
      onSearchChange={setSearch}
      nothingFoundMessage={
        debounced.length >= 2 && !employees.isFetching ? strings.nothing : undefined
      }
      value={value}
      onChange={(id) => {
        const found = id ? (employees.data?.items.find((e) => e.id === id) ?? picked) : null;
        setPicked(found);
        onChange(found);
      }}
      error={error}
      data-autofocus={autoFocus || undefined}
    />
  );
}
