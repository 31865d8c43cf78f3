import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import type { CertificateStatus, SignerRole } from '../../shared/codes.js';
import type { TenantContext } from '../access/context.js';
import { assertCan } from '../access/policy.js';
import { certificateReadiness } from '../pki/unlock-signing-key.js';
import type { BlockerKind, CertificateState, Preflight } from './ceremony-schemas.js';
import { findCeremony, type ItemRecord, loadItems } from './load-ceremony.js';

const ENROL = 'menu Akun → Sertifikat tanda tangan';

const notReadyAction: Record<'pk' | 'pi', string> = {
  pk: 'Selesaikan verifikasi PK ini lalu tandai "siap ditandatangani" di halaman PK, atau keluarkan dari acara.',
  pi: 'Pakta Integritas ini dibatalkan; buat yang baru di menu Pakta Integritas lalu tambahkan ke acara, atau keluarkan dari acara.',
};

const certificateAction: Record<Exclude<CertificateState, 'ok'>, [BlockerKind, string]> = {
  missing: ['not_enrolled', `Minta yang bersangkutan membuat sertifikat tanda tangan di ${ENROL}.`],
  revoked: [
    'certificate_revoked',
    `Sertifikatnya telah dicabut; minta yang bersangkutan menerbitkan sertifikat baru di ${ENROL}.`,
  ],
  expired: [
    'certificate_expired',
    `Sertifikatnya sudah tidak berlaku; minta yang bersangkutan menerbitkan ulang di ${ENROL}.`,
  ],
  locked: [
    'certificate_locked',
    'Sertifikatnya dikunci sementara karena passphrase salah berulang kali; tunggu sampai kunci berakhir (paling lama beberapa menit) lalu coba lagi.',
  ],
};

interface SignerFacts {
  employee_id: string;
  has_account: boolean;
  cert_status: CertificateStatus | null;
  not_after: string | Date | null;
  locked_until: string | Date | null;
}

const dateOrNull = (v: string | Date | null): Date | null => (v === null ? null : new Date(v));

/**
 * Whether the ceremony can run: every document can be signed and every person who still has to
 * sign has an account linked to their employee record and a certificate that works today. Each
 * blocker says who or what, and what to do. People who have already signed everything of theirs
 * here are listed but never block (their certificate may lapse afterwards without harm).
 */
export async function preflightCeremony(
  ctx: TenantContext,
  id: string,
  now = new Date(),
): Promise<Preflight> {
  assertCan(ctx.actor, 'ceremonies.read');
  await findCeremony(ctx, id);
  const items = await loadItems(ctx.tx, ctx.tenantId, id);
  const blockers: Preflight['blockers'] = [];

  for (const item of items) {
    if (item.status === 'not_ready') {
      blockers.push({
        kind: 'not_ready',
        subject: describeItem(item),
        action: notReadyAction[item.kind],
      });
    } else if (item.status === 'no_document') {
      blockers.push({
        kind: 'no_document',
        subject: describeItem(item),
        action: 'Klik "Siapkan dokumen" agar PDF-nya dibuat sebelum acara.',
      });
    }
  }

  // Every person with a slot, in the order they first appear (the Kepala Daerah comes first).
  const people = new Map<
    string,
    { name: string; jabatan: string; roles: Set<SignerRole>; documents: number; pending: number }
  >();
  for (const item of items) {
    for (const s of item.signers) {
      const person = people.get(s.employeeId) ?? {
        name: s.name,
        jabatan: s.jabatan,
        roles: new Set<SignerRole>(),
        documents: 0,
        pending: 0,
      };
      person.roles.add(s.role);
      person.documents += 1;
      if (s.pending && item.status !== 'signed') person.pending += 1;
      people.set(s.employeeId, person);
    }
  }
  const facts = await signerFacts(ctx, [...people.keys()]);

  const signers: Preflight['signers'] = [];
  for (const [employeeId, person] of people) {
    const fact = facts.get(employeeId);
    const certificate = certificateReadiness(
      fact?.cert_status
        ? {
            status: fact.cert_status,
            notAfter: dateOrNull(fact.not_after),
            lockedUntil: dateOrNull(fact.locked_until),
          }
        : null,
      now,
    );
    const hasAccount = fact?.has_account ?? false;
    signers.push({
      employeeId,
      name: person.name,
      jabatan: person.jabatan,
      roles: [...person.roles],
      documents: person.documents,
      pending: person.pending,
      hasAccount,
      enrolled: certificate !== 'missing',
      certificate,
    });
    if (person.pending === 0) continue;
    const subject = `${person.name} (${person.jabatan})`;
    if (!hasAccount) {
      blockers.push({
        kind: 'no_account',
        subject,
        action:
          'Buat akun pengguna untuknya (menu Pengguna) dan tautkan ke data pegawainya, lalu minta ia membuat sertifikat tanda tangan.',
      });
      continue;
    }
    if (certificate !== 'ok') {
      const [kind, action] = certificateAction[certificate];
      blockers.push({ kind, subject, action });
    }
  }
  return { ready: blockers.length === 0, blockers, signers };
}

function describeItem(item: ItemRecord): string {
  const kind = item.kind === 'pk' ? 'PK' : 'Pakta Integritas';
  return `${kind} ${item.makerName} (${item.makerJabatan})`;
}

/**
 * For many employees at once: whether an active account is linked to them, and their current
 * certificate (the active one, else the latest, as findActiveCertificate picks it).
 */
async function signerFacts(
  ctx: TenantContext,
  employeeIds: string[],
): Promise<Map<string, SignerFacts>> {
  if (employeeIds.length === 0) return new Map();
  const rows = await queryRows<SignerFacts>(
    ctx.tx,
    sql`select q.employee_id,
               exists (select 1 from users u
                        where u.tenant_id = ${ctx.tenantId} and u.employee_id = q.employee_id
                          and u.status = 'active') as has_account,
               c.status as cert_status, c.not_after, c.locked_until
          from unnest(${sql.param(employeeIds)}::uuid[]) as q(employee_id)
          left join lateral (
            select sc.status, sc.not_after, sc.locked_until
              from signing_certificates sc
             where sc.tenant_id = ${ctx.tenantId} and sc.employee_id = q.employee_id
             order by (sc.status = 'active') desc, sc.created_at desc
             limit 1
          ) c on true`,
  );
  return new Map(rows.map((r) => [r.employee_id, r]));
}
