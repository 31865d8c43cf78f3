/**
 * The demo Pemda's January ceremony, end to end, for trainers and as the smoke test of signing
 * (`amanah demo-ceremony --out DIR`, src/cli/commands/demo-ceremony.ts).
 *
 * Everything goes through the same use cases as the web app: PKs made ready with
 * transitionAgreement, the ceremony made by createCeremony (which adds the heads' PKs and makes
 * their Pakta Integritas), documents by prepareCeremony, certificates by enrolSigner, signatures
 * by signBatch. Only the "who is at the keyboard" differs: each official acts through their own
 * account (the one linked to their employee record, or a demo account `ttd.<nip>` made here), and
 * all of them use ONE demo passphrase. That is why the whole thing refuses to run on anything but
 * the demo Pemda.
 *
 * Idempotent: a second run finds the ceremony, the certificates and the signatures already
 * there, signs nothing new, and writes the files again.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { and, eq, inArray, sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { AppError } from '../../shared/errors.js';
import { type Actor, systemActor } from '../access/actor.js';
import { runInTenant } from '../access/context.js';
import { transitionAgreement } from '../agreements/transition-agreement.js';
import { roleGrants, users } from '../auth/schema.js';
import { createUser } from '../auth/users/create-user.js';
import {
  loadReportInput,
  renderCeremonyReport,
  reportFileName,
} from '../ceremonies/ceremony-report.js';
import { createCeremony, defaultCeremonyTitle } from '../ceremonies/create-ceremony.js';
import { type ItemRecord, loadItems } from '../ceremonies/load-ceremony.js';
import { prepareCeremony, type TenantRunner } from '../ceremonies/prepare-ceremony.js';
import { ceremonies } from '../ceremonies/schema.js';
import { transitionCeremony } from '../ceremonies/transition-ceremony.js';
import { loadDocumentFile } from '../documents/load-document-file.js';
import { employees } from '../org/schema.js';
import { enrolSigner } from '../pki/enrol-signer.js';
import { findActiveCertificate } from '../pki/unlock-signing-key.js';
import { openSigningSession } from '../signing/open-session.js';
import { signBatch } from '../signing/sign-batch.js';
import type { SigningDeps } from '../signing/sign-document.js';
import { tenants } from '../tenants/schema.js';
import { DEMO_PASSWORD, ensureDemoTenant } from './ensure-demo.js';
import { buildKotaContoh } from './kota-contoh.js';
import { DEMO_AGREEMENT_DATE, DEMO_PK_YEAR } from './planning-demo.js';

/**
 * The signing passphrase of every demo official. Demo only: printed by the command and in the
 * README, and never used outside the demo Pemda (the command refuses any other tenant).
 */
export const DEMO_SIGNING_PASSPHRASE = 'Demo-TTE-KotaContoh-2027';
export const DEMO_CEREMONY_TITLE = defaultCeremonyTitle(DEMO_PK_YEAR);
/** The PKs are dated on the ceremony day (planning-demo.ts). */
export const DEMO_CEREMONY_DATE = DEMO_AGREEMENT_DATE;
export const DEMO_CEREMONY_TIME = '09:00';
export const DEMO_CEREMONY_PLACE = 'Ruang Rapat Utama Balai Kota';

export interface DemoCeremonyOptions {
  outDir: string;
  /** Who the audit log names for the admin's part (making PKs ready, the ceremony). */
  adminLabel: string;
  /** Progress lines (the CLI prints them on stderr). */
  log?: (line: string) => void;
}

export interface DemoCeremonyResult {
  tenantId: string;
  ceremonyId: string;
  /** Whether the demo Pemda had to be seeded first. */
  seeded: boolean;
  pk: { signed: number; total: number };
  pi: { signed: number; total: number };
  /** Signatures made by this run (0 on a second run). */
  signatures: number;
  /** Officials enrolled and demo accounts made by this run. */
  enrolled: number;
  accountsCreated: number;
  /** Files written to outDir, by name. */
  files: string[];
  /** What could not be done; the command exits non-zero when there is any. */
  failures: { subject: string; message: string }[];
  ms: number;
}

interface Signer {
  employeeId: string;
  name: string;
  actor: Actor;
}

/** "Dinas Pendidikan dan Kebudayaan" → "dinas-pendidikan-dan-kebudayaan". */
export function fileSlug(text: string): string {
  return text
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 80);
}

const messageOf = (error: unknown): string =>
  error instanceof AppError
    ? error.message
    : error instanceof Error
      ? error.message
      : String(error);

