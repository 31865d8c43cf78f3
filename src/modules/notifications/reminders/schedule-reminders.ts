import { sql } from 'drizzle-orm';
import { type Database, queryRows, type Tx } from '../../../db/client.js';
import { todayIn } from '../../../server/clock.js';
import { formatIndonesianDate } from '../../documents/indonesian-date.js';
import { quarterLabel } from '../../monitoring/quarter-lock.js';
import { readTenantSettings, type TenantSettings } from '../../tenants/settings.js';
import {
  type DueReport,
  daysBetween,
  dueReportLink,
  dueReports,
  dueReportTitle,
  periodsAround,
} from '../due-reports.js';
import { type Notice, notifyMany } from '../notify.js';
import { coveringUsers, loadRoleHolders, usersOfEmployees } from '../recipients.js';

/**
 * Reminders before a quarter's deadline and escalation after it, for every tenant. For each
 * signed current PK × quarter of this and last year whose report is not submitted yet:
 *  - reminder: the day N of settings.monitoring.reminderDaysBefore has come (days left ≤ N) →
 *    the unit's operators and head (operator_unit / pimpinan_unit covering the unit, and the
 *    PK's pihak pertama), in-app and e-mail, key `reminder:<pk>:<year>:<q>:<N>`. Only the
 *    closest N is sent: a scheduler that was down for days does not send 7, 3 and 1 at once;
 *  - escalation: escalateAfterDaysLate days (at least one) past the deadline → the superior
 *    (pihak kedua's account) and the admins Pemda covering the unit, key
 *    `escalation:<pk>:<year>:<q>`, once.
 * The unique keys make it idempotent: run it every hour, twice, or on two servers at once, each
 * message is written once. Each tenant is one transaction under its own row-level security.
 */
export interface ReminderResult {
  tenants: number;
  reminders: number;
  escalations: number;
  notifications: number;
  mails: number;
  /** Tenants whose run failed (logged by the caller; the others still ran). */
  errors: number;
}

export interface ReminderLogger {
  warn(obj: object, msg: string): void;
}

export async function runReminders(
  database: Database,
  options: { now: Date; logger?: ReminderLogger | undefined },
): Promise<ReminderResult> {
  const tenants = await database.withSystem((tx) =>
    queryRows<{ id: string; time_zone: string; settings: unknown }>(
      tx,
      sql`select id, time_zone, settings from tenants where archived_at is null order by id`,
    ),
  );
  const total: ReminderResult = {
    tenants: 0,
    reminders: 0,
    escalations: 0,
    notifications: 0,
    mails: 0,
    errors: 0,
  };
  for (const tenant of tenants) {
    try {
      const one = await database.withTenant(tenant.id, (tx) =>
        remindTenant(tx, tenant.id, readTenantSettings(tenant.settings), {
          today: todayIn(tenant.time_zone, options.now),
        }),
      );
      total.tenants += 1;
      total.reminders += one.reminders;
      total.escalations += one.escalations;
      total.notifications += one.notifications;
      total.mails += one.mails;
    } catch (error) {
      total.errors += 1;
      options.logger?.warn({ err: error, tenantId: tenant.id }, 'Pengingat realisasi gagal');
    }
  }
  return total;
}

type Stage =
  | { kind: 'reminder'; days: number; daysLeft: number }
  | { kind: 'escalation'; daysLate: number };

/** Which message a due report calls for today, if any. */
export function stageOf(
  deadline: string,
  today: string,
  settings: Pick<TenantSettings['monitoring'], 'reminderDaysBefore' | 'escalateAfterDaysLate'>,
): Stage | null {
  const daysLeft = daysBetween(today, deadline);
  if (daysLeft >= 0) {
    const days = [...settings.reminderDaysBefore].sort((a, b) => a - b).find((n) => daysLeft <= n);
    return days === undefined ? null : { kind: 'reminder', days, daysLeft };
  }
  const daysLate = -daysLeft;
  return daysLate >= Math.max(1, settings.escalateAfterDaysLate)
    ? { kind: 'escalation', daysLate }
    : null;
}

const keyOf = (due: DueReport, stage: Stage) =>
  stage.kind === 'reminder'
    ? `reminder:${due.agreementId}:${due.year}:${due.quarter}:${stage.days}`
    : `escalation:${due.agreementId}:${due.year}:${due.quarter}`;

