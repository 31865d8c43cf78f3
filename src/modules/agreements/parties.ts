import { and, eq } from 'drizzle-orm';
import type { AgreementLevel, AssignmentKind } from '../../shared/codes.js';
import { AppError, notFound } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import { holderOn, superiorPositionOf } from '../org/holders.js';
import { employees, positions } from '../org/schema.js';

export interface SecondPartyOverride {
  positionId?: string | undefined;
  employeeId?: string | undefined;
  reason: string;
}

export interface ResolvedSecondParty {
  positionId: string;
  employeeId: string;
  assignmentKind: AssignmentKind;
  overrideReason: string | null;
}

const formatDate = (date: string): string => {
  const [y, m, d] = date.split('-');
  return `${d}-${m}-${y}`;
};

/** Pihak pertama: whoever holds the position on the PK date (Plt/Plh/Pj included). */
export async function resolveFirstParty(
  ctx: TenantContext,
  position: { id: string; title: string },
  date: string,
): Promise<{ employeeId: string; assignmentKind: AssignmentKind }> {
  const holder = await holderOn(ctx.tx, ctx.tenantId, position.id, date);
  if (!holder) {
    throw new AppError(
      'NO_HOLDER',
      `Jabatan ${position.title} belum memiliki pemegang pada tanggal ${formatDate(date)}; isi penugasan di menu Organisasi terlebih dahulu.`,
      { positionId: position.id, date },
    );
  }
  return { employeeId: holder.employee.id, assignmentKind: holder.kind };
}

async function findPosition(ctx: TenantContext, id: string) {
  const [row] = await ctx.tx
    .select()
    .from(positions)
    .where(and(eq(positions.tenantId, ctx.tenantId), eq(positions.id, id)));
  if (!row) throw notFound('Jabatan pihak kedua');
  return row;
}

/**
 * Pihak kedua: none for the Pemda PK (the Kepala Daerah signs alone); otherwise the holder of the
 * superior position on the PK date (head of PD ↔ Kepala Daerah, eselon III ↔ head of PD,
 * eselon IV ↔ its eselon III), or a person chosen by hand with a reason.
 */
export async function resolveSecondParty(
  ctx: TenantContext,
  position: { id: string; title: string },
  level: AgreementLevel,
  date: string,
  override: SecondPartyOverride | null,
): Promise<ResolvedSecondParty | null> {
  if (level === 'pemda') {
    if (override) {
      throw new AppError(
        'VALIDATION_FAILED',
        'PK Pemda ditandatangani Kepala Daerah sendiri, tanpa pihak kedua.',
        { fields: [{ path: 'secondParty', message: 'PK Pemda tidak memiliki pihak kedua' }] },
      );
    }
    return null;
  }
  const superior = override?.positionId
    ? await findPosition(ctx, override.positionId)
    : await superiorPositionOf(ctx.tx, ctx.tenantId, position.id);
  if (!superior) {
    throw new AppError(
      'NO_HOLDER',
      `Jabatan atasan dari ${position.title} tidak ditemukan di struktur organisasi; lengkapi struktur di menu Organisasi atau pilih pihak kedua secara manual dengan alasan.`,
      { positionId: position.id },
    );
  }
  if (superior.id === position.id) {
    throw new AppError('VALIDATION_FAILED', 'Pihak kedua tidak boleh jabatan yang sama.', {
      fields: [{ path: 'secondParty.positionId', message: 'jabatan pihak kedua sama' }],
    });
  }
  const holder = await holderOn(ctx.tx, ctx.tenantId, superior.id, date);
  if (override?.employeeId) {
    const [employee] = await ctx.tx
      .select({ id: employees.id })
      .from(employees)
      .where(and(eq(employees.tenantId, ctx.tenantId), eq(employees.id, override.employeeId)));
    if (!employee) throw notFound('Pegawai pihak kedua');
    return {
      positionId: superior.id,
      employeeId: employee.id,
      // The holder signs in their own capacity (Plt…); anyone else chosen by hand signs as is.
      assignmentKind: holder?.employee.id === employee.id ? holder.kind : 'definitif',
      overrideReason: override.reason.trim(),
    };
  }
  if (!holder) {
    throw new AppError(
      'NO_HOLDER',
      `Jabatan atasan ${superior.title} belum memiliki pemegang pada tanggal ${formatDate(date)}; isi penugasan (termasuk Plt/Plh) di menu Organisasi, atau pilih pihak kedua secara manual dengan alasan.`,
      { positionId: superior.id, date },
    );
  }
  return {
    positionId: superior.id,
    employeeId: holder.employee.id,
    assignmentKind: holder.kind,
    overrideReason: override ? override.reason.trim() : null,
  };
}
