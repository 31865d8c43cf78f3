import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createUser } from '../../src/modules/auth/users/create-user.js';
import { listNotesForYear } from '../../src/modules/monitoring/notes/list-notes.js';
import type { NoteItem, NotesList } from '../../src/modules/monitoring/notes/notes-schemas.js';
import { type AgreementFixture, createAgreementFixture } from '../helpers/agreement-fixtures.js';
import { type ApiClient, signIn } from '../helpers/client.js';
import { testDatabaseKinds } from '../helpers/databases.js';
import { createTestUser, TEST_PASSWORD, uniqueName } from '../helpers/factories.js';
import { createTestApp, type TestApp } from '../helpers/test-app.js';

interface AuditPage {
  items: { action: string; entityId: string | null; data: Record<string, unknown> }[];
}

describe.each(testDatabaseKinds())('supervisory notes on %s', (kind) => {
  let t: TestApp;
  let f: AgreementFixture;
  let other: AgreementFixture;
  let admin: ApiClient;
  let walikota: ApiClient;
  let kadinkes: ApiClient;
  let kadisdik: ApiClient;
  let viewer: ApiClient;
  let operator: ApiClient;
  let otherWalikota: ApiClient;
  let tenantName: string;

  /** A Kepala Daerah account linked to the Wali Kota's employee record. */
  const kepalaDaerah = async (fixture: AgreementFixture, employeeId: string) => {
    const username = uniqueName('walikota.');
    await t.database.withSystem((tx) =>
      createUser(tx, null, {
        tenantId: fixture.tenantId,
        username,
        displayName: 'Akun Wali Kota',
        employeeId,
        password: TEST_PASSWORD,
        grants: [{ role: 'kepala_daerah', unitId: null }],
      }),
    );
    return signIn(t.app, username, TEST_PASSWORD);
  };

  beforeAll(async () => {
    t = await createTestApp(kind);
    f = await createAgreementFixture(t.database);
    other = await createAgreementFixture(t.database);
    admin = await signIn(t.app, f.users.admin, TEST_PASSWORD);
    walikota = await kepalaDaerah(f, f.employees.walikota);
    otherWalikota = await kepalaDaerah(other, other.employees.walikota);
    kadinkes = await signIn(
      t.app,
      await createTestUser(t.database, f.tenantId, [
        { role: 'pimpinan_unit', unitId: f.units.dinkes },
      ]),
      TEST_PASSWORD,
    );
    kadisdik = await signIn(
      t.app,
      await createTestUser(t.database, f.tenantId, [
        { role: 'pimpinan_unit', unitId: f.units.disdik },
      ]),
      TEST_PASSWORD,
    );
    viewer = await signIn(t.app, f.users.viewer, TEST_PASSWORD);
    operator = await signIn(t.app, f.users.operatorDinkes, TEST_PASSWORD);
    const session = await admin.get<{ tenant: { name: string } }>('/api/auth/session');
    tenantName = session.body.tenant.name;
  });
  afterAll(() => t.close());

  const post = (client: ApiClient, body: Record<string, unknown>) =>
    client.post<NoteItem & { code?: string }>('/api/monitoring/notes', body);

  it('lets the Kepala Daerah write on any unit and on the Pemda, signed with the employee name', async () => {
    const onUnit = await post(walikota, {
      unitId: f.units.dinkes,
      year: 2026,
      quarter: 1,
      note: '  Capaian TW I perlu dipercepat pada layanan rujukan.  ',
    });
    expect(onUnit.status).toBe(201);
    expect(onUnit.body).toMatchObject({
      unitId: f.units.dinkes,
      unitName: 'Dinas Kesehatan',
      year: 2026,
      quarter: 1,
      note: 'Capaian TW I perlu dipercepat pada layanan rujukan.',
      authorName: 'Budi Walikota',
      permissions: { update: true, delete: true },
    });
    const onPemda = await post(walikota, {
      unitId: null,
      year: 2026,
      quarter: 2,
      note: 'Secara umum kinerja Pemda sesuai rencana.',
    });
    expect(onPemda.status).toBe(201);
    expect(onPemda.body).toMatchObject({ unitId: null, unitName: tenantName });
  });

  it('lets the head of a PD write on its subtree only, signed with the display name', async () => {
    const own = await post(kadinkes, {
      unitId: f.units.yankes,
      year: 2026,
      quarter: 1,
      note: 'Bidang Yankes agar melengkapi bukti dukung.',
    });
    expect(own.status).toBe(201);
    expect(own.body.authorName).toMatch(/^Pengguna /);
    const elsewhere = await post(kadinkes, {
      unitId: f.units.disdik,
      year: 2026,
      quarter: 1,
      note: 'Catatan untuk PD lain.',
    });
    expect(elsewhere.status).toBe(403);
    const pemda = await post(kadinkes, {
      unitId: null,
      year: 2026,
      quarter: 1,
      note: 'Catatan untuk Pemda.',
    });
    expect(pemda.status).toBe(403);
  });

  it('refuses operators, viewers and bad input', async () => {
    const body = { unitId: f.units.dinkes, year: 2026, quarter: 1, note: 'Catatan operator.' };
    expect((await post(operator, body)).status).toBe(403);
    expect((await post(viewer, body)).status).toBe(403);
    expect((await post(walikota, { ...body, note: ' x ' })).status).toBe(400);
    expect((await post(walikota, { ...body, quarter: 5 })).status).toBe(400);
    expect((await post(walikota, { ...body, extra: true })).status).toBe(400);
    expect((await post(walikota, { ...body, unitId: 'bukan-uuid' })).status).toBe(400);
  });

  it('lists the notes of a year for every reader, all units or one', async () => {
    const all = await viewer.get<NotesList>('/api/monitoring/notes?year=2026');
    expect(all.status).toBe(200);
    expect(all.body.canWrite).toBe(false);
    expect(all.body.notes.map((n) => n.quarter)).toEqual([1, 1, 2]);
    expect(all.body.notes.every((n) => !n.permissions.update && !n.permissions.delete)).toBe(true);
    const dinkes = await viewer.get<NotesList>(
      `/api/monitoring/notes?year=2026&unitId=${f.units.dinkes}`,
    );
    expect(dinkes.body.notes).toHaveLength(1);
    expect(dinkes.body.notes[0]?.unitName).toBe('Dinas Kesehatan');
    const none = await viewer.get<NotesList>('/api/monitoring/notes?year=2027');
    expect(none.body.notes).toEqual([]);
    const mine = await kadinkes.get<NotesList>('/api/monitoring/notes?year=2026');
    expect(mine.body.canWrite).toBe(true);
    expect(mine.body.notes.filter((n) => n.permissions.update)).toHaveLength(1);
  });

  it('lets only the author change or remove a note, audited', async () => {
    const created = await post(kadisdik, {
      unitId: f.units.disdik,
      year: 2026,
      quarter: 3,
      note: 'Realisasi anggaran Disdik rendah.',
    });
    expect(created.status).toBe(201);
    const id = created.body.id;
    const byOther = await walikota.patch(`/api/monitoring/notes/${id}`, {
      note: 'Diubah orang lain.',
    });
    expect(byOther.status).toBe(403);
    expect((await walikota.delete(`/api/monitoring/notes/${id}`)).status).toBe(403);
    const edited = await kadisdik.patch<NoteItem>(`/api/monitoring/notes/${id}`, {
      note: 'Realisasi anggaran Disdik rendah; percepat lelang.',
    });
    expect(edited.status).toBe(200);
    expect(edited.body.note).toBe('Realisasi anggaran Disdik rendah; percepat lelang.');
    expect((await kadisdik.patch(`/api/monitoring/notes/${id}`, { note: '' })).status).toBe(400);
    expect((await kadisdik.delete(`/api/monitoring/notes/${id}`)).status).toBe(204);
    expect((await kadisdik.delete(`/api/monitoring/notes/${id}`)).status).toBe(404);

    const audit = async (action: string) =>
      (await admin.get<AuditPage>(`/api/audit?action=${action}`)).body.items;
    expect((await audit('supervisory_note.create')).map((e) => e.entityId)).toContain(id);
    const update = (await audit('supervisory_note.update')).find((e) => e.entityId === id);
    expect(update?.data).toMatchObject({
      before: 'Realisasi anggaran Disdik rendah.',
      after: 'Realisasi anggaran Disdik rendah; percepat lelang.',
    });
    const removed = (await audit('supervisory_note.delete')).find((e) => e.entityId === id);
    expect(removed?.data).toMatchObject({
      note: 'Realisasi anggaran Disdik rendah; percepat lelang.',
    });
  });

  it("answers 404 for another tenant's units and notes", async () => {
    const foreign = await post(otherWalikota, {
      unitId: other.units.dinkes,
      year: 2026,
      quarter: 1,
      note: 'Catatan Pemda lain.',
    });
    expect(foreign.status).toBe(201);
    const body = { unitId: other.units.dinkes, year: 2026, quarter: 1, note: 'Menyusup.' };
    expect((await post(walikota, body)).status).toBe(404);
    expect(
      (await walikota.get(`/api/monitoring/notes?year=2026&unitId=${other.units.dinkes}`)).status,
    ).toBe(404);
    expect(
      (await walikota.patch(`/api/monitoring/notes/${foreign.body.id}`, { note: 'Diubah.' }))
        .status,
    ).toBe(404);
    expect((await walikota.delete(`/api/monitoring/notes/${foreign.body.id}`)).status).toBe(404);
    const list = await walikota.get<NotesList>('/api/monitoring/notes?year=2026');
    expect(list.body.notes.map((n) => n.id)).not.toContain(foreign.body.id);
  });

  it('gives the ranking the notes of a year per unit (listNotesForYear)', async () => {
    const byUnit = await t.database.withTenant(f.tenantId, (tx) =>
      listNotesForYear(tx, 2026, f.tenantId),
    );
    expect([...byUnit.keys()].sort()).toEqual([f.units.dinkes, f.units.yankes, 'pemda'].sort());
    expect(byUnit.get('pemda')?.[0]).toMatchObject({ quarter: 2, unitName: tenantName });
    // Row-level security alone (no explicit tenant) gives the same answer.
    const viaRls = await t.database.withTenant(f.tenantId, (tx) => listNotesForYear(tx, 2026));
    expect([...viaRls.keys()].sort()).toEqual([...byUnit.keys()].sort());
  });
});