async function remindTenant(
  tx: Tx,
  tenantId: string,
  settings: TenantSettings,
  { today }: { today: string },
): Promise<Omit<ReminderResult, 'tenants' | 'errors'>> {
  const rules = settings.monitoring;
  const periods = periodsAround(today, settings).filter(
    (p) => stageOf(p.deadline, today, rules) !== null,
  );
  const result = { reminders: 0, escalations: 0, notifications: 0, mails: 0 };
  if (periods.length === 0) return result;

  const candidates = (await dueReports(tx, tenantId, periods)).flatMap((due) => {
    const stage = stageOf(due.deadline, today, rules);
    return stage ? [{ due, stage, key: keyOf(due, stage) }] : [];
  });
  if (candidates.length === 0) return result;

  // Keys already sent (to anyone) are done: one look-up for all, so a run with nothing new
  // writes nothing and costs two queries.
  const sent = new Set(
    (
      await queryRows<{ dedupe_key: string }>(
        tx,
        sql`select distinct dedupe_key from notifications
             where tenant_id = ${tenantId}
               and dedupe_key = any(${sql.param(candidates.map((c) => c.key))}::text[])`,
      )
    ).map((r) => r.dedupe_key),
  );
  const todo = candidates.filter((c) => !sent.has(c.key));
  if (todo.length === 0) return result;

  const holders = await loadRoleHolders(tx, tenantId, [
    'operator_unit',
    'pimpinan_unit',
    'admin_pemda',
  ]);
  const accounts = await usersOfEmployees(
    tx,
    tenantId,
    todo.flatMap((c) => [c.due.firstPartyEmployeeId, c.due.secondPartyEmployeeId]),
  );
  const notices: Notice[] = [];
  for (const { due, stage, key } of todo) {
    const period = quarterLabel(due.year, due.quarter);
    const title = dueReportTitle(due);
    const deadlineText = formatIndonesianDate(due.deadline);
    const link = dueReportLink(due);
    if (stage.kind === 'reminder') {
      const head = accounts.get(due.firstPartyEmployeeId);
      const userIds = [
        ...coveringUsers(holders, ['operator_unit', 'pimpinan_unit'], due.unitPath),
        ...(head ? [head] : []),
      ];
      const when =
        stage.daysLeft === 0 ? 'hari ini' : `${stage.daysLeft} hari lagi, ${deadlineText}`;
      notices.push({
        userIds,
        kind: 'reminder',
        title: `Pengingat: realisasi ${period} jatuh tempo ${stage.daysLeft === 0 ? 'hari ini' : deadlineText}`,
        body:
          `Realisasi ${period} ${title} belum diajukan. Batas waktu pengisian: ${when}.` +
          (due.status === 'returned'
            ? ' Laporan ini dikembalikan untuk diperbaiki; ajukan kembali setelah diperbaiki.'
            : ' Isi nilai realisasi, lengkapi penjelasan dan bukti dukung, lalu ajukan.'),
        link,
        dueOn: due.deadline,
        dedupeKey: key,
        email: true,
      });
    } else {
      const superior = due.secondPartyEmployeeId ? accounts.get(due.secondPartyEmployeeId) : null;
      const userIds = [
        ...(superior ? [superior] : []),
        ...coveringUsers(holders, ['admin_pemda'], due.unitPath),
      ];
      notices.push({
        userIds,
        kind: 'escalation',
        title: `Terlambat: realisasi ${period} ${due.unitName ?? 'Pemerintah Daerah'} belum diajukan`,
        body:
          `Realisasi ${period} ${title} belum diajukan, ${stage.daysLate} hari melewati batas waktu ${deadlineText}. ` +
          'Anda menerima pemberitahuan ini sebagai atasan (pihak kedua PK) atau admin Pemda. ' +
          'Triwulan yang terlambat hanya dapat diisi setelah admin Pemda membuka kuncinya.',
        link,
        dueOn: due.deadline,
        dedupeKey: key,
        email: true,
      });
    }
  }
  const written = await notifyMany(tx, tenantId, notices);
  for (const { stage, key } of todo) {
    if (!written.writtenKeys.has(key)) continue;
    if (stage.kind === 'reminder') result.reminders += 1;
    else result.escalations += 1;
  }
  result.notifications = written.notifications;
  result.mails = written.mails;
  return result;
}
