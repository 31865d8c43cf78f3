import { and, eq } from 'drizzle-orm';
import type { z } from 'zod';
import { newId } from '../../../db/columns.js';
import { AppError, forbidden } from '../../../shared/errors.js';
import type { TenantContext } from '../../access/context.js';
import { assertCan, canWriteEmployee } from '../../access/policy.js';
import { currentPositionsOf, findEmployee } from '../employees/find-employee.js';
import { findDefinitifOverlap } from '../holder-rules.js';
import { formatFullName } from '../names.js';
import type { createAssignmentBody } from '../org-schemas.js';
import { findPosition } from '../positions/find-position.js';
import { assignments, employees } from '../schema.js';
import { assertNotArchived } from '../units/find-unit.js';

/**
 * Puts an employee in a position as definitif, Plt, Plh or Pj from a start date (and until an
 * end date, if known). Two definitif holders never overlap: checked here with a message naming
 * the other holder, and by the exclusion constraint in the database.
 */
export async function assignPosition(
  ctx: TenantContext,
  input: z.infer<typeof createAssignmentBody>,
) {
  const position = await findPosition(ctx, input.positionId);
  assertCan(ctx.actor, 'org.write', { unitPath: position.unitPath });
  assertNotArchived(position, 'Jabatan');
  const employee = await findEmployee(ctx, input.employeeId);
  assertNotArchived(employee, 'Pegawai');
  // Assigning makes the employee editable from this unit's subtree: a unit-scoped admin may
  // only take in employees who hold nothing yet, or whom they may already edit.
  const held = await currentPositionsOf(ctx, [employee.id], input.startDate);
  const heldPaths = held.flatMap((h) => (h.unitPath ? [h.unitPath] : []));
  if (held.length > 0 && !canWriteEmployee(ctx.actor, heldPaths)) {
    throw forbidden('Pegawai ini memegang jabatan di luar unit yang Anda kelola.');
  }
  // Pj (penjabat) is appointed only for the Kepala/Wakil Kepala Daerah.
  const leader = position.kind === 'kepala_daerah' || position.kind === 'wakil_kepala_daerah';
  if (!leader && input.kind === 'pj') {
    throw new AppError(
      'VALIDATION_FAILED',
      'Penugasan Pj hanya untuk jabatan Kepala/Wakil Kepala Daerah.',
      {
        field: 'kind',
      },
    );
  }
  // Lock the position's assignments so two concurrent requests cannot both pass the check.
  const existing = await ctx.tx
    .select({ a: assignments, e: employees })
    .from(assignments)
    .innerJoin(
      employees,
      and(eq(employees.tenantId, assignments.tenantId), eq(employees.id, assignments.employeeId)),
    )
    .where(
      and(eq(assignments.tenantId, ctx.tenantId), eq(assignments.positionId, input.positionId)),
    )
    .for('update', { of: assignments });
  const clash = findDefinitifOverlap(
    input,
    existing.map((r) => ({ ...r.a, employeeName: formatFullName(r.e) })),
  );
  if (clash) {
    throw new AppError(
      'ASSIGNMENT_OVERLAP',
      `Jabatan ini sudah dipegang secara definitif oleh ${clash.employeeName} sejak ${clash.startDate}${clash.endDate ? ` s.d. ${clash.endDate}` : ''}. Isi tanggal selesai penugasan itu dahulu, atau tugaskan sebagai Plt/Plh.`,
      { conflictingAssignmentId: clash.id },
    );
  }
  const duplicate = existing.find(
    (r) =>
      r.a.employeeId === input.employeeId &&
      r.a.kind === input.kind &&
      r.a.startDate === input.startDate,
  );
  if (duplicate) {
    throw new AppError('DUPLICATE', 'Penugasan yang sama sudah tercatat.', {
      assignmentId: duplicate.a.id,
    });
  }
  const id = newId();
  await ctx.tx.insert(assignments).values({ ...input, id, tenantId: ctx.tenantId });
  await ctx.audit({
    action: 'assignment.create',
    entityType: 'assignment',
    entityId: id,
    data: {
      positionId: input.positionId,
      positionTitle: position.title,
      employeeId: input.employeeId,
      employeeName: formatFullName(employee),
      kind: input.kind,
      startDate: input.startDate,
      endDate: input.endDate,
    },
  });
  return id;
}
