import { describe, expect, it } from 'vitest';
import type { TaskItem } from '../../api/signing.js';
import { groupByCeremony } from './task-groups.js';

const item = (id: string, ceremony: [string, string] | null): TaskItem => ({
  documentId: id,
  code: 'ABCD2345EFGH',
  kind: 'pk',
  title: `PK ${id}`,
  unitName: null,
  myRole: 'pihak_kedua',
  nextSignerName: null,
  myTurn: true,
  signedCount: 1,
  signerCount: 2,
  signedAt: null,
  ceremony: ceremony
    ? { id: ceremony[0], title: `Acara ${ceremony[0]}`, eventDate: ceremony[1] }
    : null,
  agreementId: null,
  pactId: null,
});

describe('groupByCeremony', () => {
  it.each([
    [
      'no ceremonies: one group, order kept',
      [item('a', null), item('b', null)],
      [['', ['a', 'b']]],
    ],
    [
      'earliest ceremony first, documents outside a ceremony last',
      [
        item('a', null),
        item('b', ['c2', '2027-02-01']),
        item('c', ['c1', '2027-01-10']),
        item('d', ['c2', '2027-02-01']),
      ],
      [
        ['c1', ['c']],
        ['c2', ['b', 'd']],
        ['', ['a']],
      ],
    ],
    ['empty list', [], []],
  ] as const)('%s', (_name, items, expected) => {
    const groups = groupByCeremony([...items]);
    expect(groups.map((g) => [g.key, g.items.map((i) => i.documentId)])).toEqual(expected);
  });
});