export async function runDemoCeremony(
  deps: SigningDeps,
  options: DemoCeremonyOptions,
): Promise<DemoCeremonyResult> {
  const started = performance.now();
  const log = options.log ?? (() => {});
  const { database, config } = deps;
  const failures: DemoCeremonyResult['failures'] = [];

  const demo = await ensureDemoTenant(database);
  const { tenantId } = demo;
  if (demo.created) log('Pemda demo Kota Contoh dibuat.');
  const [tenant] = await database.withSystem((tx) =>
    tx
      .select({ regionCode: tenants.regionCode, timeZone: tenants.timeZone })
      .from(tenants)
      .where(eq(tenants.id, tenantId)),
  );
  // ensureDemoTenant finds the demo by its region code; say so again here, since everything
  // below signs with one shared passphrase.
  if (tenant?.regionCode !== buildKotaContoh().tenant.regionCode) {
    throw new AppError('FORBIDDEN', 'Upacara demo hanya dapat dijalankan pada Pemda demo.');
  }
  const admin: Actor = { ...systemActor(tenantId, options.adminLabel), timeZone: tenant.timeZone };
  const asAdmin: TenantRunner = (fn) => runInTenant(database, admin, tenantId, null, fn);

  // 1. Every head-of-PD PK and the Pemda PK ready to sign (the seed makes them so; a trainer
  //    may have sent one back since).
  const toReady = await asAdmin((ctx) =>
    queryRows<{ id: string; status: string; title: string }>(
      ctx.tx,
      sql`select a.id, a.status, p.title
            from agreements a
            join agreement_years y on y.tenant_id = a.tenant_id and y.id = a.year_id
            join positions p on p.tenant_id = a.tenant_id and p.id = a.position_id
           where a.tenant_id = ${tenantId} and y.year = ${DEMO_PK_YEAR}
             and a.level in ('pemda', 'kepala_pd')
             and a.status in ('draft', 'returned', 'submitted', 'verified')
           order by p.title`,
    ),
  );
  const steps: Record<string, ('submit' | 'verify' | 'mark_ready')[]> = {
    draft: ['submit', 'verify', 'mark_ready'],
    returned: ['submit', 'verify', 'mark_ready'],
    submitted: ['verify', 'mark_ready'],
    verified: ['mark_ready'],
  };
  for (const pk of toReady) {
    try {
      for (const action of steps[pk.status] ?? []) {
        await asAdmin(async (ctx) => {
          const [row] = await queryRows<{ version: number }>(
            ctx.tx,
            sql`select version from agreements where tenant_id = ${tenantId} and id = ${pk.id}`,
          );
          await transitionAgreement(ctx, pk.id, { action, version: row?.version ?? 0 }, config);
        });
      }
    } catch (error) {
      failures.push({ subject: `PK ${pk.title}`, message: messageOf(error) });
    }
  }
  if (toReady.length > 0) log(`${toReady.length} PK kepala PD ditandai siap ditandatangani.`);

  // 2. The ceremony: the one made by an earlier run, or a new one with its participants.
  const ceremonyId = await asAdmin(async (ctx) => {
    const [existing] = await ctx.tx
      .select({ id: ceremonies.id })
      .from(ceremonies)
      .where(
        and(
          eq(ceremonies.tenantId, tenantId),
          eq(ceremonies.fiscalYear, DEMO_PK_YEAR),
          eq(ceremonies.title, DEMO_CEREMONY_TITLE),
          sql`${ceremonies.status} <> 'cancelled'`,
        ),
      )
      .orderBy(sql`${ceremonies.createdAt} desc`)
      .limit(1);
    if (existing) return existing.id;
    const created = await createCeremony(ctx, {
      title: DEMO_CEREMONY_TITLE,
      fiscalYear: DEMO_PK_YEAR,
      eventDate: DEMO_CEREMONY_DATE,
      startTime: DEMO_CEREMONY_TIME,
      place: DEMO_CEREMONY_PLACE,
    });
    for (const f of created.pactFailures) {
      failures.push({ subject: `Pakta Integritas ${f.name}`, message: f.message });
    }
    log(
      `Acara dibuat: ${created.added.agreements} PK dan ${created.added.pacts} Pakta Integritas.`,
    );
    return created.id;
  });

  // A PK waits at one open ceremony at a time: heads put in another one (made in the web app)
  // are not signed here. Say which, rather than report fewer PKs without a word.
  const elsewhere = await asAdmin((ctx) =>
    queryRows<{ title: string; n: number }>(
      ctx.tx,
      sql`select c.title, count(*)::int as n
            from ceremony_items ci
            join ceremonies c on c.tenant_id = ci.tenant_id and c.id = ci.ceremony_id
            join agreements a on a.tenant_id = ci.tenant_id and a.id = ci.agreement_id
           where ci.tenant_id = ${tenantId} and c.id <> ${ceremonyId}
             and c.status in ('scheduled', 'ongoing') and a.level in ('pemda', 'kepala_pd')
             and a.status = 'ready_to_sign'
           group by c.title`,
    ),
  );
  for (const other of elsewhere) {
    failures.push({
      subject: `${other.n} PK kepala PD di acara "${other.title}"`,
      message:
        'PK ini sudah masuk acara lain yang masih terbuka sehingga tidak ditandatangani di sini. Batalkan acara itu (atau tandatangani di sana), lalu jalankan lagi.',
    });
  }

  // 3. Documents: the PDF of every item that has none yet (a completed ceremony, from an
  //    earlier run, has them all and accepts no changes).
  if (await isOpen(asAdmin, ceremonyId)) {
    log('Menyiapkan dokumen PDF…');
    const prepared = await prepareCeremony(asAdmin, config, ceremonyId);
    for (const f of prepared.failed) failures.push({ subject: f.title, message: f.message });
    if (prepared.issued > 0) log(`${prepared.issued} dokumen PDF dibuat.`);
  }
  await moveCeremony(asAdmin, ceremonyId, 'scheduled', 'start');

  // 4. The officials who still have to sign: an account and a certificate each.
  let items = await asAdmin((ctx) => loadItems(ctx.tx, tenantId, ceremonyId));
  const pendingPeople = new Map<string, string>();
  for (const item of items) {
    if (!item.document || item.status === 'signed') continue;
    for (const s of item.signers) if (s.pending) pendingPeople.set(s.employeeId, s.name);
  }
  if (pendingPeople.size > 0) log(`Menyiapkan akun dan sertifikat ${pendingPeople.size} pejabat…`);
  const accounts = await ensureAccounts(deps, tenantId, tenant.timeZone, admin, pendingPeople);
  let enrolled = 0;
  for (const signer of accounts.signers.values()) {
    try {
      if (await enrolIfNeeded(deps, signer)) enrolled++;
    } catch (error) {
      failures.push({ subject: `Sertifikat ${signer.name}`, message: messageOf(error) });
      accounts.signers.delete(signer.employeeId);
    }
  }
  if (accounts.created > 0) log(`${accounts.created} akun demo penanda tangan dibuat (ttd.<NIP>).`);
  if (enrolled > 0) log(`${enrolled} pejabat mendaftarkan sertifikat tanda tangan.`);

  // 5. Signing, in rounds: whoever has every remaining document of theirs at their turn signs
  //    them in one batch (one passphrase entry). The heads go in the first round; the Wali Kota,
  //    who comes second on every head's PK and pact, signs all of his at once in the next.
  let signatures = 0;
  const failedDocuments = new Set<string>();
  const gaveUp = new Set<string>();
  for (let round = 0; round < 10; round++) {
    const turns = whoseTurn(items, failedDocuments, gaveUp);
    const ready = [...turns].filter(([, t]) => t.mine.length === t.remaining);
    const batch = (ready.length > 0 ? ready : [...turns]).sort(
      ([, a], [, b]) => a.mine.length - b.mine.length,
    );
    if (batch.length === 0) break;
    const documents = batch.reduce((n, [, t]) => n + t.mine.length, 0);
    log(`${batch.length} pejabat menandatangani ${documents} dokumen…`);
    let signedThisRound = 0;
    for (const [employeeId, turn] of batch) {
      const signer = accounts.signers.get(employeeId);
      if (!signer) {
        gaveUp.add(employeeId);
        continue;
      }
      if (turn.mine.length > 2) {
        log(
          `${signer.name} menandatangani ${turn.mine.length} dokumen dalam satu batch (satu passphrase)…`,
        );
      }
      const outcome = await signAll(deps, signer, turn.mine);
      signedThisRound += outcome.signed;
      for (const f of outcome.failed) {
        failedDocuments.add(f.documentId);
        const title = items.find((i) => i.document?.id === f.documentId)?.title ?? f.documentId;
        failures.push({ subject: title, message: f.message });
      }
      if (outcome.stopped) {
        gaveUp.add(employeeId);
        failures.push({ subject: `Tanda tangan ${signer.name}`, message: outcome.stopped });
      }
    }
    signatures += signedThisRound;
    items = await asAdmin((ctx) => loadItems(ctx.tx, tenantId, ceremonyId));
    if (signedThisRound === 0 && ready.length === 0) break;
  }
  if (signatures > 0) log(`${signatures} tanda tangan dibuat.`);

  if (items.every((i) => i.status === 'signed')) {
    await moveCeremony(asAdmin, ceremonyId, 'ongoing', 'complete');
  }

  // 6. The signed PDFs and the ceremony report.
  const files = await writeFiles(asAdmin, ceremonyId, items, options.outDir);
  const count = (kind: 'pk' | 'pi') => ({
    signed: items.filter((i) => i.kind === kind && i.status === 'signed').length,
    total: items.filter((i) => i.kind === kind).length,
  });
  return {
    tenantId,
    ceremonyId,
    seeded: demo.created,
    pk: count('pk'),
    pi: count('pi'),
    signatures,
    enrolled,
    accountsCreated: accounts.created,
    files,
    failures,
    ms: performance.now() - started,
  };
}

