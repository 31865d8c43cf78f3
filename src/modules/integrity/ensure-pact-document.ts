import { and, eq, ne, sql } from 'drizzle-orm';
import type { z } from 'zod';
import { queryRows } from '../../db/client.js';
import type { Config } from '../../server/config.js';
import type { AssignmentKind } from '../../shared/codes.js';
import { AppError, notFound } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import type { PiDocumentContent, SignerSlotInput } from '../documents/content-types.js';
import { formatIndonesianDate } from '../documents/indonesian-date.js';
import { issueDocument } from '../documents/issue-document.js';
import { type PartySource, partyBlock } from '../documents/party-block.js';
import { documents } from '../documents/schema.js';
import type { pactDocumentSchema } from './integrity-schemas.js';
import { findPact, type PactRow, readTenantInfo } from './pact-common.js';

export type PactDocument = z.infer<typeof pactDocumentSchema>;

interface PersonRow {
  id: string;
  front_title: string | null;
  name: string;
  back_title: string | null;
  nip: string | null;
  grade: string | null;
  position_title: string;
  /** The person's own assignment to the position on the pact date (Plt/Plh/Pj first). */
  kind: AssignmentKind | null;
}

/** A person as printed on the pact: identity now, in the capacity they had on the pact date. */
async function loadPerson(
  ctx: TenantContext,
  employeeId: string,
  positionId: string,
  date: string,
): Promise<PartySource> {
  const [row] = await queryRows<PersonRow>(
    ctx.tx,
    sql`select e.id, e.front_title, e.name, e.back_title, e.nip, e.grade, p.title as position_title,
               (select a.kind from assignments a
                 where a.tenant_id = e.tenant_id and a.employee_id = e.id and a.position_id = p.id
                   and a.start_date <= ${date}::date
                   and (a.end_date is null or a.end_date >= ${date}::date)
                 order by case a.kind when 'plh' then 0 when 'plt' then 1 when 'pj' then 2 else 3 end,
                          a.start_date desc
                 limit 1) as kind
          from employees e
          join positions p on p.tenant_id = e.tenant_id and p.id = ${positionId}
         where e.tenant_id = ${ctx.tenantId} and e.id = ${employeeId}`,
  );
  if (!row) throw notFound('Pegawai');
  return {
    employeeId: row.id,
    frontTitle: row.front_title,
    name: row.name,
    backTitle: row.back_title,
    nip: row.nip,
    grade: row.grade,
    positionTitle: row.position_title,
    assignmentKind: row.kind,
  };
}

const toPactDocument = (d: {
  id: string;
  code: string;
  status: PactDocument['status'];
  signerCount: number;
  signedCount: number;
}): PactDocument => ({ ...d, pdfUrl: `/api/documents/${d.id}/pdf` });

/** What the PI layout renders for a pact: the maker's identity block, the witness, the clauses. */
export async function buildPactContent(
  ctx: TenantContext,
  pact: PactRow,
): Promise<{ content: PiDocumentContent; signers: SignerSlotInput[]; title: string }> {
  const tenant = await readTenantInfo(ctx);
  const makerSource = await loadPerson(ctx, pact.employeeId, pact.positionId, pact.pactDate);
  const witnessSource =
    pact.witnessEmployeeId && pact.witnessPositionId
      ? await loadPerson(ctx, pact.witnessEmployeeId, pact.witnessPositionId, pact.pactDate)
      : null;
  const maker = partyBlock(makerSource);
  const witness = witnessSource ? partyBlock(witnessSource) : null;
  const content: PiDocumentContent = {
    kind: 'pi',
    tenant: { name: tenant.name, shortName: tenant.shortName, logo: tenant.logo },
    occasion: pact.occasion,
    fiscalYear: pact.fiscalYear,
    maker: { ...maker, instansi: tenant.name },
    witness,
    clauses: pact.clauses,
    place: pact.place,
    dateText: formatIndonesianDate(pact.pactDate),
  };
  const signers: SignerSlotInput[] = [
    { role: 'pembuat', party: maker, assignmentKind: makerSource.assignmentKind },
  ];
  if (witness && witnessSource) {
    signers.push({ role: 'saksi', party: witness, assignmentKind: witnessSource.assignmentKind });
  }
  const title =
    pact.occasion === 'annual'
      ? `Pakta Integritas Tahun ${pact.fiscalYear}: ${maker.name}`
      : `Pakta Integritas Pelantikan: ${maker.name}, ${maker.jabatan}`;
  return { content, signers, title };
}

/**
 * The PDF of a pact, made the first time it is asked for (opening it, Tugas Saya, a ceremony):
 * rendered once with the maker (signs first) and the witness (second; no witness for the
 * Kepala Daerah), stored, and returned ever after. The pact row is locked so two people opening
 * it at once make one document. Authorization is the caller's (reading pacts, or being a party).
 */
export async function ensurePactDocument(
  ctx: TenantContext,
  config: Config,
  pactId: string,
): Promise<PactDocument> {
  const { row: pact } = await findPact(ctx, pactId, { lock: true });
  const [existing] = await ctx.tx
    .select({
      id: documents.id,
      code: documents.code,
      status: documents.status,
      signerCount: documents.signerCount,
      signedCount: documents.signedCount,
    })
    .from(documents)
    .where(
      and(
        eq(documents.tenantId, ctx.tenantId),
        eq(documents.pactId, pact.id),
        ne(documents.status, 'void'),
      ),
    );
  if (existing) return toPactDocument(existing);
  if (pact.status !== 'pending') {
    // A void pact has no document to sign or open any more.
    throw new AppError(
      'INVALID_TRANSITION',
      'Pakta Integritas ini sudah dibatalkan sehingga dokumennya tidak dibuat.',
      { status: pact.status },
    );
  }
  const { content, signers, title } = await buildPactContent(ctx, pact);
  const issued = await issueDocument(ctx, config, {
    kind: 'pi',
    pactId: pact.id,
    title,
    documentDate: pact.pactDate,
    place: pact.place,
    content,
    signers,
  });
  return toPactDocument({
    id: issued.id,
    code: issued.code,
    status: 'pending',
    signerCount: signers.length,
    signedCount: 0,
  });
}
