import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { queryRows } from '../../db/client.js';
import { newId } from '../../db/columns.js';
import { type AgreementStatus, agreementStatuses } from '../../shared/codes.js';
import { AppError, notFound } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import { assertCan, can } from '../access/policy.js';
import { assertVersion } from '../org/units/find-unit.js';
import { readSettings } from './agreement-common.js';
import type {
  agreementYearSchema,
  createAgreementYearBody,
  updateAgreementYearBody,
} from './agreement-schemas.js';
import { agreementDeadline } from './deadline.js';
import { agreementYears } from './schema.js';

type YearView = z.infer<typeof agreementYearSchema>;

interface YearRow {
  id: string;
  year: number;
  dpa_approved_on: string | null;
  status: 'open' | 'closed';
  version: number;
  counts: Record<string, number> | null;
}

/** The PK years, newest first, with their deadline and PK counts per status (one query). */
export async function listAgreementYears(ctx: TenantContext, onlyId?: string): Promise<YearView[]> {
  const settings = await readSettings(ctx);
  const rows = await queryRows<YearRow>(
    ctx.tx,
    sql`select y.id, y.year, y.dpa_approved_on::text as dpa_approved_on, y.status, y.version,
               (select json_object_agg(c.status, c.n)
                  from (select a.status, count(*)::int as n from agreements a
                         where a.tenant_id = y.tenant_id and a.year_id = y.id
                         group by a.status) c) as counts
          from agreement_years y
         where y.tenant_id = ${ctx.tenantId} ${onlyId ? sql`and y.id = ${onlyId}` : sql``}
         order by y.year desc`,
  );
  const manage = can(ctx.actor, 'agreements.years');
  return rows.map((r) => {
    const counts = Object.fromEntries(agreementStatuses.map((s) => [s, 0])) as Record<
      AgreementStatus,
      number
    >;
    for (const [status, n] of Object.entries(r.counts ?? {})) {
      counts[status as AgreementStatus] = Number(n);
    }
    return {
      id: r.id,
      year: r.year,
      dpaApprovedOn: r.dpa_approved_on,
      deadline: agreementDeadline(r.dpa_approved_on, settings.agreements.deadlineMonthsAfterDpa),
      status: r.status,
      version: r.version,
      counts,
      permissions: { update: manage },
    };
  });
}

export async function getAgreementYear(ctx: TenantContext, id: string): Promise<YearView> {
  const [year] = await listAgreementYears(ctx, id);
  if (!year) throw notFound('Tahun PK');
  return year;
}

function checkDpaDate(year: number, dpaApprovedOn: string | null | undefined) {
  if (!dpaApprovedOn) return;
  const dpaYear = Number(dpaApprovedOn.slice(0, 4));
  // The DPA of year N is approved late in N−1 or early in N.
  if (dpaYear < year - 1 || dpaYear > year) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Tanggal pengesahan DPA tahun ${year} harus jatuh pada tahun ${year - 1} atau ${year}.`,
      { fields: [{ path: 'dpaApprovedOn', message: 'tanggal DPA tidak sesuai tahun PK' }] },
    );
  }
}

/** Opens a PK year (admin Pemda). */
export async function createAgreementYear(
  ctx: TenantContext,
  input: z.infer<typeof createAgreementYearBody>,
): Promise<string> {
  assertCan(ctx.actor, 'agreements.years');
  checkDpaDate(input.year, input.dpaApprovedOn);
  const [existing] = await ctx.tx
    .select({ id: agreementYears.id })
    .from(agreementYears)
    .where(and(eq(agreementYears.tenantId, ctx.tenantId), eq(agreementYears.year, input.year)));
  if (existing) {
    throw new AppError('DUPLICATE', `Tahun PK ${input.year} sudah dibuka.`, {
      yearId: existing.id,
    });
  }
  const id = newId();
  await ctx.tx.insert(agreementYears).values({
    tenantId: ctx.tenantId,
    id,
    year: input.year,
    dpaApprovedOn: input.dpaApprovedOn,
  });
  await ctx.audit({
    action: 'agreement_year.create',
    entityType: 'agreement_year',
    entityId: id,
    data: { ...input },
  });
  return id;
}

/** Sets the DPA approval date (the deadline counts from it) or opens/closes the year. */
export async function updateAgreementYear(
  ctx: TenantContext,
  id: string,
  input: z.infer<typeof updateAgreementYearBody>,
): Promise<void> {
  assertCan(ctx.actor, 'agreements.years');
  const [row] = await ctx.tx
    .select()
    .from(agreementYears)
    .where(and(eq(agreementYears.tenantId, ctx.tenantId), eq(agreementYears.id, id)))
    .for('update');
  if (!row) throw notFound('Tahun PK');
  assertVersion(row, input.version);
  const { version: _version, ...changes } = input;
  checkDpaDate(row.year, changes.dpaApprovedOn);
  await ctx.tx
    .update(agreementYears)
    .set({ ...changes, version: sql`${agreementYears.version} + 1`, updatedAt: new Date() })
    .where(and(eq(agreementYears.tenantId, ctx.tenantId), eq(agreementYears.id, id)));
  await ctx.audit({
    action: 'agreement_year.update',
    entityType: 'agreement_year',
    entityId: id,
    data: {
      before: { dpaApprovedOn: row.dpaApprovedOn, status: row.status },
      after: changes,
    },
  });
}
