import { Group, Pagination } from '@mantine/core';
import { useState } from 'react';
import { agreementStrings as t } from './strings.js';

export const PAGE_SIZE = 50;

/**
 * Client-side paging of a long list (the PKs or the board of a whole Pemda: ~500 rows): the
 * current page's rows, and a control that goes back to page 1 whenever `resetKey` changes.
 */
export function usePaged<T>(items: readonly T[], resetKey: string) {
  const [page, setPage] = useState(1);
  const [pagedFor, setPagedFor] = useState(resetKey);
  if (pagedFor !== resetKey) {
    setPagedFor(resetKey);
    setPage(1);
  }
  const pages = Math.max(1, Math.ceil(items.length / PAGE_SIZE));
  const current = Math.min(page, pages);
  const from = (current - 1) * PAGE_SIZE;
  return { shown: items.slice(from, from + PAGE_SIZE), from, pages, current, setPage };
}

export function ListPagination({
  pages,
  current,
  onChange,
}: {
  pages: number;
  current: number;
  onChange: (page: number) => void;
}) {
  if (pages <= 1) return null;
  return (
    <Group justify="center" p="sm">
      <Pagination
        total={pages}
        value={current}
        onChange={(next) => {
          onChange(next);
          window.scrollTo({ top: 0 });
        }}
        aria-label={t.pagination}
        getControlProps={(control) => ({
          'aria-label': {
            first: 'Halaman pertama',
            last: 'Halaman terakhir',
            next: 'Halaman berikutnya',
            previous: 'Halaman sebelumnya',
          }[control],
        })}
        getItemProps={(n) => ({ 'aria-label': `Halaman ${n}` })}
        siblings={1}
        size="sm"
      />
    </Group>
  );
}
