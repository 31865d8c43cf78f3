import { request } from 'node:http';
import { Readable } from 'node:stream';
import { sql } from 'drizzle-orm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { queryRows, type Tx } from '../../src/db/client.js';
import type { AgreementDetail } from '../../src/modules/agreements/agreement-schemas.js';
import { supersedePrevious } from '../../src/modules/agreements/revisions/supersede.js';
import {
  makeTestCa,
  makeTestSigner,
  randomDocumentCode,
  renderTestPdf,
  sha256Hex,
  signTestPdf,
  type TestIdentity,
} from '../../src/modules/verification/testing/signed-pdf.js';
import type {
  DocumentVerification,
  UploadVerification,
} from '../../src/modules/verification/verification-schemas.js';
import { type ApiClient, signIn } from '../helpers/client.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { TEST_PASSWORD } from '../helpers/factories.js';
import { createSigningFixture, type SigningFixture } from '../helpers/signing-fixtures.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

interface ErrorBody {
  error: { code: string; message: string };
}

const RATE_LIMIT = 8;
const UUID = /[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}/i;
/**
 * The answer without the CA certificate address: that one is published by design (every
 * certificate names it in its Authority Information Access, so every signed PDF carries it).
 */
const withoutCaUrl = (body: unknown) =>
  JSON.stringify(body).replace(/\/api\/public\/pki\/[0-9a-f-]{36}\/ca\.crt/g, '');

/** Each test speaks from its own address, so the per-IP rate limit counts it alone. */
let nextIp = 1;
const freshIp = () => `10.0.${Math.floor(nextIp / 250)}.${(nextIp++ % 250) + 1}`;

interface SignerSlot {
  role: 'pihak_pertama' | 'pihak_kedua';
  employeeId: string;
  userId: string;
  certificateId: string;
  identity: TestIdentity;
}

interface IssuedDocument {
  code: string;
  /** files[n]: the file after the n-th signature (files[0] is the original). */
  files: Buffer[];
}

