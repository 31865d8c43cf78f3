import { describe, expect, it } from 'vitest';
import { formatIndonesianDate } from './indonesian-date.js';
import { pangkatLabel, partyBlock } from './party-block.js';
import { formatTarget } from './pk-content.js';

describe('how people are printed', () => {
  it.each([
    ['IV/b', 'Pembina Tingkat I (IV/b)'],
    ['IV/c', 'Pembina Utama Muda (IV/c)'],
    ['III/a', 'Penata Muda (III/a)'],
    ['I/a', 'Juru Muda (I/a)'],
    ['IX', 'Golongan IX'],
    [null, null],
    ['', null],
  ])('pangkat %s → %s', (grade, label) => {
    expect(pangkatLabel(grade)).toBe(label);
  });

  it.each([
    ['definitif', 'Kepala Dinas Kesehatan', null],
    ['plt', 'Plt. Kepala Dinas Kesehatan', 'Plt.'],
    ['plh', 'Plh. Kepala Dinas Kesehatan', 'Plh.'],
    ['pj', 'Pj. Kepala Dinas Kesehatan', 'Pj.'],
  ] as const)('%s → jabatan "%s"', (kind, jabatan, prefix) => {
    const block = partyBlock({
      employeeId: 'e',
      frontTitle: 'dr.',
      name: 'Siti Aminah',
      backTitle: 'M.Kes.',
      nip: null,
      grade: 'IV/c',
      positionTitle: 'Kepala Dinas Kesehatan',
      assignmentKind: kind,
    });
    expect(block).toMatchObject({ jabatan, actingPrefix: prefix, name: 'dr. Siti Aminah, M.Kes.' });
    expect(block.nip).toBe('');
  });

  it.each([
    ['2027-01-10', '10 Januari 2027'],
    ['2026-12-31', '31 Desember 2026'],
    ['2027-05-01', '1 Mei 2027'],
  ])('date %s → %s', (iso, text) => {
    expect(formatIndonesianDate(iso)).toBe(text);
  });
});

describe('formatTarget', () => {
  const labels: Record<string, string> = {
    WTP: 'Wajar Tanpa Pengecualian',
    AA: 'AA (Sangat Memuaskan)',
  };
  const label = (code: string) => labels[code];
  it.each([
    [{ kind: 'number', value: '85.5' }, '%', '85,5 %'],
    [{ kind: 'number', value: '1234567' }, 'orang', '1.234.567 orang'],
    [{ kind: 'number', value: '72.2' }, '', '72,2'],
    [{ kind: 'range', low: '70', high: '80' }, 'indeks', '70–80 indeks'],
    [{ kind: 'scale', code: 'WTP' }, 'opini', 'WTP (Wajar Tanpa Pengecualian)'],
    [{ kind: 'scale', code: 'AA' }, 'predikat', 'AA (Sangat Memuaskan)'],
    [{ kind: 'scale', code: 'ZZ' }, '', 'ZZ'],
    [null, '%', '-'],
  ] as const)('%j %s → %s', (target, satuan, text) => {
    expect(formatTarget(target, satuan, label)).toBe(text);
  });
});
