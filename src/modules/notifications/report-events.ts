import type { QuarterReportStatus } from '../../shared/codes.js';
import type { TenantContext } from '../access/context.js';

/**
 * What the monitoring workflow tells people, written in the caller's transaction (helper D
 * implements: in-app notifications + outbox e-mail, idempotent by dedupe key).
 *  - submitted → the head(s) of the unit (pimpinan_unit covering it): "menunggu persetujuan"
 *  - approved  → the verifiers (admin_pemda, evaluator): "menunggu verifikasi"
 *  - returned  → the unit's operators and the submitter, with the note
 *  - verified  → the unit's operators and head
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

export async function notifyReportTransition(
  _ctx: TenantContext,
  _event: ReportTransitionEvent,
): Promise<void> {}

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

export async function notifyUnlock(_ctx: TenantContext, _event: UnlockEvent): Promise<void> {}
