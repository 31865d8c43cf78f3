import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import type { QuarterReportStatus, Role } from '../../shared/codes.js';
import type { TenantContext } from '../access/context.js';
import { quarterLabel } from '../monitoring/quarter-lock.js';
import { notify } from './notify.js';
import { usersCovering } from './recipients.js';

/**
 * What the monitoring workflow tells people, written in the caller's transaction (in-app
 * notifications + outbox e-mail, idempotent by dedupe key):
 *  - submitted → the head(s) of the unit (pimpinan_unit covering it): "menunggu persetujuan"
 *  - approved  → the verifiers (tenant-wide admin_pemda, evaluator): "menunggu verifikasi"
 *  - returned  → the unit's operators and the submitter, with the note
 *  - verified  → the unit's operators and head
 * The actor is never told about their own action. E-mail goes with what asks someone to act
 * (submitted, returned) — approvals and verifications stay in-app: a verifier would otherwise
 * get one e-mail per PD per quarter.
 */
export interface ReportTransitionEvent {
  reportId: string;
  agreementId: string;
  /** The PK's unit (null for the Pemda PK). */
  unitId: string | null;
  /** For messages: "Dinas Kesehatan — PK Kepala Dinas" style. */
  title: string;
  year: number;
  quarter: number;
  from: QuarterReportStatus | null;
  to: QuarterReportStatus;
  note: string | null;
}

const OPERATORS: Role[] = ['operator_unit'];
const HEADS: Role[] = ['pimpinan_unit'];
const VERIFIERS: Role[] = ['admin_pemda', 'evaluator'];
const ADMINS: Role[] = ['admin_pemda'];

export async function notifyReportTransition(
  ctx: TenantContext,
  event: ReportTransitionEvent,
): Promise<void> {
  const { tx, tenantId } = ctx;
  const period = quarterLabel(event.year, event.quarter);
  const link = `/realisasi/${event.reportId}`;
  let userIds: string[] = [];
  let kind: 'submitted' | 'approved' | 'returned' | 'verified';
  let title: string;
  let body: string;
  let email = false;
  switch (event.to) {
    case 'submitted':
      kind = 'submitted';
      userIds = await usersCovering(tx, tenantId, HEADS, event.unitId);
      title = `Realisasi ${period} menunggu persetujuan: ${event.title}`;
      body = `Realisasi ${period} ${event.title} telah diajukan oleh ${ctx.actor.displayName} dan menunggu persetujuan Anda.`;
      email = true;
      break;
    case 'approved':
      kind = 'approved';
      userIds = await usersCovering(tx, tenantId, VERIFIERS, event.unitId, {
        tenantWideOnly: true,
      });
      title = `Realisasi ${period} menunggu verifikasi: ${event.title}`;
      body = `Realisasi ${period} ${event.title} telah disetujui oleh ${ctx.actor.displayName} dan menunggu verifikasi.`;
      break;
    case 'returned': {
      kind = 'returned';
      const operators = await usersCovering(tx, tenantId, OPERATORS, event.unitId);
      userIds = [...operators, ...(await submitterOf(ctx, event.reportId))];
      title = `Realisasi ${period} dikembalikan: ${event.title}`;
      body =
        `Realisasi ${period} ${event.title} dikembalikan oleh ${ctx.actor.displayName} untuk diperbaiki.` +
        (event.note ? `\nCatatan: ${event.note}` : '');
      email = true;
      break;
    }
    case 'verified':
      kind = 'verified';
      userIds = await usersCovering(tx, tenantId, [...OPERATORS, ...HEADS], event.unitId);
      title = `Realisasi ${period} terverifikasi: ${event.title}`;
      body = `Realisasi ${period} ${event.title} telah diverifikasi oleh ${ctx.actor.displayName}.`;
      break;
    default:
      // A withdrawal back to draft tells nobody.
      return;
  }
  const step = await transitionCount(ctx, event.reportId);
  await notify(tx, tenantId, {
    userIds: userIds.filter((id) => id !== ctx.actor.userId),
    kind,
    title,
    body,
    link,
    dueOn: null,
    // The transition count makes a second return (or submit) later a new message, while the
    // same call repeated in one transaction stays one.
    dedupeKey: `report:${event.reportId}:${event.to}:${step}`,
    email,
  });
}

async function transitionCount(ctx: TenantContext, reportId: string): Promise<number> {
  const [row] = await queryRows<{ n: number | string }>(
    ctx.tx,
    sql`select count(*) as n from quarter_report_transitions
         where tenant_id = ${ctx.tenantId} and report_id = ${reportId}`,
  );
  return Number(row?.n ?? 0);
}

async function submitterOf(ctx: TenantContext, reportId: string): Promise<string[]> {
  const rows = await queryRows<{ user_id: string }>(
    ctx.tx,
    sql`select r.submitted_by as user_id from quarter_reports r
          join users u on u.tenant_id = r.tenant_id and u.id = r.submitted_by
         where r.tenant_id = ${ctx.tenantId} and r.id = ${reportId} and u.status = 'active'`,
  );
  return rows.map((r) => r.user_id);
}

/** An unlock was asked (→ admins) or decided (→ the requester). */
export interface UnlockEvent {
  unlockId: string;
  reportId: string;
  title: string;
  year: number;
  quarter: number;
  status: 'pending' | 'granted' | 'refused';
  requestedBy: string | null;
  grantedUntil: Date | null;
  note: string | null;
}

export async function notifyUnlock(ctx: TenantContext, event: UnlockEvent): Promise<void> {
  const { tx, tenantId } = ctx;
  const period = quarterLabel(event.year, event.quarter);
  if (event.status === 'pending') {
    const admins = await usersCovering(tx, tenantId, ADMINS, null, { tenantWideOnly: true });
    await notify(tx, tenantId, {
      userIds: admins.filter((id) => id !== ctx.actor.userId),
      kind: 'unlock_requested',
      title: `Permintaan buka kunci ${period}: ${event.title}`,
      body:
        `${ctx.actor.displayName} meminta agar realisasi ${period} ${event.title} dibuka kembali.` +
        (event.note ? `\nAlasan: ${event.note}` : ''),
      link: '/realisasi/buka-kunci',
      dueOn: null,
      dedupeKey: `unlock:${event.unlockId}:pending`,
      email: true,
    });
    return;
  }
  if (!event.requestedBy) return;
  const granted = event.status === 'granted';
  const until = event.grantedUntil
    ? new Intl.DateTimeFormat('id-ID', {
        dateStyle: 'long',
        timeStyle: 'short',
        timeZone: ctx.actor.timeZone,
      }).format(event.grantedUntil)
    : null;
  await notify(tx, tenantId, {
    userIds: [event.requestedBy].filter((id) => id !== ctx.actor.userId),
    kind: 'unlock_decided',
    title: granted
      ? `Buka kunci ${period} disetujui: ${event.title}`
      : `Buka kunci ${period} ditolak: ${event.title}`,
    body:
      (granted
        ? `Permintaan buka kunci realisasi ${period} ${event.title} disetujui${until ? ` sampai ${until}` : ''}. Lengkapi dan ajukan realisasi sebelum waktu tersebut.`
        : `Permintaan buka kunci realisasi ${period} ${event.title} ditolak.`) +
      (event.note ? `\nCatatan: ${event.note}` : ''),
    link: `/realisasi/${event.reportId}`,
    dueOn: null,
    dedupeKey: `unlock:${event.unlockId}:${event.status}`,
    email: true,
  });
}
