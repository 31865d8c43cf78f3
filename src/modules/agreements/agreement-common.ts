import { and, eq, sql } from 'drizzle-orm';
import type { AgreementLevel, PositionKind, UnitLevel } from '../../shared/codes.js';
import { AppError, notFound } from '../../shared/errors.js';
import { isSystemActor } from '../access/actor.js';
import type { TenantContext } from '../access/context.js';
import { units } from '../org/schema.js';
import { tenants } from '../tenants/schema.js';
import { readTenantSettings, type TenantSettings } from '../tenants/settings.js';
import { agreements, agreementYears } from './schema.js';

export type AgreementRow = typeof agreements.$inferSelect;
export type AgreementYearRow = typeof agreementYears.$inferSelect;

/** The tenant's settings (quality severities, PK deadline, pelaksana PKs). */
export async function readSettings(ctx: TenantContext): Promise<TenantSettings> {
  const [row] = await ctx.tx
    .select({ settings: tenants.settings })
    .from(tenants)
    .where(eq(tenants.id, ctx.tenantId));
  return readTenantSettings(row?.settings);
}

/** A PK of the tenant with its unit path (null for the Pemda PK); 404 for anything else. */
export async function findAgreement(
  ctx: TenantContext,
  id: string,
  options: { lock?: boolean } = {},
): Promise<{ row: AgreementRow; unitPath: string[] | null }> {
  const query = ctx.tx
    .select()
    .from(agreements)
    .where(and(eq(agreements.tenantId, ctx.tenantId), eq(agreements.id, id)));
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) throw notFound('Perjanjian Kinerja');
  return { row, unitPath: await unitPathOf(ctx, row.unitId) };
}

export async function unitPathOf(ctx: TenantContext, unitId: string | null) {
  if (!unitId) return null;
  const [unit] = await ctx.tx
    .select({ path: units.path })
    .from(units)
    .where(and(eq(units.tenantId, ctx.tenantId), eq(units.id, unitId)));
  return unit?.path ?? [unitId];
}

export async function findYear(ctx: TenantContext, id: string): Promise<AgreementYearRow> {
  const [row] = await ctx.tx
    .select()
    .from(agreementYears)
    .where(and(eq(agreementYears.tenantId, ctx.tenantId), eq(agreementYears.id, id)));
  if (!row) throw notFound('Tahun PK');
  return row;
}

const statusLabels: Record<string, string> = {
  draft: 'draf',
  submitted: 'diajukan',
  returned: 'dikembalikan',
  verified: 'terverifikasi',
  ready_to_sign: 'siap ditandatangani',
  signed: 'ditandatangani',
  published: 'dipublikasikan',
  superseded: 'digantikan',
};
export const statusLabel = (status: string): string => statusLabels[status] ?? status;

/** Content and parties change only in draft/returned (the database enforces it too). */
export function assertEditable(row: AgreementRow): void {
  if (row.status !== 'draft' && row.status !== 'returned') {
    throw new AppError(
      row.status === 'signed' || row.status === 'published' || row.status === 'superseded'
        ? 'FROZEN'
        : 'NOT_EDITABLE',
      `PK ini berstatus "${statusLabel(row.status)}" sehingga tidak dapat diubah. PK hanya dapat diubah saat berstatus draf atau dikembalikan.`,
      { status: row.status },
    );
  }
}

/**
 * Which PK a position signs (REGULATIONS.md table): the Kepala Daerah the Pemda PK; the head of
 * an eselon II unit (JPT Pratama, also a Camat or Direktur RSUD heading an eselon II unit) the
 * Kepala PD PK; an administrator eselon III; a pengawas eselon IV; pelaksana and JF only when the
 * tenant has PKs down to pelaksana. Null: the position signs no PK (e.g. the deputy).
 */
export function levelForPosition(
  position: { kind: PositionKind; headsUnit: boolean; unitId: string | null },
  unit: { level: UnitLevel | null; parentId: string | null } | null,
  settings: TenantSettings,
): AgreementLevel | null {
  if (position.kind === 'kepala_daerah') return 'pemda';
  if (position.unitId === null || unit === null) return null;
  // The head of a PD signs with the Kepala Daerah: an eselon II unit, or any top-level unit (a
  // Camat heads a kecamatan, a PD, even where the kecamatan is eselon III; REGULATIONS.md).
  if (position.headsUnit && (unit.level === 'eselon_2' || unit.parentId === null)) {
    return 'kepala_pd';
  }
  switch (position.kind) {
    case 'jpt_pratama':
      return position.headsUnit ? 'kepala_pd' : null;
    case 'administrator':
      return 'eselon_iii';
    case 'pengawas':
      return 'eselon_iv';
    case 'pelaksana':
    case 'fungsional':
      return settings.agreements.includePelaksana ? 'pelaksana' : null;
    default:
      return null;
  }
}

/** The PD (the eselon II unit on the path, else the path's root) a unit belongs to. */
export async function pdOf(ctx: TenantContext, unitPath: readonly string[]): Promise<string> {
  const rows = await ctx.tx
    .select({ id: units.id, level: units.level })
    .from(units)
    .where(
      and(
        eq(units.tenantId, ctx.tenantId),
        sql`${units.id} = any(${sql.param([...unitPath])}::uuid[])`,
      ),
    );
  const pd = unitPath.find((id) => rows.some((r) => r.id === id && r.level === 'eselon_2'));
  return pd ?? (unitPath[0] as string);
}

export const levelLabels: Record<AgreementLevel, string> = {
  pemda: 'Pemda',
  kepala_pd: 'Kepala Perangkat Daerah',
  eselon_iii: 'Eselon III',
  eselon_iv: 'Eselon IV',
  pelaksana: 'Pelaksana',
};

/** The acting user's id for user references (null for the system: demo seed, CLI). */
export const actorUserId = (ctx: TenantContext): string | null =>
  isSystemActor(ctx.actor) ? null : ctx.actor.userId;

/**
 * The PK date must sit in the PK's years, or in the year before the first one (PKs for a year are
 * often signed in late December with the DPA). Anything else is a typing error.
 */
export function assertAgreementDate(date: string, startYear: number, endYear: number): void {
  const year = Number(date.slice(0, 4));
  if (year < startYear - 1 || year > endYear) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Tanggal PK ${date} berada di luar tahun PK. Pilih tanggal pada tahun ${startYear - 1}–${endYear}.`,
      { fields: [{ path: 'agreementDate', message: 'Tanggal PK di luar tahun PK.' }] },
    );
  }
}