async function isOpen(asAdmin: TenantRunner, id: string): Promise<boolean> {
  const [row] = await asAdmin((ctx) =>
    ctx.tx
      .select({ status: ceremonies.status })
      .from(ceremonies)
      .where(and(eq(ceremonies.tenantId, ctx.tenantId), eq(ceremonies.id, id))),
  );
  return row?.status === 'scheduled' || row?.status === 'ongoing';
}

/** Starts or completes the ceremony when it is in `from`; otherwise leaves it. */
async function moveCeremony(
  asAdmin: TenantRunner,
  id: string,
  from: 'scheduled' | 'ongoing',
  action: 'start' | 'complete',
): Promise<void> {
  await asAdmin(async (ctx) => {
    const [row] = await ctx.tx
      .select({ status: ceremonies.status, version: ceremonies.version })
      .from(ceremonies)
      .where(and(eq(ceremonies.tenantId, ctx.tenantId), eq(ceremonies.id, id)));
    if (row?.status === from) await transitionCeremony(ctx, id, action, row.version);
  });
}

interface Turn {
  /** Documents where this person is the next to sign. */
  mine: string[];
  /** Documents where this person still has to sign, now or later. */
  remaining: number;
}

/** Who is next on which documents, leaving out what cannot move any more. */
function whoseTurn(
  items: ItemRecord[],
  failedDocuments: ReadonlySet<string>,
  gaveUp: ReadonlySet<string>,
): Map<string, Turn> {
  const turns = new Map<string, Turn>();
  const turnOf = (employeeId: string) => {
    const t = turns.get(employeeId) ?? { mine: [], remaining: 0 };
    turns.set(employeeId, t);
    return t;
  };
  for (const item of items) {
    const documentId = item.document?.id;
    if (!documentId || item.status === 'signed' || item.status === 'not_ready') continue;
    if (failedDocuments.has(documentId)) continue;
    const pending = item.signers.filter((s) => s.pending);
    const next = pending[0];
    if (!next || gaveUp.has(next.employeeId)) continue;
    turnOf(next.employeeId).mine.push(documentId);
    for (const s of pending) turnOf(s.employeeId).remaining++;
  }
  for (const id of gaveUp) turns.delete(id);
  return turns;
}

