import { describe, expect, it } from 'vitest';
import { type ItemRecord, progressOf } from './load-ceremony.js';
import { boardRows } from './public-board.js';

const slot = (
  role: ItemRecord['signers'][number]['role'],
  employeeId: string,
  signedAt: string | null = null,
): ItemRecord['signers'][number] => ({
  seq: role === 'pihak_pertama' || role === 'pembuat' ? 1 : 2,
  role,
  employeeId,
  name: employeeId,
  jabatan: `Jabatan ${employeeId}`,
  signedAt,
  pending: signedAt === null,
});

function item(
  kind: 'pk' | 'pi',
  maker: string,
  status: ItemRecord['status'],
  signers: ItemRecord['signers'],
): ItemRecord {
  return {
    id: `${kind}-${maker}`,
    kind,
    agreementId: kind === 'pk' ? 'a' : null,
    pactId: kind === 'pi' ? 'p' : null,
    title: `${kind} ${maker}`,
    level: kind === 'pk' ? 'kepala_pd' : null,
    unitName: `Unit ${maker}`,
    subjectStatus: 'ready_to_sign',
    document: null,
    status,
    signedCount: signers.filter((s) => !s.pending).length,
    signerCount: signers.length,
    signers,
    makerEmployeeId: maker,
    makerName: `Nama ${maker}`,
    makerJabatan: `Jabatan ${maker}`,
  };
}

const t1 = '2027-01-10T01:00:00.000Z';

describe('venue board rows and progress', () => {
  const items = [
    item('pk', 'wk', 'signed', [slot('pihak_pertama', 'wk', t1)]),
    item('pk', 'kd', 'partly_signed', [slot('pihak_pertama', 'kd', t1), slot('pihak_kedua', 'wk')]),
    item('pi', 'wk', 'no_document', [slot('pembuat', 'wk')]),
    item('pi', 'kd', 'pending', [slot('pembuat', 'kd'), slot('saksi', 'wk')]),
    // A pact whose maker has no PK here gets a row of its own.
    item('pi', 'sek', 'not_ready', [slot('pembuat', 'sek'), slot('saksi', 'wk')]),
  ];

  it('puts each participant’s PK then pact on one row, in item order', () => {
    const rows = boardRows(items);
    expect(rows.map((r) => [r.name, r.documents.map((d) => `${d.kind}:${d.status}`)])).toEqual([
      ['Nama wk', ['pk:signed', 'pi:no_document']],
      ['Nama kd', ['pk:partly_signed', 'pi:pending']],
      ['Nama sek', ['pi:not_ready']],
    ]);
    expect(rows[1]?.documents[0]?.signatures).toEqual([
      { role: 'pihak_pertama', signedAt: t1 },
      { role: 'pihak_kedua', signedAt: null },
    ]);
    // Only names, jabatan and units: no employee ids reach the board.
    expect(JSON.stringify(rows)).not.toMatch(/"employeeId"|"wk"/);
  });

  it('measures progress in signatures, 100 % only when all are made', () => {
    expect(progressOf(items)).toEqual({
      documents: 5,
      signed: 1,
      signatures: 8,
      signaturesDone: 2,
      percent: 25,
    });
    const almost = [
      item('pk', 'a', 'partly_signed', [
        ...Array.from({ length: 1 }, () => slot('pihak_pertama', 'a', t1)),
        slot('pihak_kedua', 'b'),
      ]),
      ...Array.from({ length: 99 }, (_, i) =>
        item('pi', `m${i}`, 'signed', [slot('pembuat', `m${i}`, t1)]),
      ),
    ];
    // 100 of 101 signatures is 99 %, not a rounded-up 100 %.
    expect(progressOf(almost).percent).toBe(99);
    expect(progressOf([]).percent).toBe(0);
  });
});
