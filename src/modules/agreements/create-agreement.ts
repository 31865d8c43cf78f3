import { and, desc, eq, isNull, ne, sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { newId } from '../../db/columns.js';
import type { AgreementLevel } from '../../shared/codes.js';
import { AppError, notFound } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import { assertCan } from '../access/policy.js';
import { todayIn } from '../org/holders.js';
import { positions, units } from '../org/schema.js';
import {
  type AgreementRow,
  actorUserId,
  assertAgreementDate,
  findYear,
  levelForPosition,
  levelLabels,
  readSettings,
} from './agreement-common.js';
import type { CreateAgreementInput } from './agreement-schemas.js';
import { resolveFirstParty, resolveSecondParty } from './parties.js';
import { pullFromPlan } from './pull-from-plan.js';
import { agreements, agreementTransitions } from './schema.js';
import { writeContent } from './write-content.js';

/**
 * The default PK date: today in the tenant's zone, kept inside the PK year — 2 January when
 * today is before it (PKs drafted in December for the coming year resolve the officials of
 * the new year's first working days), 31 December when after it.
 */
export function defaultAgreementDate(today: string, year: number): string {
  const first = `${year}-01-02`;
  const last = `${year}-12-31`;
  if (today < first) return first;
  if (today > last) return last;
  return today;
}

/** The RPJMD period covering a year, preferring the active one. */
export async function periodForYear(ctx: TenantContext, year: number): Promise<string | null> {
  const [row] = await queryRows<{ id: string }>(
    ctx.tx,
    sql`select id from plan_periods
         where tenant_id = ${ctx.tenantId} and ${year} between start_year and end_year
         order by (status = 'active') desc, (status = 'draft') desc, start_year desc
         limit 1`,
  );
  return row?.id ?? null;
}

/** Pemda first: a higher PK has a smaller rank (the cascade only ever goes down). */
export const levelRank: Record<AgreementLevel, number> = {
  pemda: 0,
  kepala_pd: 1,
  eselon_iii: 2,
  eselon_iv: 3,
  pelaksana: 4,
};

/**
 * The higher PK this one cascades from: the same year's PK of pihak kedua's position (its
 * current version), when it is of a higher level (a hand-chosen pihak kedua of the same or a
 * lower level never becomes the parent: the cascade would loop). Null for the Pemda PK or when
 * the higher PK does not exist yet.
 */
export async function findParentAgreement(
  ctx: TenantContext,
  yearId: string,
  secondPartyPositionId: string | null,
  level: AgreementLevel,
): Promise<string | null> {
  if (!secondPartyPositionId) return null;
  const [parent] = await ctx.tx
    .select({ id: agreements.id, level: agreements.level })
    .from(agreements)
    .where(
      and(
        eq(agreements.tenantId, ctx.tenantId),
        eq(agreements.yearId, yearId),
        eq(agreements.positionId, secondPartyPositionId),
        ne(agreements.status, 'superseded'),
      ),
    )
    .orderBy(desc(agreements.revisionNo))
    .limit(1);
  return parent && levelRank[parent.level] < levelRank[level] ? parent.id : null;
}

/** Loads the position a PK is drafted for, its unit and the PK level it signs. */
export async function positionForAgreement(ctx: TenantContext, positionId: string) {
  const [position] = await ctx.tx
    .select()
    .from(positions)
    .where(and(eq(positions.tenantId, ctx.tenantId), eq(positions.id, positionId)));
  if (!position) throw notFound('Jabatan');
  const [unit] = position.unitId
    ? await ctx.tx
        .select()
        .from(units)
        .where(and(eq(units.tenantId, ctx.tenantId), eq(units.id, position.unitId)))
    : [];
  return { position, unit: unit ?? null };
}

/**
 * Drafts a PK for a position and year: level from the position, pihak pertama and pihak kedua
 * from the organisation on the PK date, the link to the higher PK, and (by default) sasaran,
 * indicators, targets and budgets pulled from the Renstra/DPA. Returns the new id.
 */
export async function createAgreement(
  ctx: TenantContext,
  input: CreateAgreementInput,
): Promise<string> {
  const year = await findYear(ctx, input.yearId);
  const { position, unit } = await positionForAgreement(ctx, input.positionId);
  const settings = await readSettings(ctx);
  const level = levelForPosition(position, unit, settings);
  assertCan(ctx.actor, 'agreements.write', { unitPath: unit?.path ?? null });
  if (year.status === 'closed') {
    throw new AppError(
      'CONFLICT',
      `Tahun PK ${year.year} sudah ditutup. Buka kembali tahunnya di menu Tahun PK untuk menyusun PK baru.`,
    );
  }
  if (position.archivedAt) {
    throw new AppError('ARCHIVED', `Jabatan ${position.title} sudah diarsipkan.`);
  }
  if (level === null) {
    throw new AppError(
      'VALIDATION_FAILED',
      position.kind === 'pelaksana' || position.kind === 'fungsional'
        ? 'PK untuk pelaksana/JF tidak diaktifkan di Pemda ini (pengaturan Pemda).'
        : `Jabatan ${position.title} tidak menandatangani Perjanjian Kinerja.`,
      { fields: [{ path: 'positionId', message: 'jabatan ini tidak memiliki PK' }] },
    );
  }
  const endYear = input.endYear ?? year.year;
  if (endYear < year.year || endYear > year.year + 4) {
    throw new AppError(
      'VALIDATION_FAILED',
      'Tahun akhir PK harus antara tahun PK dan 4 tahun sesudahnya.',
      {
        fields: [{ path: 'endYear', message: `antara ${year.year} dan ${year.year + 4}` }],
      },
    );
  }

  const [existing] = await ctx.tx
    .select({ id: agreements.id, status: agreements.status })
    .from(agreements)
    .where(
      and(
        eq(agreements.tenantId, ctx.tenantId),
        eq(agreements.yearId, year.id),
        eq(agreements.positionId, position.id),
        isNull(agreements.previousId),
      ),
    );
  if (existing) {
    throw new AppError(
      'DUPLICATE',
      `PK ${year.year} untuk jabatan ${position.title} sudah ada. Buka PK tersebut untuk mengubahnya, atau buat PK Perubahan bila sudah ditandatangani.`,
      { agreementId: existing.id },
    );
  }

  const agreementDate =
    input.agreementDate ?? defaultAgreementDate(todayIn(ctx.actor.timeZone), year.year);
  assertAgreementDate(agreementDate, year.year, endYear);
  const firstParty = await resolveFirstParty(ctx, position, agreementDate);
  const secondParty = await resolveSecondParty(
    ctx,
    position,
    level,
    agreementDate,
    input.secondParty ?? null,
  );
  const parentAgreementId = await findParentAgreement(
    ctx,
    year.id,
    secondParty?.positionId ?? null,
    level,
  );
  const id = newId();
  const values = {
    tenantId: ctx.tenantId,
    id,
    yearId: year.id,
    startYear: year.year,
    endYear,
    level,
    unitId: level === 'pemda' ? null : position.unitId,
    planPeriodId: await periodForYear(ctx, year.year),
    positionId: position.id,
    firstPartyEmployeeId: firstParty.employeeId,
    firstPartyAssignmentKind: firstParty.assignmentKind,
    secondPartyPositionId: secondParty?.positionId ?? null,
    secondPartyEmployeeId: secondParty?.employeeId ?? null,
    secondPartyAssignmentKind: secondParty?.assignmentKind ?? null,
    secondPartyOverrideReason: secondParty?.overrideReason ?? null,
    agreementDate,
    parentAgreementId,
    rootId: id,
    createdBy: actorUserId(ctx),
  } satisfies typeof agreements.$inferInsert;
  const [row] = (await ctx.tx.insert(agreements).values(values).returning()) as AgreementRow[];
  if (!row) throw new Error('insert returned no row');
  await ctx.tx.insert(agreementTransitions).values({
    tenantId: ctx.tenantId,
    agreementId: id,
    fromStatus: null,
    toStatus: 'draft',
    actorUserId: actorUserId(ctx),
    comment: null,
  });
  const pulled = input.pullFromPlan
    ? await writeContent(ctx, id, await pullFromPlan(ctx, row))
    : null;
  await ctx.audit({
    action: 'agreement.create',
    entityType: 'agreement',
    entityId: id,
    data: {
      year: year.year,
      level,
      levelLabel: levelLabels[level],
      positionId: position.id,
      firstPartyEmployeeId: firstParty.employeeId,
      secondPartyEmployeeId: secondParty?.employeeId ?? null,
      secondPartyOverrideReason: secondParty?.overrideReason ?? null,
      agreementDate,
      parentAgreementId,
      pulled,
    },
  });
  return id;
}
