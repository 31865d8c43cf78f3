import { describe, expect, it } from 'vitest';
import { type CertificateRecord, certificateStatus } from './certificate-status.js';
import { versionLabel } from './verify-upload.js';

const d = (iso: string) => new Date(iso);
const now = d('2026-06-01T00:00:00Z');
const base: CertificateRecord = {
  serial: '01ab',
  status: 'active',
  revokedAt: null,
  notBefore: d('2026-01-01T00:00:00Z'),
  notAfter: d('2027-01-01T00:00:00Z'),
  provider: 'builtin',
  caId: '01000000-0000-7000-8000-000000000000',
};

describe('certificate status beside a signature', () => {
  it.each<[string, Partial<CertificateRecord>, string | null, string, boolean | null]>([
    ['active, signed inside its dates', {}, '2026-01-10T00:00:00Z', 'valid', true],
    ['active, no signing time', {}, null, 'valid', null],
    ['signed before its start', {}, '2025-12-31T00:00:00Z', 'valid', false],
    [
      'revoked after the signature',
      { status: 'revoked', revokedAt: d('2026-03-01T00:00:00Z') },
      '2026-01-10T00:00:00Z',
      'revoked',
      true,
    ],
    [
      'revoked before the signature',
      { status: 'revoked', revokedAt: d('2026-01-05T00:00:00Z') },
      '2026-01-10T00:00:00Z',
      'revoked',
      false,
    ],
    [
      'replaced (re-issued) counts as revoked',
      { status: 'replaced', revokedAt: d('2026-03-01T00:00:00Z') },
      '2026-01-10T00:00:00Z',
      'revoked',
      true,
    ],
    [
      'expired since, signed while valid',
      { notAfter: d('2026-05-01T00:00:00Z') },
      '2026-01-10T00:00:00Z',
      'expired',
      true,
    ],
  ])('%s', (_what, overrides, signedAt, status, validAtSigning) => {
    const view = certificateStatus({ ...base, ...overrides }, signedAt ? d(signedAt) : null, now);
    expect(view).toMatchObject({ status, validAtSigning });
  });

  it('links the CA certificate for the built-in CA only', () => {
    expect(certificateStatus(base, null, now).caCertificateUrl).toBe(
      `/api/public/pki/${base.caId}/ca.crt`,
    );
    expect(
      certificateStatus({ ...base, provider: 'bsre', caId: null }, null, now).caCertificateUrl,
    ).toBeNull();
  });
});

describe('version labels', () => {
  it.each([
    [0, 2, 'asli belum ditandatangani'],
    [1, 2, 'setelah tanda tangan ke-1'],
    [2, 2, 'final'],
    [1, 1, 'final'],
  ])('file %i of %i signatures → %s', (seq, count, label) => {
    expect(versionLabel(seq, count)).toBe(label);
  });
});