/** One unlock, then the documents one transaction each (the batch of the web app). */
async function signAll(
  deps: SigningDeps,
  signer: Signer,
  documentIds: string[],
): Promise<{
  signed: number;
  failed: { documentId: string; message: string }[];
  stopped: string | null;
}> {
  let session: Awaited<ReturnType<typeof openSigningSession>>['session'];
  try {
    ({ session } = await openSigningSession(deps, {
      actor: signer.actor,
      ip: null,
      passphrase: DEMO_SIGNING_PASSPHRASE,
    }));
  } catch (error) {
    const hint =
      error instanceof AppError && error.code === 'PASSPHRASE_WRONG'
        ? ' (sertifikatnya dibuat dengan passphrase lain, bukan passphrase demo; terbitkan ulang di Akun → Sertifikat tanda tangan)'
        : '';
    return { signed: 0, failed: [], stopped: `${messageOf(error)}${hint}` };
  }
  const batch = signBatch(deps, { actor: signer.actor, ip: null, documentIds, session });
  const failed: { documentId: string; message: string }[] = [];
  let next = await batch.next();
  while (!next.done) {
    if (next.value.status === 'failed') {
      failed.push({
        documentId: next.value.documentId,
        message: next.value.error?.message ?? 'gagal',
      });
    }
    next = await batch.next();
  }
  return { signed: next.value.signed, failed, stopped: next.value.stopped?.message ?? null };
}

/**
 * The account each official signs with: the active account linked to their employee record,
 * else a demo account `ttd.<nip>` (demo password, viewer role: signing needs no other role).
 */
