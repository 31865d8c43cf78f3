import { and, eq, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { queryRows } from '../../db/client.js';
import { AppError, notFound } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import { assertCan } from '../access/policy.js';
import { todayIn } from '../org/holders.js';
import { formatFullName } from '../org/names.js';
import { units } from '../org/schema.js';
import { fillInstansi } from './clause-rules.js';
import { currentClauseVersion } from './clause-versions.js';
import { pactValues } from './create-pact.js';
import type { BulkCreateInput, bulkCreateResultSchema } from './integrity-schemas.js';
import { assertAnnualDate, defaultAnnualDate, readTenantInfo } from './pact-common.js';
import {
  type KnownWitness,
  loadOrgSnapshot,
  type MainPosition,
  mainPositionsOn,
  resolveWitnesses,
} from './pact-parties.js';
import { integrityPacts } from './schema.js';

/** Rows per INSERT: ~16 parameters each, far below PostgreSQL's 65,535 per statement. */
const CHUNK = 500;

/**
 * Makes this fiscal year's annual pact for every employee whose main position sits in a unit
 * subtree (or the whole Pemda) and who has none yet, in one transaction: a fixed number of
 * queries whatever the head count (main positions, existing pacts, the organisation, the
 * witnesses' holders, then chunked inserts). Employees without a witness are reported, not
 * made. PDFs are not rendered here; each is made when first opened or signed. A dry run only
 * counts, for the confirmation.
 */
export async function bulkCreatePacts(
  ctx: TenantContext,
  input: BulkCreateInput,
): Promise<z.infer<typeof bulkCreateResultSchema>> {
  let rootPath: string[] | null = null;
  let rootName: string | null = null;
  if (input.unitId) {
    const [unit] = await ctx.tx
      .select()
      .from(units)
      .where(and(eq(units.tenantId, ctx.tenantId), eq(units.id, input.unitId)));
    if (!unit) throw notFound('Unit');
    if (unit.archivedAt) throw new AppError('ARCHIVED', `Unit ${unit.name} sudah diarsipkan.`);
    rootPath = unit.path;
    rootName = unit.name;
  }
  // The whole Pemda (no unit) needs a tenant-wide grant; a unit needs write access over it.
  assertCan(ctx.actor, 'integrity.write', { unitPath: rootPath });
  const pactDate =
    input.pactDate ?? defaultAnnualDate(todayIn(ctx.actor.timeZone), input.fiscalYear);
  assertAnnualDate(pactDate, input.fiscalYear);

  const makers = await mainPositionsOn(ctx, pactDate, { rootUnitId: input.unitId });
  const existing = new Set(
    (
      await queryRows<{ employee_id: string }>(
        ctx.tx,
        sql`select employee_id from integrity_pacts
             where tenant_id = ${ctx.tenantId} and fiscal_year = ${input.fiscalYear}
               and occasion = 'annual' and status <> 'void'
               and employee_id = any(${sql.param(makers.map((m) => m.employeeId))}::uuid[])`,
      )
    ).map((r) => r.employee_id),
  );
  const candidates = makers.filter((m) => !existing.has(m.employeeId));
  const org = await loadOrgSnapshot(ctx);
  const witnesses = await resolveWitnesses(ctx, org, candidates, pactDate);

  const ready: { maker: MainPosition; witness: KnownWitness }[] = [];
  const failedReasons = new Map<string, string>();
  for (const maker of candidates) {
    const witness = witnesses.get(maker.employeeId);
    if (!witness || witness.kind === 'missing') {
      failedReasons.set(maker.employeeId, witness?.reason ?? 'Saksi tidak ditemukan.');
    } else {
      ready.push({ maker, witness });
    }
  }
  const failed = await describeFailures(ctx, failedReasons);

  if (input.dryRun) {
    return { created: ready.length, skipped: existing.size, failed, pactDate, dryRun: true };
  }

  let created = 0;
  if (ready.length > 0) {
    const clauseVersion = await currentClauseVersion(ctx);
    const tenant = await readTenantInfo(ctx);
    const clauses = fillInstansi(clauseVersion.clauses, tenant.name);
    for (let i = 0; i < ready.length; i += CHUNK) {
      const values = ready.slice(i, i + CHUNK).map(({ maker, witness }) =>
        pactValues(ctx, {
          maker,
          witness,
          occasion: 'annual',
          fiscalYear: input.fiscalYear,
          assignmentId: null,
          clauseVersion,
          clauses,
          pactDate,
          place: tenant.place,
        }),
      );
      // A pact made meanwhile by someone else (single create) is skipped, not an error.
      const inserted = await ctx.tx
        .insert(integrityPacts)
        .values(values)
        .onConflictDoNothing()
        .returning({ id: integrityPacts.id });
      created += inserted.length;
    }
  }
  const skipped = existing.size + (ready.length - created);
  await ctx.audit({
    action: 'integrity_pact.bulk_create',
    entityType: 'unit',
    entityId: input.unitId,
    data: {
      unitName: rootName ?? 'Seluruh Pemda',
      fiscalYear: input.fiscalYear,
      pactDate,
      created,
      skipped,
      failed: failed.length,
    },
  });
  return { created, skipped, failed, pactDate, dryRun: false };
}

async function describeFailures(ctx: TenantContext, reasons: Map<string, string>) {
  if (reasons.size === 0) return [];
  const rows = await queryRows<{
    id: string;
    front_title: string | null;
    name: string;
    back_title: string | null;
    nip: string | null;
  }>(
    ctx.tx,
    sql`select id, front_title, name, back_title, nip from employees
         where tenant_id = ${ctx.tenantId} and id = any(${sql.param([...reasons.keys()])}::uuid[])
         order by name`,
  );
  return rows.map((r) => ({
    employee: {
      id: r.id,
      name: formatFullName({ frontTitle: r.front_title, name: r.name, backTitle: r.back_title }),
      nip: r.nip,
    },
    reason: reasons.get(r.id) ?? '',
  }));
}
