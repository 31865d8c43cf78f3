import { and, eq, ne } from 'drizzle-orm';
import type { PactOccasion } from '../../shared/codes.js';
import { AppError, notFound } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import { assertCan } from '../access/policy.js';
import { actorUserId } from '../agreements/agreement-common.js';
import { todayIn } from '../org/holders.js';
import { formatFullName } from '../org/names.js';
import { assignments, employees, positions, units } from '../org/schema.js';
import { fillInstansi } from './clause-rules.js';
import { type ClauseVersionRow, currentClauseVersion } from './clause-versions.js';
import type { CreatePactInput } from './integrity-schemas.js';
import {
  assertAnnualDate,
  defaultAnnualDate,
  formatDate,
  occasionLabels,
  pactStatusLabels,
  readTenantInfo,
} from './pact-common.js';
import {
  type KnownWitness,
  loadOrgSnapshot,
  type MainPosition,
  mainPositionsOn,
  resolveWitnesses,
} from './pact-parties.js';
import { integrityPacts } from './schema.js';

/** The row of one new pact: the parties, the clause text and the date are fixed from here on. */
export function pactValues(
  ctx: TenantContext,
  p: {
    maker: MainPosition;
    witness: KnownWitness;
    occasion: PactOccasion;
    fiscalYear: number;
    assignmentId: string | null;
    clauseVersion: ClauseVersionRow;
    clauses: string[];
    pactDate: string;
    place: string;
  },
): typeof integrityPacts.$inferInsert {
  return {
    tenantId: ctx.tenantId,
    employeeId: p.maker.employeeId,
    occasion: p.occasion,
    fiscalYear: p.fiscalYear,
    assignmentId: p.assignmentId,
    positionId: p.maker.positionId,
    unitId: p.maker.unitId,
    witnessEmployeeId: p.witness.kind === 'found' ? p.witness.holder.employee.id : null,
    witnessPositionId: p.witness.kind === 'found' ? p.witness.positionId : null,
    clauseVersionId: p.clauseVersion.id,
    clauses: p.clauses,
    pactDate: p.pactDate,
    place: p.place,
    createdBy: actorUserId(ctx),
  };
}

async function appointmentMaker(
  ctx: TenantContext,
  employeeId: string,
  assignmentId: string,
): Promise<{ maker: MainPosition; startDate: string; endDate: string | null }> {
  const [row] = await ctx.tx
    .select({ assignment: assignments, position: positions, unitPath: units.path })
    .from(assignments)
    .innerJoin(
      positions,
      and(eq(positions.tenantId, assignments.tenantId), eq(positions.id, assignments.positionId)),
    )
    .leftJoin(units, and(eq(units.tenantId, positions.tenantId), eq(units.id, positions.unitId)))
    .where(and(eq(assignments.tenantId, ctx.tenantId), eq(assignments.id, assignmentId)));
  if (!row) throw notFound('Penugasan');
  if (row.assignment.employeeId !== employeeId) {
    throw new AppError('VALIDATION_FAILED', 'Penugasan ini milik pegawai lain.', {
      fields: [{ path: 'assignmentId', message: 'penugasan milik pegawai lain' }],
    });
  }
  if (row.position.archivedAt) {
    throw new AppError('ARCHIVED', `Jabatan ${row.position.title} sudah diarsipkan.`);
  }
  return {
    maker: {
      employeeId,
      assignmentId: row.assignment.id,
      assignmentKind: row.assignment.kind,
      positionId: row.position.id,
      positionTitle: row.position.title,
      positionKind: row.position.kind,
      unitId: row.position.unitId,
      unitPath: row.unitPath,
    },
    startDate: row.assignment.startDate,
    endDate: row.assignment.endDate,
  };
}

/**
 * Makes the Pakta Integritas of one employee: annual (for a fiscal year, for the position they
 * hold on the pact date) or on appointment (for one assignment, dated by default on its start,
 * the pelantikan). The witness is the superior on the pact date; the clauses are the current
 * version's, with the Pemda's name filled in. The PDF is made later, when first opened.
 * Every check comes before the first write, so a refusal (AppError) leaves the caller's
 * transaction usable: the ceremony makes the heads' pacts one by one and reports refusals.
 */
