import { and, eq } from 'drizzle-orm';
import { AppError, notFound } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import { units } from '../org/schema.js';
import { tenants } from '../tenants/schema.js';
import { readTenantSettings } from '../tenants/settings.js';
import { integrityPacts } from './schema.js';

export type PactRow = typeof integrityPacts.$inferSelect;

export interface TenantInfo {
  /** "Pemerintah Kota Contoh": what {instansi} becomes. */
  name: string;
  shortName: string;
  logo: string | null;
  /** Printed above the signatures: settings.signing.place, else the short name. */
  place: string;
}

export async function readTenantInfo(ctx: TenantContext): Promise<TenantInfo> {
  const [row] = await ctx.tx
    .select({
      name: tenants.name,
      shortName: tenants.shortName,
      logo: tenants.logo,
      settings: tenants.settings,
    })
    .from(tenants)
    .where(eq(tenants.id, ctx.tenantId));
  if (!row) throw notFound('Pemda');
  const place = readTenantSettings(row.settings).signing.place.trim();
  return {
    name: row.name,
    shortName: row.shortName,
    logo: row.logo,
    place: place || row.shortName,
  };
}

/**
 * The default date of an annual pact: today in the tenant's zone, kept inside the fiscal year
 * (2 January when today is before it, so a pact made in December for next year names next
 * year's officials; 31 December when after it).
 */
export function defaultAnnualDate(today: string, fiscalYear: number): string {
  const first = `${fiscalYear}-01-02`;
  const last = `${fiscalYear}-12-31`;
  if (today < first) return first;
  if (today > last) return last;
  return today;
}

/** An annual pact is dated in its year or, signed ahead with the DPA, in the December before. */
export function assertAnnualDate(date: string, fiscalYear: number): void {
  const year = Number(date.slice(0, 4));
  if (year !== fiscalYear && year !== fiscalYear - 1) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Tanggal pakta ${formatDate(date)} di luar tahun anggaran ${fiscalYear}. Pilih tanggal pada tahun ${fiscalYear} (atau akhir ${fiscalYear - 1}).`,
      { fields: [{ path: 'pactDate', message: 'di luar tahun anggaran' }] },
    );
  }
}

/** 2026-01-05 → 05-01-2026, as dates are written in messages. */
export const formatDate = (date: string): string => date.split('-').reverse().join('-');

/** A pact of the tenant and the path of its unit (null: no unit); 404 for anything else. */
export async function findPact(
  ctx: TenantContext,
  id: string,
  options: { lock?: boolean } = {},
): Promise<{ row: PactRow; unitPath: string[] | null }> {
  const query = ctx.tx
    .select()
    .from(integrityPacts)
    .where(and(eq(integrityPacts.tenantId, ctx.tenantId), eq(integrityPacts.id, id)));
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) throw notFound('Pakta Integritas');
  return { row, unitPath: await unitPathOf(ctx, row.unitId) };
}

export async function unitPathOf(
  ctx: TenantContext,
  unitId: string | null,
): Promise<string[] | null> {
  if (!unitId) return null;
  const [unit] = await ctx.tx
    .select({ path: units.path })
    .from(units)
    .where(and(eq(units.tenantId, ctx.tenantId), eq(units.id, unitId)));
  return unit?.path ?? [unitId];
}

export const occasionLabels = { annual: 'tahunan', appointment: 'pelantikan' } as const;
export const pactStatusLabels = {
  pending: 'menunggu tanda tangan',
  signed: 'ditandatangani',
  void: 'dibatalkan',
} as const;
