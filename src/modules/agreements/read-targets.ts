import { type SQL, sql } from 'drizzle-orm';
import { type Queryable, queryRows } from '../../db/client.js';
import { type TargetValue, targetFromColumns } from '../../shared/target-value.js';

export interface StoredTarget {
  indicatorId: string;
  year: number;
  /** 0 = the annual target, 1–4 = TW I–IV. */
  quarter: number;
  target: TargetValue | null;
}

/** The stored targets of some PK indicators (by indicator ids or by one PK), as TargetValues. */
export async function readAgreementTargets(
  tx: Queryable,
  tenantId: string,
  of: { indicatorIds: readonly string[] } | { agreementId: string },
): Promise<StoredTarget[]> {
  const where: SQL =
    'agreementId' in of
      ? sql`agreement_id = ${of.agreementId}`
      : sql`indicator_id = any(${sql.param([...of.indicatorIds])}::uuid[])`;
  const rows = await queryRows<{
    indicator_id: string;
    year: number;
    quarter: number;
    target_value: string | null;
    target_low: string | null;
    target_high: string | null;
    target_code: string | null;
  }>(
    tx,
    sql`select indicator_id, year, quarter, target_value::text as target_value,
               target_low::text as target_low, target_high::text as target_high, target_code
          from agreement_targets
         where tenant_id = ${tenantId} and ${where}`,
  );
  return rows.map((r) => ({
    indicatorId: r.indicator_id,
    year: Number(r.year),
    quarter: Number(r.quarter),
    target: targetFromColumns({
      value: r.target_value,
      low: r.target_low,
      high: r.target_high,
      code: r.target_code,
    }),
  }));
}
