import { spawnSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { and, eq, sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AgreementDetail } from '../../src/modules/agreements/agreement-schemas.js';
import { auditEvents } from '../../src/modules/audit/schema.js';
import { roleGrants, users } from '../../src/modules/auth/schema.js';
import type { DocumentContent } from '../../src/modules/documents/content-types.js';
import type { DocumentSummary } from '../../src/modules/documents/document-schemas.js';
import { statementWording } from '../../src/modules/documents/pdf/pk-layout.js';
import { renderDocumentPdf } from '../../src/modules/documents/pdf/render.js';
import { documentFiles, documents } from '../../src/modules/documents/schema.js';
import { verifyUrl } from '../../src/server/public-url.js';
import { type ApiClient, signIn } from '../helpers/client.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { createTestUser, TEST_PASSWORD } from '../helpers/factories.js';
import {
  createSigningFixture,
  readyAgreement,
  type SigningFixture,
} from '../helpers/signing-fixtures.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

interface ErrorBody {
  error: { code: string; message: string };
}

/** Runs a poppler tool on a PDF in a temporary folder; returns stdout and the folder's files. */
function poppler(tool: string, pdf: Buffer, args: string[]): { out: string; files: string[] } {
  const dir = mkdtempSync(join(tmpdir(), 'amanah-doc-'));
  try {
    const file = join(dir, 'doc.pdf');
    writeFileSync(file, pdf);
    const run = spawnSync(
      tool,
      [...args.map((a) => a.replace('{pdf}', file).replace('{dir}', dir))],
      {
        encoding: 'utf8',
      },
    );
    if (run.status !== 0) throw new Error(`${tool} failed: ${run.stderr}`);
    return { out: run.stdout, files: readdirSync(dir).filter((f) => f !== 'doc.pdf') };
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}
const pdfText = (pdf: Buffer) =>
  poppler('pdftotext', pdf, ['-layout', '{pdf}', '-']).out.replace(/[ \t]+/g, ' ');
const pdfPages = (pdf: Buffer) =>
  Number(/^Pages:\s+(\d+)/m.exec(poppler('pdfinfo', pdf, ['{pdf}']).out)?.[1] ?? 0);

/** The PDF body of an app.inject reply (the client decodes only JSON). */
async function getPdf(client: ApiClient, url: string) {
  const res = await client.app.inject({
    method: 'GET',
    url,
    headers: client.sessionCookie ? { cookie: client.sessionCookie } : {},
  });
  return { status: res.statusCode, headers: res.headers, body: res.rawPayload };
}

async function dbRefusal(promise: Promise<unknown>): Promise<string | undefined> {
  try {
    await promise;
  } catch (error) {
    let current: unknown = error;
    while (current && typeof current === 'object') {
      const c = current as { code?: unknown; cause?: unknown };
      if (typeof c.code === 'string' && /^[0-9A-Z]{5}$/.test(c.code)) return c.code;
      current = c.cause;
    }
  }
  return undefined;
}

describe.each(testDatabaseKinds())('PK documents on %s', (kind) => {
  let t: TestApp;
  let s: SigningFixture;
  let kadinkesDoc: DocumentSummary;

  beforeAll(async () => {
    t = await createTestApp(kind, { PUBLIC_URL: 'https://amanah.kotauji.go.id' });
    s = await createSigningFixture(t);
  }, 120_000);
  afterAll(() => t.close());

  it('mark_ready issues the document: file 0 with its hash, slots in signing order, audited', async () => {
    const res = await s.admin.get<DocumentSummary>(`/api/agreements/${s.pks.kadinkes.id}/document`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    kadinkesDoc = res.body;
    expect(kadinkesDoc).toMatchObject({
      kind: 'pk',
      status: 'pending',
      agreementId: s.pks.kadinkes.id,
      pactId: null,
      signerCount: 2,
      signedCount: 0,
      documentDate: '2026-01-05',
      verifyUrl: `https://amanah.kotauji.go.id/verifikasi/${kadinkesDoc.code}`,
    });
    expect(kadinkesDoc.code).toMatch(/^[0-9A-HJKMNP-TV-Z]{12}$/);
    expect(kadinkesDoc.printedCode).toBe(
      `${kadinkesDoc.code.slice(0, 4)}-${kadinkesDoc.code.slice(4, 8)}-${kadinkesDoc.code.slice(8)}`,
    );
    expect(kadinkesDoc.signers.map((x) => [x.seq, x.role, x.name, x.jabatan, x.status])).toEqual([
      [1, 'pihak_pertama', 'Siti Aminah', 'Kepala Dinas Kesehatan', 'pending'],
      [2, 'pihak_kedua', 'Budi Walikota', 'Wali Kota', 'pending'],
    ]);
    expect(kadinkesDoc.signers[0]?.pangkat).toBe('Pembina Utama Muda (IV/c)');
    expect(kadinkesDoc.permissions).toEqual({ download: true, sign: false });

    const files = await t.database.withTenant(s.tenantId, (tx) =>
      tx.select().from(documentFiles).where(eq(documentFiles.documentId, kadinkesDoc.id)),
    );
    expect(files.map((f) => f.seq)).toEqual([0]);
    expect(
      createHash('sha256')
        .update(files[0]?.content ?? Buffer.alloc(0))
        .digest('hex'),
    ).toBe(kadinkesDoc.currentSha256);
    const issued = await t.database.withTenant(s.tenantId, (tx) =>
      tx
        .select()
        .from(auditEvents)
        .where(
          and(eq(auditEvents.action, 'document.issue'), eq(auditEvents.entityId, kadinkesDoc.id)),
        ),
    );
    expect(issued).toHaveLength(1);
    expect(issued[0]?.data).toMatchObject({
      code: kadinkesDoc.code,
      agreementId: s.pks.kadinkes.id,
    });

    // Asking again does not issue a second one.
    const again = await s.admin.get<DocumentSummary>(
      `/api/agreements/${s.pks.kadinkes.id}/document`,
    );
    expect(again.body.id).toBe(kadinkesDoc.id);
  });

  it('the Pemda PK has one slot: the Kepala Daerah', async () => {
    const res = await s.admin.get<DocumentSummary>(`/api/agreements/${s.pks.pemda.id}/document`);
    expect(res.status).toBe(200);
    expect(res.body.signers.map((x) => [x.role, x.name, x.nip === ''])).toEqual([
      ['pihak_pertama', 'Budi Walikota', false],
    ]);
  });

  it('tells the next signer it is their turn, and no one else', async () => {
    const kadinkes = await signIn(t.app, s.signers.kadinkes, TEST_PASSWORD);
    const walikota = await signIn(t.app, s.signers.walikota, TEST_PASSWORD);
    const mine = await kadinkes.get<DocumentSummary>(`/api/documents/${kadinkesDoc.id}`);
    expect(mine.body.permissions.sign).toBe(true);
    const notYet = await walikota.get<DocumentSummary>(`/api/documents/${kadinkesDoc.id}`);
    expect(notYet.body.permissions.sign).toBe(false);
  });

  it('serves the stored PDF: wording, names, NIP, code; every page renders', async () => {
    const res = await getPdf(s.admin, `/api/documents/${kadinkesDoc.id}/pdf`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toBe(
      `inline; filename="PK-2026-dinas-kesehatan-${kadinkesDoc.code}.pdf"; filename*=UTF-8''PK-2026-dinas-kesehatan-${kadinkesDoc.code}.pdf`,
    );
    expect(createHash('sha256').update(res.body).digest('hex')).toBe(kadinkesDoc.currentSha256);
    // For a person to look at: DOCUMENTS_PDF_OUT=/tmp/x npx vitest run tests/integration/documents-*
    if (process.env.DOCUMENTS_PDF_OUT) {
      writeFileSync(join(process.env.DOCUMENTS_PDF_OUT, `pk-${kind}.pdf`), res.body);
    }

    const text = pdfText(res.body);
    const flat = text.replace(/\s+/g, ' ');
    expect(flat).toContain('PEMERINTAH KOTA UJI');
    expect(flat).toContain('PERJANJIAN KINERJA TAHUN 2026');
    expect(flat).toContain('LAMPIRAN PERJANJIAN KINERJA TAHUN 2026');
    expect(flat).toContain(statementWording.opening.slice(0, 60));
    expect(flat).toContain('selaku atasan pihak pertama, selanjutnya disebut pihak kedua.');
    expect(flat).toContain('Siti Aminah');
    expect(flat).toContain('Budi Walikota');
    const printed = (nip: string | null | undefined) =>
      (nip ?? '').replace(/^(\d{8})(\d{6})(\d)(\d{3})$/, '$1 $2 $3 $4');
    expect(flat).toContain(`NIP. ${printed(s.pks.kadinkes.firstParty.nip)}`);
    expect(flat).toContain(`NIP. ${printed(s.pks.kadinkes.secondParty?.nip)}`);
    expect(flat).toContain('Angka Kematian Ibu');
    expect(flat).toContain('Jumlah');
    expect(flat).toContain(`ID Dokumen: ${kadinkesDoc.printedCode}`);
    expect(flat).not.toContain('KONSEP');

    const pages = pdfPages(res.body);
    expect(pages).toBeGreaterThanOrEqual(2);
    expect(flat).toContain(`Halaman 1 dari ${pages}`);
    expect(flat).toContain(`Halaman ${pages} dari ${pages}`);
    const rendered = poppler('pdftoppm', res.body, ['-r', '50', '-png', '{pdf}', '{dir}/page']);
    expect(rendered.files.filter((f) => f.endsWith('.png'))).toHaveLength(pages);
  }, 60_000);

  it('the stored file is reproducible: its content and stamp render the same bytes', async () => {
    const [row] = await t.database.withTenant(s.tenantId, (tx) =>
      tx.select().from(documents).where(eq(documents.id, kadinkesDoc.id)),
    );
    const [file] = await t.database.withTenant(s.tenantId, (tx) =>
      tx
        .select()
        .from(documentFiles)
        .where(and(eq(documentFiles.documentId, kadinkesDoc.id), eq(documentFiles.seq, 0))),
    );
    if (!row || !file) throw new Error('document missing');
    const again = await renderDocumentPdf(row.content as unknown as DocumentContent, {
      code: row.code,
      verifyUrl: verifyUrl(t.services.config, row.code),
      createdAt: row.createdAt,
    });
    expect(Buffer.compare(again, file.content)).toBe(0);
  });

  it('download=1 sends it as an attachment', async () => {
    const res = await getPdf(s.admin, `/api/documents/${kadinkesDoc.id}/pdf?download=1`);
    expect(res.status).toBe(200);
    expect(String(res.headers['content-disposition'])).toMatch(/^attachment; filename="PK-2026-/);
    const seq0 = await getPdf(s.admin, `/api/documents/${kadinkesDoc.id}/pdf?seq=0`);
    expect(seq0.status).toBe(200);
    const missing = await getPdf(s.admin, `/api/documents/${kadinkesDoc.id}/pdf?seq=1`);
    expect(missing.status).toBe(404);
  });

  it('previews a draft PK with the KONSEP watermark, without storing anything', async () => {
    const created = await s.admin.post<AgreementDetail>('/api/agreements', {
      yearId: s.yearId,
      positionId: s.positions.kadisdik,
      agreementDate: '2026-01-06',
    });
    expect(created.status).toBe(201);
    const before = await t.database.withTenant(s.tenantId, (tx) =>
      tx.select({ n: sql<number>`count(*)::int` }).from(documents),
    );
    const res = await getPdf(s.admin, `/api/agreements/${created.body.id}/preview.pdf`);
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    const flat = pdfText(res.body).replace(/\s+/g, ' ');
    expect(flat).toContain('KONSEP');
    expect(flat).toContain('Joko Susilo');
    expect(flat).not.toContain('ID Dokumen:');
    const after = await t.database.withTenant(s.tenantId, (tx) =>
      tx.select({ n: sql<number>`count(*)::int` }).from(documents),
    );
    expect(after).toEqual(before);
    // A draft has no document yet.
    const doc = await s.admin.get<ErrorBody>(`/api/agreements/${created.body.id}/document`);
    expect(doc.status).toBe(409);
    expect(doc.body.error.code).toBe('NOT_READY_TO_SIGN');
    expect(doc.body.error.message).toContain('status: draf');
  }, 60_000);

  it('returning a ready PK voids its unsigned document; ready again issues a new one', async () => {
    const before = await s.admin.get<DocumentSummary>(`/api/agreements/${s.pks.kabid.id}/document`);
    expect(before.status).toBe(200);
    const returned = await s.admin.post<AgreementDetail>(
      `/api/agreements/${s.pks.kabid.id}/transitions`,
      { version: s.pks.kabid.version, action: 'return', comment: 'Target TW belum sesuai.' },
    );
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    const voided = await s.admin.get<DocumentSummary>(`/api/documents/${before.body.id}`);
    expect(voided.body.status).toBe('void');
    const none = await s.admin.get<ErrorBody>(`/api/agreements/${s.pks.kabid.id}/document`);
    expect(none.status).toBe(409);

    let pk = returned.body;
    for (const action of ['submit', 'verify', 'mark_ready']) {
      const res = await s.admin.post<AgreementDetail>(`/api/agreements/${pk.id}/transitions`, {
        version: pk.version,
        action,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      pk = res.body;
    }
    const fresh = await s.admin.get<DocumentSummary>(`/api/agreements/${pk.id}/document`);
    expect(fresh.body.id).not.toBe(before.body.id);
    expect(fresh.body.code).not.toBe(before.body.code);
    expect(fresh.body.status).toBe('pending');
    s.pks.kabid = pk;
  });

  it('refuses to return a PK one party has signed (PARTIALLY_SIGNED), keeping its document', async () => {
    const pk = await readyAgreement(s.admin, s, s.positions.kasi);
    const doc = await s.admin.get<DocumentSummary>(`/api/agreements/${pk.id}/document`);
    // What the signing feature does for the first signature, reduced to the rows it changes.
    await t.database.unsafeOwnerDb.transaction(async (tx) => {
      await tx.execute(sql`select set_config('app.signing', 'on', true)`);
      await tx.execute(
        sql`update document_signers set status = 'signed', signed_at = now(), provider = 'builtin',
                   file_seq = 0
             where document_id = ${doc.body.id} and seq = 1`,
      );
      await tx.execute(sql`update documents set signed_count = 1 where id = ${doc.body.id}`);
    });
    const res = await s.admin.post<ErrorBody>(`/api/agreements/${pk.id}/transitions`, {
      version: pk.version,
      action: 'return',
      comment: 'Ada yang salah ketik.',
    });
    expect(res.status).toBe(409);
    expect(res.body.error.code).toBe('PARTIALLY_SIGNED');
    const still = await s.admin.get<DocumentSummary>(`/api/documents/${doc.body.id}`);
    expect(still.body).toMatchObject({ status: 'pending', signedCount: 1 });
  });

  it('records downloads of signed documents only (inline views stay unaudited)', async () => {
    const doc = await s.admin.get<DocumentSummary>(`/api/agreements/${s.pks.pemda.id}/document`);
    const downloads = () =>
      t.database.withTenant(s.tenantId, (tx) =>
        tx
          .select()
          .from(auditEvents)
          .where(
            and(eq(auditEvents.action, 'document.download'), eq(auditEvents.entityId, doc.body.id)),
          ),
      );
    await getPdf(s.admin, `/api/documents/${doc.body.id}/pdf?download=1`);
    expect(await downloads()).toHaveLength(0);
    // The Wali Kota's signature, reduced to the rows the signing feature changes.
    await t.database.unsafeOwnerDb.transaction(async (tx) => {
      await tx.execute(sql`select set_config('app.signing', 'on', true)`);
      await tx.execute(
        sql`update document_signers set status = 'signed', signed_at = now(), provider = 'builtin',
                   file_seq = 0
             where document_id = ${doc.body.id} and seq = 1`,
      );
      await tx.execute(
        sql`update documents set signed_count = 1, status = 'signed', completed_at = now()
             where id = ${doc.body.id}`,
      );
    });
    await getPdf(s.admin, `/api/documents/${doc.body.id}/pdf`);
    expect(await downloads()).toHaveLength(0);
    const res = await getPdf(s.admin, `/api/documents/${doc.body.id}/pdf?download=1`);
    expect(res.status).toBe(200);
    const events = await downloads();
    expect(events).toHaveLength(1);
    expect(events[0]?.data).toMatchObject({ code: doc.body.code, seq: 0 });
    const signed = await s.admin.get<DocumentSummary>(`/api/documents/${doc.body.id}`);
    expect(signed.body).toMatchObject({ status: 'signed', signedCount: 1 });
    expect(signed.body.signers[0]?.signedAt).not.toBeNull();
    expect(signed.body.completedAt).not.toBeNull();
  });

  it("answers 404 for another tenant's document and PK", async () => {
    const other = await createSigningFixture(t);
    const theirs = await other.admin.get<DocumentSummary>(
      `/api/agreements/${other.pks.kadinkes.id}/document`,
    );
    expect(theirs.status).toBe(200);
    for (const url of [
      `/api/documents/${theirs.body.id}`,
      `/api/documents/${theirs.body.id}/pdf`,
      `/api/agreements/${other.pks.kadinkes.id}/document`,
      `/api/agreements/${other.pks.kadinkes.id}/preview.pdf`,
    ]) {
      const res = await getPdf(s.admin, url);
      expect(res.status, url).toBe(404);
    }
  }, 120_000);

  it('refuses a user without rights (403), but lets a signer without roles read their own', async () => {
    const nobody = await createTestUser(t.database, s.tenantId, []);
    const client = await signIn(t.app, nobody, TEST_PASSWORD);
    for (const url of [
      `/api/documents/${kadinkesDoc.id}`,
      `/api/documents/${kadinkesDoc.id}/pdf`,
    ]) {
      const res = await getPdf(client, url);
      expect(res.status, url).toBe(403);
    }
    expect((await getPdf(client, `/api/agreements/${s.pks.kadinkes.id}/preview.pdf`)).status).toBe(
      403,
    );

    // The head of Bidang Yankes loses every role: still a party of their own PK.
    await t.database.withSystem(async (tx) => {
      const [user] = await tx.select().from(users).where(eq(users.username, s.signers.kabid));
      if (!user) throw new Error('no kabid user');
      await tx.delete(roleGrants).where(eq(roleGrants.userId, user.id));
    });
    const kabid = await signIn(t.app, s.signers.kabid, TEST_PASSWORD);
    const own = await s.admin.get<DocumentSummary>(`/api/agreements/${s.pks.kabid.id}/document`);
    expect((await kabid.get(`/api/documents/${own.body.id}`)).status).toBe(200);
    expect((await getPdf(kabid, `/api/documents/${own.body.id}/pdf`)).status).toBe(200);
    expect((await kabid.get(`/api/documents/${kadinkesDoc.id}`)).status).toBe(403);
  });

  it('the database refuses to change or delete an issued file (AM020)', async () => {
    const db = t.database.unsafeOwnerDb;
    expect(
      await dbRefusal(
        db
          .update(documentFiles)
          .set({ content: Buffer.from('%PDF-tampered') })
          .where(eq(documentFiles.documentId, kadinkesDoc.id)),
      ),
    ).toBe('AM020');
    expect(
      await dbRefusal(db.delete(documentFiles).where(eq(documentFiles.documentId, kadinkesDoc.id))),
    ).toBe('AM020');
  });
});
