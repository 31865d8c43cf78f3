import { createServer } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { type BsreMock, startBsreMock } from '../../../../tests/helpers/bsre-mock-server.js';
import { assertIncremental } from '../pdf/sign-pdf.js';
import { type BsreClientConfig, bsreSignPdf, mapBsreRefusal } from './bsre-client.js';
import { DefiniteFailure, UnknownOutcome } from './types.js';

/** A minimal valid PDF (one empty page), enough for the mock to sign. */
function tinyPdf(): Buffer {
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 200 200] >>',
  ];
  let body = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(body.length);
    body += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = body.length;
  body += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n`;
  for (const off of offsets) body += `${String(off).padStart(10, '0')} 00000 n \n`;
  body += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(body, 'latin1');
}

async function closedPort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const port = (server.address() as { port: number }).port;
  await new Promise<void>((resolve) => server.close(() => resolve()));
  return port;
}

describe('BSrE client against the mock service', () => {
  let mock: BsreMock;
  let config: BsreClientConfig;
  const nik = '3174012345678901';
  const pdf = tinyPdf();
  const input = {
    nik,
    passphrase: 'Rahasia-BSrE-2026',
    reason: 'Pihak Kedua',
    location: 'Kota Uji',
    pdf,
  };

  beforeAll(async () => {
    mock = await startBsreMock();
    mock.register(nik, 'Rahasia-BSrE-2026', 'Budi Walikota');
    config = {
      url: mock.url,
      clientId: mock.clientId,
      clientSecret: mock.clientSecret,
      timeoutMs: 1000,
    };
  });
  afterAll(() => mock.close());

  const outcome = async (promise: Promise<unknown>) => {
    try {
      await promise;
      return { kind: 'ok' as const };
    } catch (error) {
      if (error instanceof DefiniteFailure)
        return { kind: 'definite' as const, code: error.error.code };
      if (error instanceof UnknownOutcome)
        return { kind: 'unknown' as const, reason: error.reason };
      throw error;
    }
  };

  it('sends the published shape and returns an incremental signed PDF with the request id', async () => {
    mock.mode = 'ok';
    const result = await bsreSignPdf(config, input);
    expect(result.id).toMatch(/^bsre-\d+$/);
    expect(() => assertIncremental(pdf, result.pdf)).not.toThrow();
    expect(mock.lastRequest).toMatchObject({
      nik,
      hasPassphrase: true,
      files: 1,
      signatureProperties: [{ tampilan: 'INVISIBLE', reason: 'Pihak Kedua', location: 'Kota Uji' }],
    });
  });

  it.each([
    ['a wrong passphrase (2031)', { ...input, passphrase: 'salah' }, 'PASSPHRASE_WRONG'],
    ['an unknown NIK (2011)', { ...input, nik: '3174000000000000' }, 'NOT_ENROLLED'],
  ])('maps %s to a definite refusal', async (_label, request, code) => {
    mock.mode = 'ok';
    expect(await outcome(bsreSignPdf(config, request))).toEqual({ kind: 'definite', code });
  });

  it('refused application credentials are a definite provider error', async () => {
    mock.mode = 'ok';
    const result = await outcome(bsreSignPdf({ ...config, clientSecret: 'salah' }, input));
    expect(result).toEqual({ kind: 'definite', code: 'PROVIDER_ERROR' });
  });

  it.each([
    ['hang', 'timeout'],
    ['error500', 'server_error'],
    ['reset', 'reset'],
    ['garbage', 'bad_response'],
  ] as const)(
    'mode %s after the request was sent is an unknown outcome (%s)',
    async (mode, reason) => {
      mock.mode = mode;
      const before = mock.requests;
      const started = Date.now();
      expect(await outcome(bsreSignPdf(config, input))).toEqual({ kind: 'unknown', reason });
      // The request did reach the provider: that is exactly why the outcome is unknown.
      expect(mock.requests).toBe(before + 1);
      expect(Date.now() - started).toBeLessThan(3000);
    },
  );

  it('a connection refused before sending is a definite failure, safe to retry', async () => {
    const port = await closedPort();
    const result = await outcome(
      bsreSignPdf({ ...config, url: `http://127.0.0.1:${port}` }, input),
    );
    expect(result).toEqual({ kind: 'definite', code: 'PROVIDER_ERROR' });
  });

  it.each([
    [400, { status_code: 2031, error: 'Passphrase anda salah' }, 'PASSPHRASE_WRONG'],
    [400, { status_code: 9999, error: 'Passphrase tidak valid' }, 'PASSPHRASE_WRONG'],
    [404, { status_code: 2011, error: 'User tidak terdaftar' }, 'NOT_ENROLLED'],
    [400, { status_code: 2050, error: 'OTP salah' }, 'INVALID_TOTP'],
    [400, { status_code: 1001, error: 'Dokumen rusak' }, 'PROVIDER_REFUSED'],
    [403, {}, 'PROVIDER_ERROR'],
  ] as const)('refusal table: HTTP %i %j → %s', (status, body, code) => {
    expect(mapBsreRefusal(status, body).code).toBe(code);
  });
});