async function ensureAccounts(
  deps: SigningDeps,
  tenantId: string,
  timeZone: string,
  admin: Actor,
  people: ReadonlyMap<string, string>,
): Promise<{ signers: Map<string, Signer>; created: number }> {
  const employeeIds = [...people.keys()];
  const signers = new Map<string, Signer>();
  if (employeeIds.length === 0) return { signers, created: 0 };
  let created = 0;
  await deps.database.withTenant(tenantId, async (tx) => {
    const found = await tx
      .select({ id: employees.id, nip: employees.nip, name: employees.name })
      .from(employees)
      .where(and(eq(employees.tenantId, tenantId), inArray(employees.id, employeeIds)));
    const linked = await tx
      .select({
        id: users.id,
        username: users.username,
        displayName: users.displayName,
        employeeId: users.employeeId,
      })
      .from(users)
      .where(
        and(
          eq(users.tenantId, tenantId),
          eq(users.status, 'active'),
          inArray(users.employeeId, employeeIds),
        ),
      )
      .orderBy(users.createdAt);
    for (const person of found) {
      let user = linked.find((u) => u.employeeId === person.id);
      if (!user) {
        const username = `ttd.${person.nip ?? person.id.slice(0, 8)}`;
        const displayName = `${person.name} (akun demo tanda tangan)`;
        const id = await createUser(tx, admin, {
          tenantId,
          username,
          displayName,
          password: DEMO_PASSWORD,
          employeeId: person.id,
          grants: [{ role: 'viewer', unitId: null }],
          skipStrengthCheck: true,
        });
        user = { id, username, displayName, employeeId: person.id };
        created++;
      }
      const grants = await tx
        .select({ role: roleGrants.role, unitId: roleGrants.unitId })
        .from(roleGrants)
        .where(and(eq(roleGrants.tenantId, tenantId), eq(roleGrants.userId, user.id)));
      signers.set(person.id, {
        employeeId: person.id,
        name: people.get(person.id) ?? person.name,
        actor: {
          userId: user.id,
          username: user.username,
          displayName: user.displayName,
          tenantId,
          timeZone,
          isPlatformAdmin: false,
          grants,
          // Signing is a person's act from a session (policy: signing.self); here the official
          // is played by the command, with the demo passphrase.
          via: 'session',
          scopes: ['read', 'write'],
        },
      });
    }
  });
  return { signers, created };
}

/** Enrols the official with the demo passphrase unless they have a working certificate. */
async function enrolIfNeeded(deps: SigningDeps, signer: Signer): Promise<boolean> {
  const tenantId = signer.actor.tenantId!;
  return runInTenant(deps.database, signer.actor, tenantId, null, async (ctx) => {
    const current = await findActiveCertificate(ctx.tx, tenantId, signer.employeeId);
    if (current?.status === 'active') return false;
    await enrolSigner(
      ctx,
      { config: deps.config, secretBox: deps.secretBox },
      {
        passphrase: DEMO_SIGNING_PASSPHRASE,
      },
    );
    return true;
  });
}

/** Writes every fully signed document and the ceremony report; returns the file names. */
async function writeFiles(
  asAdmin: TenantRunner,
  ceremonyId: string,
  items: ItemRecord[],
  outDir: string,
): Promise<string[]> {
  mkdirSync(outDir, { recursive: true });
  const signed = items.filter((i) => i.status === 'signed' && i.document);
  const makers = [...new Set(signed.map((i) => i.makerEmployeeId))];
  const written: string[] = [];
  await asAdmin(async (ctx) => {
    // pi-<NIP>; the Kepala Daerah (a pejabat negara) has no NIP: pi-<name>.
    const fileKey = new Map(
      (
        await ctx.tx
          .select({ id: employees.id, nip: employees.nip, name: employees.name })
          .from(employees)
          .where(and(eq(employees.tenantId, ctx.tenantId), inArray(employees.id, makers)))
      ).map((e) => [e.id, e.nip ?? fileSlug(e.name)]),
    );
    for (const item of signed) {
      const name =
        item.kind === 'pk'
          ? `pk-${item.unitName ? fileSlug(item.unitName) : 'pemda'}.pdf`
          : `pi-${fileKey.get(item.makerEmployeeId) ?? fileSlug(item.makerName)}.pdf`;
      const file = await loadDocumentFile(ctx, item.document!.id);
      writeFileSync(join(outDir, name), file.content);
      written.push(name);
    }
  });
  const report = await asAdmin((ctx) => loadReportInput(ctx, ceremonyId));
  const reportName = reportFileName(report);
  writeFileSync(join(outDir, reportName), await renderCeremonyReport(report));
  written.push(reportName);
  return written;
}