describe.each(testDatabaseKinds())('public verification on %s', (kind) => {
  let t: TestApp;
  let f: SigningFixture;
  let ca: TestIdentity;
  let caId: string;
  let kadinkes: SignerSlot;
  let walikota: SignerSlot;
  /** The Kepala Dinas PK, signed by both parties. */
  let genuine: IssuedDocument;
  /** The Kepala Bidang PK with one signature of two. */
  let halfSigned: IssuedDocument;

  const asOwner = <T>(fn: (tx: Tx) => Promise<T>) => t.database.withSystem(fn);

  const get = async <T>(url: string, ip = freshIp()) => {
    const res = await t.app.inject({ method: 'GET', url, remoteAddress: ip });
    return { status: res.statusCode, body: res.json() as T, headers: res.headers };
  };

  const upload = async <T = UploadVerification>(
    payload: Buffer | Readable | string,
    options: { ip?: string; contentType?: string; headers?: Record<string, string> } = {},
  ) => {
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/public/verify',
      remoteAddress: options.ip ?? freshIp(),
      headers: { 'content-type': options.contentType ?? 'application/pdf', ...options.headers },
      payload,
    });
    return { status: res.statusCode, body: res.json() as T };
  };

  async function userIdOf(username: string): Promise<string> {
    const [row] = await asOwner((tx) =>
      queryRows<{ id: string }>(tx, sql`select id from users where username = ${username}`),
    );
    return row!.id;
  }

  /** A certificate row as enrolment writes it (the private key is irrelevant here). */
  async function storeCertificate(
    employeeId: string,
    userId: string,
    identity: TestIdentity,
    person: { name: string; nip: string; jabatan: string },
  ): Promise<string> {
    const [row] = await asOwner((tx) =>
      queryRows<{ id: string }>(
        tx,
        sql`insert into signing_certificates (id, tenant_id, employee_id, user_id, provider, ca_id,
              serial, subject_name, nip, jabatan, certificate_pem, encrypted_key, kdf, not_before,
              not_after)
            values (gen_random_uuid(), ${f.tenantId}, ${employeeId}, ${userId}, 'builtin', ${caId}, ${identity.serial},
              ${person.name}, ${person.nip}, ${person.jabatan}, ${identity.certificatePem},
              'v1.test', ${JSON.stringify({ alg: 'argon2id', m: 8192, t: 1, p: 1 })}::jsonb,
              ${identity.notBefore}, ${identity.notAfter})
            returning id`,
      ),
    );
    return row!.id;
  }

  async function slot(
    role: SignerSlot['role'],
    employeeId: string,
    username: string,
  ): Promise<SignerSlot> {
    const [person] = await asOwner((tx) =>
      queryRows<{ name: string; nip: string }>(
        tx,
        sql`select name, nip from employees where id = ${employeeId}`,
      ),
    );
    const jabatan = role === 'pihak_kedua' ? 'Wali Kota' : 'Kepala Dinas Kesehatan';
    const identity = makeTestSigner(ca, { name: person!.name, nip: person!.nip, jabatan });
    const userId = await userIdOf(username);
    const certificateId = await storeCertificate(employeeId, userId, identity, {
      ...person!,
      jabatan,
    });
    return { role, employeeId, userId, certificateId, identity };
  }

  /**
   * Issues a PK document (or takes the one the documents feature already issued) and signs it
   * `count` times in slot order, storing every file as the signing feature does.
   */
  async function issueAndSign(
    agreement: AgreementDetail,
    slots: SignerSlot[],
    count: number,
  ): Promise<IssuedDocument> {
    const [existing] = await asOwner((tx) =>
      queryRows<{ id: string; code: string; content: Buffer | Uint8Array }>(
        tx,
        sql`select d.id, d.code, f.content from documents d
            join document_files f on f.tenant_id = d.tenant_id and f.document_id = d.id and f.seq = 0
            where d.tenant_id = ${f.tenantId} and d.agreement_id = ${agreement.id}
              and d.status <> 'void'`,
      ),
    );
    let documentId: string;
    let code: string;
    let pdf: Buffer;
    if (existing) {
      ({ id: documentId, code } = existing);
      pdf = Buffer.from(existing.content);
    } else {
      code = randomDocumentCode();
      pdf = await renderTestPdf({ code });
      const sha = sha256Hex(pdf);
      documentId = await asOwner(async (tx) => {
        const [doc] = await queryRows<{ id: string }>(
          tx,
          sql`insert into documents (id, tenant_id, kind, code, agreement_id, title, document_date,
                place, content, signer_count, original_sha256, current_sha256)
              values (gen_random_uuid(), ${f.tenantId}, 'pk', ${code}, ${agreement.id},
                'Perjanjian Kinerja Tahun 2026', '2026-01-05', 'Kota Contoh', '{}'::jsonb,
                ${slots.length}, ${sha}, ${sha})
              returning id`,
        );
        await tx.execute(
          sql`insert into document_files (tenant_id, document_id, seq, sha256, byte_size, content)
              values (${f.tenantId}, ${doc!.id}, 0, ${sha}, ${pdf.length}, ${pdf})`,
        );
        for (const [i, s] of slots.entries()) {
          const [person] = await queryRows<{ name: string; nip: string }>(
            tx,
            sql`select name, nip from employees where id = ${s.employeeId}`,
          );
          await tx.execute(
            sql`insert into document_signers (id, tenant_id, document_id, seq, role, employee_id, name,
                  nip, jabatan)
                values (gen_random_uuid(), ${f.tenantId}, ${doc!.id}, ${i + 1}, ${s.role}, ${s.employeeId},
                  ${person!.name}, ${person!.nip},
                  ${s.role === 'pihak_kedua' ? 'Wali Kota' : 'Kepala Dinas Kesehatan'})`,
          );
        }
        return doc!.id;
      });
    }
    const files = [pdf];
    for (let i = 1; i <= count; i += 1) {
      const s = slots[i - 1]!;
      const at = new Date(Date.now() - (count - i + 1) * 60_000);
      pdf = await signTestPdf(pdf, s.identity, ca, { at });
      files.push(pdf);
      const signed = pdf;
      const sha = sha256Hex(signed);
      const last = i === slots.length;
      await asOwner(async (tx) => {
        await tx.execute(sql`select set_config('app.signing', 'on', true)`);
        await tx.execute(
          sql`insert into document_files (tenant_id, document_id, seq, sha256, byte_size, content)
              values (${f.tenantId}, ${documentId}, ${i}, ${sha}, ${signed.length}, ${signed})`,
        );
        await tx.execute(
          sql`update document_signers set status = 'signed', signed_at = ${at},
                signed_by = ${s.userId}, certificate_id = ${s.certificateId},
                provider = 'builtin', file_seq = ${i}
              where tenant_id = ${f.tenantId} and document_id = ${documentId} and seq = ${i}`,
        );
        await tx.execute(
          sql`update documents set signed_count = ${i}, current_sha256 = ${sha},
                status = ${last ? 'signed' : 'pending'},
                completed_at = ${last ? at : null}
              where tenant_id = ${f.tenantId} and id = ${documentId}`,
        );
        if (last) {
          await tx.execute(
            sql`update agreements set status = 'signed'
                where tenant_id = ${f.tenantId} and id = ${agreement.id}`,
          );
          await supersedePrevious(tx, f.tenantId, agreement.id);
        }
      });
    }
    return { code, files };
  }

  beforeAll(async () => {
    t = await createTestApp(kind, { VERIFY_RATE_LIMIT_PER_MINUTE: String(RATE_LIMIT) });
    f = await createSigningFixture(t);
    ca = makeTestCa();
    const [row] = await asOwner((tx) =>
      queryRows<{ id: string }>(
        tx,
        sql`insert into tenant_cas (id, tenant_id, subject, certificate_pem, sealed_key,
              key_fingerprint, not_before, not_after)
            values (gen_random_uuid(), ${f.tenantId}, 'CN=Kota Contoh CA', ${ca.certificatePem}, 'v1.test',
              '0000000000000000', ${ca.notBefore}, ${ca.notAfter})
            returning id`,
      ),
    );
    caId = row!.id;
    kadinkes = await slot('pihak_pertama', f.employees.kadinkes, f.signers.kadinkes);
    walikota = await slot('pihak_kedua', f.employees.walikota, f.signers.walikota);
    genuine = await issueAndSign(f.pks.kadinkes, [kadinkes, walikota], 2);
    halfSigned = await issueAndSign(f.pks.kabid, [kadinkes, walikota], 1);
  });
  afterAll(() => t.close());

  // ---- by code -------------------------------------------------------------------------------

  it('shows a signed PK by its code: parties, times, certificates, current file', async () => {
    const printed = `${genuine.code.slice(0, 4)}-${genuine.code.slice(4, 8)}-${genuine.code.slice(8)}`;
    const res = await get<DocumentVerification>(`/api/public/verify/${printed.toLowerCase()}`);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      code: genuine.code,
      printedCode: printed,
      kind: 'pk',
      kindLabel: 'Perjanjian Kinerja',
      status: 'ditandatangani',
      supersededBy: null,
      currentSha256: sha256Hex(genuine.files[2]!),
      fileCount: 3,
    });
    expect(res.body.pemdaName.length).toBeGreaterThan(2);
    expect(res.body.signedAt).not.toBeNull();
    expect(
      res.body.signers.map((s) => [
        s.roleLabel,
        s.name,
        s.certificate?.status,
        s.signedAt !== null,
      ]),
    ).toEqual([
      ['Pihak Pertama', 'Siti Aminah', 'valid', true],
      ['Pihak Kedua', 'Budi Walikota', 'valid', true],
    ]);
    expect(res.body.signers[0]?.certificate).toMatchObject({
      serial: kadinkes.identity.serial,
      validAtSigning: true,
      provider: 'builtin',
    });
    // Only what the document itself shows: no internal ids.
    expect(withoutCaUrl(res.body)).not.toMatch(UUID);
  });

  it('shows a partly signed document as waiting for signatures', async () => {
    const res = await get<DocumentVerification>(`/api/public/verify/${halfSigned.code}`);
    expect(res.status).toBe(200);
    expect(res.body.status).toBe('menunggu_tanda_tangan');
    expect(res.body.signers.map((s) => s.signedAt !== null)).toEqual([true, false]);
    expect(res.body.signers[1]?.certificate).toBeNull();
  });

  it('answers a malformed code with 400 and an unknown one with 404, calmly', async () => {
    for (const bad of ['ABC', 'ABCD-EFGH-JKMU', '0f3c2b1a-1111-2222-3333-444455556666']) {
      const res = await get<ErrorBody>(`/api/public/verify/${bad}`);
      expect(res.status, bad).toBe(400);
      expect(res.body.error.code).toBe('BAD_REQUEST');
      expect(res.body.error.message).toContain('ID dokumen tidak valid');
    }
    const unknown = await get<ErrorBody>(`/api/public/verify/${randomDocumentCode()}`);
    expect(unknown.status).toBe(404);
    expect(unknown.body.error.message).toContain('Dokumen dengan ID ini tidak terdaftar di Amanah');
  });

  it('shows a document voided before signing as cancelled', async () => {
    // The Pemda PK got its document when it was marked ready; returning it voids that document.
    const [doc] = await asOwner((tx) =>
      queryRows<{ code: string }>(
        tx,
        sql`select code from documents where agreement_id = ${f.pks.pemda.id} and status = 'pending'`,
      ),
    );
    if (!doc) return; // documents are issued on mark_ready once that feature is in place
    const pk = await f.admin.get<AgreementDetail>(`/api/agreements/${f.pks.pemda.id}`);
    const returned = await f.admin.post(`/api/agreements/${f.pks.pemda.id}/transitions`, {
      version: pk.body.version,
      action: 'return',
      comment: 'Target perlu diperbaiki sebelum ditandatangani.',
    });
    expect(returned.status, JSON.stringify(returned.body)).toBe(200);
    const res = await get<DocumentVerification>(`/api/public/verify/${doc.code}`);
    expect(res.body).toMatchObject({ status: 'dibatalkan', signedAt: null });
  });

  // ---- by upload -------------------------------------------------------------------------------

  it('recognises the final signed file byte for byte', async () => {
    const res = await upload(genuine.files[2]!);
    expect(res.status, JSON.stringify(res.body)).toBe(200);
    expect(res.body).toMatchObject({
      match: 'exact',
      version: { seq: 2, label: 'final', isCurrent: true },
      changedAfterLastSignature: false,
      document: { code: genuine.code, status: 'ditandatangani' },
    });
    expect(
      res.body.signatures.map((s) => [
        s.signerName,
        s.integrity,
        s.coversWholeFile,
        s.certificate.status,
      ]),
    ).toEqual([
      ['Siti Aminah', 'valid', false, 'valid'],
      ['Budi Walikota', 'valid', true, 'valid'],
    ]);
    expect(withoutCaUrl(res.body)).not.toMatch(UUID);
  });

  it('names earlier versions: the unsigned original and the file after the first signature', async () => {
    const original = await upload(genuine.files[0]!);
    expect(original.body).toMatchObject({
      match: 'exact',
      version: { seq: 0, label: 'asli belum ditandatangani', isCurrent: false },
      signatures: [],
    });
    const afterFirst = await upload(genuine.files[1]!);
    expect(afterFirst.body).toMatchObject({
      match: 'exact',
      version: { seq: 1, label: 'setelah tanda tangan ke-1', isCurrent: false },
    });
    const current = await upload(halfSigned.files[1]!);
    expect(current.body.version).toMatchObject({ seq: 1, isCurrent: true });
  });

  it('flags a tampered file: one byte changed inside the signed range', async () => {
    const tampered = Buffer.from(genuine.files[2]!);
    const at = tampered.toString('latin1').indexOf('/MediaBox') + 2;
    tampered[at] = tampered[at] === 0x41 ? 0x42 : 0x41;
    const res = await upload(tampered);
    expect(res.status).toBe(200);
    expect(res.body).toMatchObject({
      match: 'modified',
      version: null,
      document: { code: genuine.code },
    });
    expect(res.body.signatures.map((s) => s.integrity)).toEqual([
      'digest_mismatch',
      'digest_mismatch',
    ]);
  });

  it('flags bytes appended after the last signature', async () => {
    const appended = Buffer.concat([genuine.files[2]!, Buffer.from('\n%%EOF\n', 'latin1')]);
    const res = await upload(appended);
    expect(res.body).toMatchObject({ match: 'modified', changedAfterLastSignature: true });
    expect(res.body.signatures.map((s) => [s.integrity, s.coversWholeFile])).toEqual([
      ['valid', false],
      ['valid', false],
    ]);
  });

  it('is not fooled by a fake signature range appended with the edit', async () => {
    const file = genuine.files[2]!;
    // An edit plus a bogus dictionary whose "range" claims to reach the end of the file.
    const edit = Buffer.from('\n1 0 obj << /Evil true >> endobj\n', 'latin1');
    const tail = (total: number) =>
      Buffer.from(`<< /ByteRange [0 1 3 ${total - 3}] /Contents <00> >>\n%%EOF\n`, 'latin1');
    // The claimed range ends exactly at the end of the forged file.
    let total = file.length + edit.length + tail(0).length;
    while (file.length + edit.length + tail(total).length !== total) {
      total = file.length + edit.length + tail(total).length;
    }
    const forged = Buffer.concat([file, edit, tail(total)]);
    expect(forged.length).toBe(total);
    const res = await upload(forged);
    expect(res.body).toMatchObject({ match: 'modified', changedAfterLastSignature: true });
    expect(res.body.signatures.filter((s) => s.integrity === 'valid')).toHaveLength(2);
    expect(res.body.signatures.every((s) => s.integrity === 'valid' || !s.coversWholeFile)).toBe(
      true,
    );
  });

  it('treats a signed PDF of no document of ours as unknown, with its signatures checked', async () => {
    const stranger = makeTestCa('CA Lain');
    const person = makeTestSigner(stranger, { name: 'Orang Lain', nip: '1', jabatan: 'Lain' });
    const pdf = await signTestPdf(
      await renderTestPdf({ code: randomDocumentCode() }),
      person,
      stranger,
    );
    const res = await upload(pdf);
    expect(res.body).toMatchObject({ match: 'unknown', document: null, version: null });
    expect(res.body.signatures).toMatchObject([
      { signerName: 'Orang Lain', integrity: 'valid', certificate: { status: 'unknown' } },
    ]);
  });

  it('does not take a forged certificate with one of our serials for ours', async () => {
    const forger = makeTestCa('Kota Contoh CA');
    const fake = makeTestSigner(forger, {
      name: 'Siti Aminah',
      nip: '197001011990032001',
      jabatan: 'Kepala Dinas Kesehatan',
      serial: kadinkes.identity.serial,
    });
    const forged = await signTestPdf(genuine.files[0]!, fake, forger);
    const res = await upload(forged);
    expect(res.body.match).toBe('modified');
    expect(res.body.signatures[0]).toMatchObject({
      integrity: 'valid',
      certificate: { status: 'unknown', serial: kadinkes.identity.serial },
    });
  });

  it('refuses what is not a PDF, an empty body and a JSON body', async () => {
    const notPdf = await upload<ErrorBody>(Buffer.from('PK\u0003\u0004 this is a zip'));
    expect(notPdf.status).toBe(422);
    expect(notPdf.body.error.code).toBe('NOT_A_PDF');
    const empty = await upload<ErrorBody>(Buffer.alloc(0));
    expect(empty.status).toBe(400);
    const json = await upload<ErrorBody>('{"a":1}', { contentType: 'application/json' });
    expect(json.status).toBe(415);
    expect(json.body.error.code).toBe('UNSUPPORTED_MEDIA_TYPE');
    const octets = await upload(genuine.files[2]!, { contentType: 'application/octet-stream' });
    expect(octets.body.match).toBe('exact');
  });

  it('refuses a 50 MB upload with 413, saying the limit', async () => {
    const chunk = Buffer.alloc(64 * 1024, 0x25);
    let sent = 0;
    const body = new Readable({
      read() {
        sent += chunk.length;
        this.push(sent > 50 * 1024 * 1024 ? null : chunk);
      },
    });
    const res = await upload<ErrorBody>(body);
    expect(res.status).toBe(413);
    expect(res.body.error).toMatchObject({
      code: 'PAYLOAD_TOO_LARGE',
      message: expect.stringContaining('Berkas terlalu besar (maksimal 20 MB)'),
    });
  });

  it('stops reading a 50 MB upload over HTTP soon after the limit', async () => {
    const address = await t.app.listen({ port: 0, host: '127.0.0.1' });
    const { port } = new URL(address);
    const chunk = Buffer.alloc(64 * 1024, 0x25);
    const total = 50 * 1024 * 1024;
    let sent = 0;
    // A chunked upload (no Content-Length) written with backpressure until the server answers
    // or stops reading: either way it must not take all 50 MB.
    const outcome = await new Promise<{ status: number; body: string } | { error: string }>(
      (resolve) => {
        let done = false;
        const finish = (value: { status: number; body: string } | { error: string }) => {
          if (!done) resolve(value);
          done = true;
        };
        const req = request(
          {
            host: '127.0.0.1',
            port,
            method: 'POST',
            path: '/api/public/verify',
            headers: { 'content-type': 'application/pdf' },
          },
          (res) => {
            let text = '';
            res.on('data', (d: Buffer) => {
              text += d.toString();
            });
            res.on('end', () => finish({ status: res.statusCode ?? 0, body: text }));
          },
        );
        // The server closes the connection after its 413; a write racing that fails (EPIPE).
        req.on('error', (error) => finish({ error: error.message }));
        const pump = () => {
          while (!done && sent < total) {
            sent += chunk.length;
            if (!req.write(chunk)) {
              req.once('drain', pump);
              return;
            }
          }
          if (!done) req.end();
        };
        pump();
      },
    );
    expect(sent).toBeLessThan(30 * 1024 * 1024);
    if ('status' in outcome) {
      expect(outcome.status).toBe(413);
      expect(JSON.parse(outcome.body).error.code).toBe('PAYLOAD_TOO_LARGE');
    }
  });

  it('refuses a declared 50 MB upload before reading its body', async () => {
    let read = 0;
    const body = new Readable({
      read() {
        read += 1;
        this.push(read > 16 ? null : Buffer.alloc(64 * 1024, 0x25));
      },
    });
    const declared = await upload<ErrorBody>(body, {
      headers: { 'content-length': String(50 * 1024 * 1024) },
    });
    expect(declared.status).toBe(413);
    expect(declared.body.error.code).toBe('PAYLOAD_TOO_LARGE');
  });

  // ---- lifecycle: revoked certificates, superseded PKs ----------------------------------------

  it('shows a PK whose PK Perubahan is signed as superseded, naming the revision', async () => {
    const signedPk = await f.admin.get<AgreementDetail>(`/api/agreements/${f.pks.kadinkes.id}`);
    const revision = await f.admin.post<AgreementDetail>(
      `/api/agreements/${f.pks.kadinkes.id}/revisions`,
      {
        version: signedPk.body.version,
        reason: 'perubahan_strategi',
        note: 'Perubahan program setelah APBD-P disahkan.',
      },
    );
    expect(revision.status, JSON.stringify(revision.body)).toBe(201);
    let pk = revision.body;
    for (const action of ['submit', 'verify', 'mark_ready']) {
      const res = await f.admin.post<AgreementDetail>(`/api/agreements/${pk.id}/transitions`, {
        version: pk.version,
        action,
      });
      expect(res.status, JSON.stringify(res.body)).toBe(200);
      pk = res.body;
    }
    const revised = await issueAndSign(pk, [kadinkes, walikota], 2);

    const old = await get<DocumentVerification>(`/api/public/verify/${genuine.code}`);
    expect(old.body.status).toBe('digantikan');
    expect(old.body.supersededBy).toMatchObject({ code: revised.code });
    expect(old.body.supersededBy?.signedAt).not.toBeNull();
    // The old file is still exactly what we issued, and says it was superseded.
    const oldFile = await upload(genuine.files[2]!);
    expect(oldFile.body).toMatchObject({
      match: 'exact',
      document: { status: 'digantikan', supersededBy: { code: revised.code } },
    });
    const current = await get<DocumentVerification>(`/api/public/verify/${revised.code}`);
    expect(current.body).toMatchObject({ status: 'ditandatangani', supersededBy: null });
  });

  it('shows a revoked certificate as revoked, with the date, and the signature as made before', async () => {
    await asOwner((tx) =>
      tx.execute(
        sql`update signing_certificates set status = 'revoked', revoked_at = now(),
              revocation_reason = 'key_compromise'
            where id = ${walikota.certificateId}`,
      ),
    );
    const byCode = await get<DocumentVerification>(`/api/public/verify/${halfSigned.code}`);
    expect(byCode.body.signers[0]?.certificate?.status).toBe('valid');
    const res = await get<DocumentVerification>(`/api/public/verify/${genuine.code}`);
    const certificate = res.body.signers[1]?.certificate;
    expect(certificate).toMatchObject({ status: 'revoked', validAtSigning: true });
    expect(certificate?.revokedAt).not.toBeNull();
    const file = await upload(genuine.files[2]!);
    expect(file.body.signatures[1]?.certificate).toMatchObject({
      status: 'revoked',
      validAtSigning: true,
    });
  });

  // ---- access -------------------------------------------------------------------------------

  it('needs no sign-in and no CSRF token, even with a session cookie', async () => {
    const admin: ApiClient = await signIn(t.app, f.users.admin, TEST_PASSWORD);
    const res = await t.app.inject({
      method: 'POST',
      url: '/api/public/verify',
      remoteAddress: freshIp(),
      headers: { 'content-type': 'application/pdf', cookie: admin.sessionCookie ?? '' },
      payload: genuine.files[2]!,
    });
    expect(res.statusCode).toBe(200);
    const crossSite = await upload<ErrorBody>(genuine.files[2]!, {
      headers: { origin: 'https://evil.example' },
    });
    expect(crossSite.status).toBe(403);
  });

  it('rate-limits both routes per address', async () => {
    const ip = freshIp();
    for (let i = 0; i < RATE_LIMIT; i += 1) {
      expect((await get(`/api/public/verify/${genuine.code}`, ip)).status).toBe(200);
    }
    const limited = await get<ErrorBody>(`/api/public/verify/${genuine.code}`, ip);
    expect(limited.status).toBe(429);
    expect(limited.body.error.code).toBe('RATE_LIMITED');
    expect((await get(`/api/public/verify/${genuine.code}`, freshIp())).status).toBe(200);

    const uploader = freshIp();
    for (let i = 0; i < RATE_LIMIT; i += 1) {
      await upload(Buffer.from('not a pdf'), { ip: uploader });
    }
    expect((await upload<ErrorBody>(genuine.files[2]!, { ip: uploader })).status).toBe(429);
  });
});