export async function createPact(ctx: TenantContext, input: CreatePactInput): Promise<string> {
  const [employee] = await ctx.tx
    .select()
    .from(employees)
    .where(and(eq(employees.tenantId, ctx.tenantId), eq(employees.id, input.employeeId)));
  if (!employee) throw notFound('Pegawai');
  const name = formatFullName(employee);
  if (employee.archivedAt) throw new AppError('ARCHIVED', `Pegawai ${name} sudah diarsipkan.`);

  let maker: MainPosition;
  let fiscalYear: number;
  let pactDate: string;
  if (input.occasion === 'appointment') {
    if (!input.assignmentId) {
      throw new AppError('VALIDATION_FAILED', 'Pilih penugasan (pelantikan) untuk pakta ini.', {
        fields: [{ path: 'assignmentId', message: 'wajib untuk pakta pelantikan' }],
      });
    }
    const found = await appointmentMaker(ctx, employee.id, input.assignmentId);
    maker = found.maker;
    fiscalYear = Number(found.startDate.slice(0, 4));
    if (input.fiscalYear !== undefined && input.fiscalYear !== fiscalYear) {
      throw new AppError(
        'VALIDATION_FAILED',
        `Pakta pelantikan mengikuti tahun mulai penugasannya (${fiscalYear}).`,
        { fields: [{ path: 'fiscalYear', message: `harus ${fiscalYear}` }] },
      );
    }
    pactDate = input.pactDate ?? found.startDate;
    if (pactDate < found.startDate || (found.endDate !== null && pactDate > found.endDate)) {
      throw new AppError(
        'VALIDATION_FAILED',
        `Tanggal pakta ${formatDate(pactDate)} di luar masa penugasan (mulai ${formatDate(found.startDate)}${found.endDate ? ` sampai ${formatDate(found.endDate)}` : ''}).`,
        { fields: [{ path: 'pactDate', message: 'di luar masa penugasan' }] },
      );
    }
  } else {
    if (input.fiscalYear === undefined || input.assignmentId !== undefined) {
      throw new AppError(
        'VALIDATION_FAILED',
        'Pakta tahunan dibuat untuk satu tahun anggaran, tanpa penugasan.',
        {
          fields: [
            input.fiscalYear === undefined
              ? { path: 'fiscalYear', message: 'wajib untuk pakta tahunan' }
              : { path: 'assignmentId', message: 'hanya untuk pakta pelantikan' },
          ],
        },
      );
    }
    fiscalYear = input.fiscalYear;
    pactDate = input.pactDate ?? defaultAnnualDate(todayIn(ctx.actor.timeZone), fiscalYear);
    assertAnnualDate(pactDate, fiscalYear);
    const [main] = await mainPositionsOn(ctx, pactDate, { employeeIds: [employee.id] });
    if (!main) {
      throw new AppError(
        'VALIDATION_FAILED',
        `${name} tidak memegang jabatan pada tanggal ${formatDate(pactDate)}. Pakta Integritas dibuat untuk jabatan yang dipegang: isi penugasannya di menu Organisasi terlebih dahulu.`,
        { fields: [{ path: 'employeeId', message: 'tidak memegang jabatan' }] },
      );
    }
    maker = main;
  }
  assertCan(ctx.actor, 'integrity.write', { unitPath: maker.unitPath });

  const [existing] = await ctx.tx
    .select({ id: integrityPacts.id, status: integrityPacts.status })
    .from(integrityPacts)
    .where(
      and(
        eq(integrityPacts.tenantId, ctx.tenantId),
        ne(integrityPacts.status, 'void'),
        input.occasion === 'annual'
          ? and(
              eq(integrityPacts.occasion, 'annual'),
              eq(integrityPacts.employeeId, employee.id),
              eq(integrityPacts.fiscalYear, fiscalYear),
            )
          : and(
              eq(integrityPacts.occasion, 'appointment'),
              eq(integrityPacts.assignmentId, maker.assignmentId),
            ),
      ),
    );
  if (existing) {
    throw new AppError(
      'DUPLICATE',
      input.occasion === 'annual'
        ? `Pakta Integritas tahunan ${fiscalYear} untuk ${name} sudah ada (${pactStatusLabels[existing.status]}). Batalkan pakta tersebut lebih dahulu bila perlu dibuat ulang.`
        : `Pakta Integritas pelantikan untuk penugasan ${name} sebagai ${maker.positionTitle} sudah ada (${pactStatusLabels[existing.status]}).`,
      { pactId: existing.id },
    );
  }

  const org = await loadOrgSnapshot(ctx);
  const witness = (await resolveWitnesses(ctx, org, [maker], pactDate)).get(maker.employeeId);
  if (!witness || witness.kind === 'missing') {
    throw new AppError('NO_HOLDER', witness?.reason ?? 'Saksi tidak ditemukan.', {
      positionId: maker.positionId,
      date: pactDate,
    });
  }
  const clauseVersion = await currentClauseVersion(ctx);
  const tenant = await readTenantInfo(ctx);
  const [row] = await ctx.tx
    .insert(integrityPacts)
    .values(
      pactValues(ctx, {
        maker,
        witness,
        occasion: input.occasion,
        fiscalYear,
        assignmentId: input.occasion === 'appointment' ? maker.assignmentId : null,
        clauseVersion,
        clauses: fillInstansi(clauseVersion.clauses, tenant.name),
        pactDate,
        place: tenant.place,
      }),
    )
    .returning({ id: integrityPacts.id });
  if (!row) throw new Error('insert returned no row');
  await ctx.audit({
    action: 'integrity_pact.create',
    entityType: 'integrity_pact',
    entityId: row.id,
    data: {
      occasion: input.occasion,
      occasionLabel: occasionLabels[input.occasion],
      fiscalYear,
      employeeId: employee.id,
      positionId: maker.positionId,
      unitId: maker.unitId,
      witnessEmployeeId: witness.kind === 'found' ? witness.holder.employee.id : null,
      witnessPositionId: witness.kind === 'found' ? witness.positionId : null,
      clauseVersion: clauseVersion.version,
      pactDate,
    },
  });
  return row.id;
}
