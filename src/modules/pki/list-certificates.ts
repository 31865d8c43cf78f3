import { and, asc, count, desc, eq, ilike, or, type SQL } from 'drizzle-orm';
import type { z } from 'zod';
import type { TenantContext } from '../access/context.js';
import { assertCan } from '../access/policy.js';
import { formatFullName } from '../org/names.js';
import { employees } from '../org/schema.js';
import { viewCertificate } from './certificate-view.js';
import type { certificateListQuery, certificateListSchema } from './pki-schemas.js';
import { signingCertificates } from './schema.js';

/** The admin's register of every certificate of the Pemda, filtered and paged. */
export async function listCertificates(
  ctx: TenantContext,
  query: z.infer<typeof certificateListQuery>,
): Promise<z.infer<typeof certificateListSchema>> {
  assertCan(ctx.actor, 'certificates.manage');
  const filters: SQL[] = [eq(signingCertificates.tenantId, ctx.tenantId)];
  if (query.status) filters.push(eq(signingCertificates.status, query.status));
  if (query.q) {
    // LIKE wildcards typed by the admin are taken literally.
    const pattern = `%${query.q.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
    const match = or(
      ilike(employees.name, pattern),
      ilike(signingCertificates.subjectName, pattern),
      ilike(signingCertificates.nip, pattern),
      ilike(signingCertificates.serial, pattern),
      ilike(signingCertificates.jabatan, pattern),
    );
    if (match) filters.push(match);
  }
  const join = and(
    eq(employees.tenantId, signingCertificates.tenantId),
    eq(employees.id, signingCertificates.employeeId),
  );
  const where = and(...filters);
  const [totals] = await ctx.tx
    .select({ total: count() })
    .from(signingCertificates)
    .innerJoin(employees, join)
    .where(where);
  const rows = await ctx.tx
    .select({ cert: signingCertificates, employee: employees })
    .from(signingCertificates)
    .innerJoin(employees, join)
    .where(where)
    .orderBy(asc(employees.name), desc(signingCertificates.createdAt))
    .limit(query.limit)
    .offset(query.offset);
  const now = new Date();
  return {
    items: rows.map(({ cert, employee }) => ({
      ...viewCertificate(cert, now),
      employeeId: employee.id,
      employeeName: formatFullName(employee),
    })),
    total: Number(totals?.total ?? 0),
  };
}
