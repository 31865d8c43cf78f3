import { describe, expect, it } from 'vitest';
import { parseDocumentCode } from '../../../shared/document-code.js';
import type { DocumentVerification, FileSignature, UploadVerification } from './api.js';
import { documentVerdict, uploadVerdict } from './verdict.js';

const doc = (status: DocumentVerification['status']): DocumentVerification => ({
  code: '7K3M9Q2XA4BC',
  printedCode: '7K3M-9Q2X-A4BC',
  kind: 'pk',
  kindLabel: 'Perjanjian Kinerja',
  title: 'Perjanjian Kinerja Tahun 2026',
  pemdaName: 'Pemerintah Kota Contoh',
  timeZone: 'Asia/Makassar',
  documentDate: '2026-01-05',
  place: 'Kota Contoh',
  status,
  signedAt: null,
  supersededBy: null,
  signers: [],
  currentSha256: 'a'.repeat(64),
  fileCount: 3,
});

const signature = (overrides: Partial<FileSignature> = {}): FileSignature => ({
  index: 1,
  signerName: 'Siti Aminah',
  nip: '197001011990032001',
  jabatan: 'Kepala Dinas Kesehatan',
  issuerName: 'CA Kota Contoh',
  signingTime: '2026-01-10T02:00:00.000Z',
  integrity: 'valid',
  coversWholeFile: true,
  certificate: {
    serial: '01ab',
    status: 'valid',
    revokedAt: null,
    notAfter: null,
    validAtSigning: true,
    provider: 'builtin',
    caCertificateUrl: null,
  },
  ...overrides,
});

const upload = (overrides: Partial<UploadVerification>): UploadVerification => ({
  match: 'exact',
  sha256: 'b'.repeat(64),
  byteSize: 1000,
  version: { seq: 2, label: 'final', isCurrent: true },
  document: doc('ditandatangani'),
  signatures: [signature({ coversWholeFile: false }), signature({ index: 2 })],
  changedAfterLastSignature: false,
  ...overrides,
});

describe('verification verdicts', () => {
  it.each([
    ['ditandatangani', 'valid', 'Dokumen sah dan berlaku'],
    ['digantikan', 'superseded', 'Dokumen sah tetapi sudah digantikan oleh PK Perubahan'],
    ['menunggu_tanda_tangan', 'pending', 'Dokumen belum selesai ditandatangani'],
    ['dibatalkan', 'void', 'Dokumen dibatalkan'],
  ] as const)('a document %s reads %s', (status, tone, title) => {
    expect(documentVerdict(doc(status))).toMatchObject({ tone, title });
  });

  it.each<[string, Partial<UploadVerification>, string, string | null]>([
    ['the final file', {}, 'valid', 'Berkas sama persis dengan yang diterbitkan Amanah (final).'],
    ['the final file of a superseded PK', { document: doc('digantikan') }, 'superseded', null],
    [
      'an earlier version',
      { version: { seq: 0, label: 'asli belum ditandatangani', isCurrent: false }, signatures: [] },
      'outdated',
      null,
    ],
    [
      'a tampered file',
      {
        match: 'modified',
        version: null,
        signatures: [signature({ integrity: 'digest_mismatch' })],
      },
      'modified',
      'Isi yang sudah ditandatangani telah berubah.',
    ],
    [
      'bytes appended after signing',
      {
        match: 'modified',
        version: null,
        changedAfterLastSignature: true,
        signatures: [signature({ coversWholeFile: false })],
      },
      'modified',
      'Ada isi yang ditambahkan setelah tanda tangan terakhir.',
    ],
    ['a stranger', { match: 'unknown', version: null, document: null }, 'unknown', null],
  ])('%s reads %s', (_what, overrides, tone, note) => {
    const verdict = uploadVerdict(upload(overrides));
    expect(verdict.tone).toBe(tone);
    if (note) expect(verdict.notes).toContain(note);
  });
});

describe('typed document codes', () => {
  it.each([
    ['7k3m-9q2x-a4bc', '7K3M9Q2XA4BC'],
    [' 7K3M 9Q2X A4BC ', '7K3M9Q2XA4BC'],
    ['OIL0-0000-0000', '011000000000'],
    ['7K3M-9Q2X-A4B', null],
    ['7K3M-9Q2X-A4BU', null],
  ])('%s → %s', (input, expected) => {
    expect(parseDocumentCode(input)).toBe(expected);
  });
});
