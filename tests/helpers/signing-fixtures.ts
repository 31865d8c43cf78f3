import { eq } from 'drizzle-orm';
import type { AgreementDetail } from '../../src/modules/agreements/agreement-schemas.js';
import { users } from '../../src/modules/auth/schema.js';
import { type AgreementFixture, createAgreementFixture } from './agreement-fixtures.js';
import { type ApiClient, signIn } from './client.js';
import { createTestUser, TEST_PASSWORD } from './factories.js';
import type { TestApp } from './test-app.js';

/**
 * The agreement fixture plus what signing needs: a user account for each official (linked to
 * their employee record, password TEST_PASSWORD) and PKs moved to "siap ditandatangani" through
 * the API, as the admin would.
 *
 *   const s = await createSigningFixture(t);
 *   const kadinkes = await signIn(t.app, s.signers.kadinkes, TEST_PASSWORD);
 *
 * PKs: `pks.pemda` (Wali Kota alone), `pks.kadinkes` (pihak pertama Kepala Dinas Kesehatan,
 * pihak kedua Wali Kota), `pks.kabid` (Kepala Bidang Yankes, pihak kedua Kepala Dinas).
 */
export interface SigningFixture extends AgreementFixture {
  signers: { walikota: string; kadinkes: string; kabid: string; kasi: string; kadisdik: string };
  admin: ApiClient;
  pks: { pemda: AgreementDetail; kadinkes: AgreementDetail; kabid: AgreementDetail };
}

async function linkedUser(t: TestApp, tenantId: string, employeeId: string, name: string) {
  const username = await createTestUser(
    t.database,
    tenantId,
    [{ role: 'viewer', unitId: null }],
    name,
  );
  await t.database.withSystem((tx) =>
    tx.update(users).set({ employeeId }).where(eq(users.username, username)),
  );
  return username;
}

/** Creates a PK for the position and moves it draft → submitted → verified → ready_to_sign. */
export async function readyAgreement(
  admin: ApiClient,
  f: AgreementFixture,
  positionId: string,
  agreementDate = '2026-01-05',
): Promise<AgreementDetail> {
  const created = await admin.post<AgreementDetail>('/api/agreements', {
    yearId: f.yearId,
    positionId,
    agreementDate,
  });
  if (created.status !== 201) throw new Error(`create PK: ${JSON.stringify(created.body)}`);
  let pk = created.body;
  for (const action of ['submit', 'verify', 'mark_ready']) {
    const res = await admin.post<AgreementDetail>(`/api/agreements/${pk.id}/transitions`, {
      version: pk.version,
      action,
    });
    if (res.status !== 200) throw new Error(`${action}: ${JSON.stringify(res.body)}`);
    pk = res.body;
  }
  return pk;
}

export async function createSigningFixture(t: TestApp): Promise<SigningFixture> {
  const f = await createAgreementFixture(t.database);
  const suffix = f.tenantId.slice(-6);
  const signers = {
    walikota: await linkedUser(t, f.tenantId, f.employees.walikota, `walikota.${suffix}`),
    kadinkes: await linkedUser(t, f.tenantId, f.employees.kadinkes, `kadinkes.${suffix}`),
    kabid: await linkedUser(t, f.tenantId, f.employees.kabid, `kabid.${suffix}`),
    kasi: await linkedUser(t, f.tenantId, f.employees.kasi, `kasi.${suffix}`),
    kadisdik: await linkedUser(t, f.tenantId, f.employees.kadisdik, `kadisdik.${suffix}`),
  };
  const admin = await signIn(t.app, f.users.admin, TEST_PASSWORD);
  const pemda = await readyAgreement(admin, f, f.positions.walikota);
  const kadinkes = await readyAgreement(admin, f, f.positions.kadinkes);
  const kabid = await readyAgreement(admin, f, f.positions.kabid);
  return { ...f, signers, admin, pks: { pemda, kadinkes, kabid } };
}
