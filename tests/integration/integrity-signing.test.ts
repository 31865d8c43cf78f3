import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { z } from 'zod';
import { queryRows } from '../../src/db/client.js';
import type {
  pactDetailSchema,
  pactDocumentSchema,
  statusSchema,
} from '../../src/modules/integrity/integrity-schemas.js';
import { type ApiClient, signIn } from '../helpers/client.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { TEST_PASSWORD } from '../helpers/factories.js';
import { createSigningFixture, type SigningFixture } from '../helpers/signing-fixtures.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

type Pact = z.infer<typeof pactDetailSchema>;
type PactDocument = z.infer<typeof pactDocumentSchema>;
type Status = z.infer<typeof statusSchema>;

interface ErrorBody {
  error: { code: string; message: string; details?: Record<string, unknown> };
}

const KABID_PASSPHRASE = 'kopi tubruk di pagi hari';
const KADINKES_PASSPHRASE = 'teh manis di sore hari';

/**
 * A Pakta Integritas signed end to end through the API: the maker (Kepala Bidang) signs first,
 * the witness (Kepala Dinas) second; the pact becomes signed and final, and the stored PDF
 * carries two valid signatures (pdfsig).
 */
describe.each(testDatabaseKinds())('Pakta Integritas signed end to end on %s', (kind) => {
  let t: TestApp;
  let s: SigningFixture;
  let kabid: ApiClient;
  let kadinkes: ApiClient;
  let pact: Pact;
  let document: PactDocument;

  beforeAll(async () => {
    // 8 MiB argon2 (the configured minimum) keeps enrolment quick, as in the PKI tests.
    t = await createTestApp(kind, { SIGNING_KDF_MEMORY_KIB: '8192' });
    s = await createSigningFixture(t);
    kabid = await signIn(t.app, s.signers.kabid, TEST_PASSWORD);
    kadinkes = await signIn(t.app, s.signers.kadinkes, TEST_PASSWORD);
    for (const [client, passphrase] of [
      [kabid, KABID_PASSPHRASE],
      [kadinkes, KADINKES_PASSPHRASE],
    ] as const) {
      const enrol = await client.post('/api/signing/certificate', {
        passphrase,
        passphraseConfirmation: passphrase,
      });
      if (enrol.status !== 201) throw new Error(`enrol: ${JSON.stringify(enrol.body)}`);
    }
    const made = await s.admin.post<Pact>('/api/integrity/pacts', {
      employeeId: s.employees.kabid,
      occasion: 'annual',
      fiscalYear: 2026,
      pactDate: '2026-01-05',
    });
    if (made.status !== 201) throw new Error(`pact: ${JSON.stringify(made.body)}`);
    pact = made.body;
  });
  afterAll(() => t.close());

  it("shows a pact made without its PDF in the maker's Tugas Saya (the PDF is made then)", async () => {
    const tasks = await kabid.get<{ toSign: { pactId: string | null; kind: string }[] }>(
      '/api/signing/tasks',
    );
    expect(tasks.status, JSON.stringify(tasks.body)).toBe(200);
    expect(tasks.body.toSign.some((item) => item.pactId === pact.id && item.kind === 'pi')).toBe(
      true,
    );
  });

  it('makes the document with the maker first and the witness second', async () => {
    const res = await s.admin.get<PactDocument>(`/api/integrity/pacts/${pact.id}/document`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    document = res.body;
    expect(document).toMatchObject({ signerCount: 2, signedCount: 0, status: 'pending' });
  });

  it('refuses the witness before the maker', async () => {
    const res = await kadinkes.post<ErrorBody>(`/api/documents/${document.id}/sign`, {
      passphrase: KADINKES_PASSPHRASE,
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('NOT_YOUR_TURN');
  });

  it('signs: maker, then witness; the pact is signed and final', async () => {
    const first = await kabid.post(`/api/documents/${document.id}/sign`, {
      passphrase: KABID_PASSPHRASE,
    });
    expect(first.status, JSON.stringify(first.body)).toBe(200);
    // One signature in: the pact can no longer be voided.
    const voidHalf = await s.admin.post<ErrorBody>(`/api/integrity/pacts/${pact.id}/void`, {
      reason: 'Coba batalkan',
    });
    expect(voidHalf.status).toBe(409);
    expect(voidHalf.body.error.code).toBe('PARTIALLY_SIGNED');

    const second = await kadinkes.post(`/api/documents/${document.id}/sign`, {
      passphrase: KADINKES_PASSPHRASE,
    });
    expect(second.status, JSON.stringify(second.body)).toBe(200);

    const after = await s.admin.get<Pact>(`/api/integrity/pacts/${pact.id}`);
    expect(after.body).toMatchObject({
      status: 'signed',
      document: { id: document.id, status: 'signed', signedCount: 2 },
      permissions: { void: false },
    });
    expect(after.body.signedAt).not.toBeNull();
    const voidSigned = await s.admin.post<ErrorBody>(`/api/integrity/pacts/${pact.id}/void`, {
      reason: 'Coba batalkan',
    });
    expect(voidSigned.status).toBe(409);
    expect(voidSigned.body.error.code).toBe('FROZEN');
  });

  it('counts the signature in the status of the unit', async () => {
    const res = await s.admin.get<Status>(
      `/api/integrity/status?fiscalYear=2026&unitId=${s.units.dinkes}`,
    );
    const bidang = res.body.rows.find((r) => r.unit?.id === s.units.yankes);
    // Bidang Yankes: the Kabid and the Kasi; one signed.
    expect(bidang).toMatchObject({ employees: 2, pacts: 1, signed: 1, percent: '50.00' });
  });

  it('stores a PDF with two valid signatures over the clauses it was made with', async () => {
    const [file] = await t.database.withTenant(s.tenantId, (tx) =>
      queryRows<{ content: Uint8Array; seq: number }>(
        tx,
        sql`select content, seq from document_files
             where tenant_id = ${s.tenantId} and document_id = ${document.id}
             order by seq desc limit 1`,
      ),
    );
    expect(file?.seq).toBe(2);
    const dir = mkdtempSync(join(tmpdir(), 'amanah-pi-'));
    const path = join(dir, 'pi.pdf');
    writeFileSync(path, Buffer.from(file?.content ?? new Uint8Array()));
    let report = '';
    try {
      report = execFileSync('pdfsig', [path], { encoding: 'utf8' });
    } catch (error) {
      // pdfsig exits non-zero when a certificate is not trusted; the report is still printed.
      report = String((error as { stdout?: string }).stdout ?? '');
    }
    expect(report.match(/Signature is Valid/g)).toHaveLength(2);
    const text = execFileSync('pdftotext', [path, '-'], { encoding: 'utf8' });
    expect(text).toContain('PAKTA INTEGRITAS');
    expect(text).toContain('Menyaksikan');
    expect(text).toContain('Pembuat Pernyataan');
    expect(text.replace(/\s+/g, ' ')).toContain('penyimpangan integritas di');
  });
});
