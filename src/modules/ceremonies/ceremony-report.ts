import { eq } from 'drizzle-orm';
import type { TenantContext } from '../access/context.js';
import { assertCan } from '../access/policy.js';
import { renderPdf } from '../documents/pdf/pdfmake.js';
import { tenants } from '../tenants/schema.js';
import { findCeremony, loadItems } from './load-ceremony.js';
import { type ReportInput, reportDefinition } from './report-layout.js';

/** The data of the report, read in the request's transaction. */
export async function loadReportInput(
  ctx: TenantContext,
  id: string,
  now = new Date(),
): Promise<ReportInput> {
  assertCan(ctx.actor, 'ceremonies.read');
  const ceremony = await findCeremony(ctx, id);
  const items = await loadItems(ctx.tx, ctx.tenantId, id);
  const [tenant] = await ctx.tx
    .select({ name: tenants.name, logo: tenants.logo, timeZone: tenants.timeZone })
    .from(tenants)
    .where(eq(tenants.id, ctx.tenantId));
  return {
    tenant: { name: tenant?.name ?? '', logo: tenant?.logo ?? null },
    timeZone: tenant?.timeZone ?? ctx.actor.timeZone,
    ceremony: {
      title: ceremony.title,
      fiscalYear: ceremony.fiscalYear,
      eventDate: ceremony.eventDate,
      startTime: ceremony.startTime?.slice(0, 5) ?? null,
      place: ceremony.place,
      status: ceremony.status,
    },
    documents: items.map((item) => ({
      kind: item.kind,
      title: item.title,
      unitName: item.unitName,
      code: item.document?.code ?? null,
      signers: item.signers.map((s) => ({
        role: s.role,
        name: s.name,
        jabatan: s.jabatan,
        signedAt: s.pending ? null : s.signedAt,
      })),
    })),
    generatedAt: now,
  };
}

/** Renders the report outside the transaction (pdfmake is CPU work, no connection needed). */
export const renderCeremonyReport = (input: ReportInput): Promise<Buffer> =>
  renderPdf(reportDefinition(input));

/** "Laporan-Penandatanganan-2027-01-10.pdf" */
export const reportFileName = (input: ReportInput): string =>
  `Laporan-Penandatanganan-${input.ceremony.eventDate}.pdf`;
