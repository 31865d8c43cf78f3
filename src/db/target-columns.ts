import { type SQL, sql } from 'drizzle-orm';
import { numeric, type PgColumn, text } from 'drizzle-orm/pg-core';

/**
 * A target value in four columns (see src/shared/target-value.ts): `<prefix>_value` numeric,
 * `<prefix>_low`/`<prefix>_high` numeric for a range, `<prefix>_code` text for a scale code.
 */
export function targetColumns<P extends string>(prefix: P) {
  return {
    value: numeric(`${prefix}_value`),
    low: numeric(`${prefix}_low`),
    high: numeric(`${prefix}_high`),
    code: text(`${prefix}_code`),
  };
}

/** CHECK: at most one form filled (`required` = exactly one), and a range's low ≤ high. */
export function targetCheck(
  c: { value: PgColumn; low: PgColumn; high: PgColumn; code: PgColumn },
  required: boolean,
): SQL {
  const number = sql`(${c.value} is not null and ${c.low} is null and ${c.high} is null and ${c.code} is null)`;
  const range = sql`(${c.value} is null and ${c.low} is not null and ${c.high} is not null and ${c.low} <= ${c.high} and ${c.code} is null)`;
  const code = sql`(${c.value} is null and ${c.low} is null and ${c.high} is null and length(trim(${c.code})) > 0)`;
  const empty = sql`(${c.value} is null and ${c.low} is null and ${c.high} is null and ${c.code} is null)`;
  return required
    ? sql`${number} or ${range} or ${code}`
    : sql`${number} or ${range} or ${code} or ${empty}`;
}

export const inList = (values: readonly string[]) =>
  sql.raw(`(${values.map((v) => `'${v}'`).join(', ')})`);
