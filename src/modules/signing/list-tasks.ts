import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import type { Config } from '../../server/config.js';
import type { DocumentKind, SignerRole } from '../../shared/codes.js';
import type { TenantContext } from '../access/context.js';
import { assertCan } from '../access/policy.js';
import { readSettings } from '../agreements/agreement-common.js';
import { ensureAgreementDocument } from '../documents/ensure-agreement-document.js';
import { ensurePactDocument } from '../integrity/ensure-pact-document.js';
import { findActiveCertificate } from '../pki/unlock-signing-key.js';
import { employeeOfUser } from './document-checks.js';

export interface TaskItem {
  documentId: string;
  code: string;
  kind: DocumentKind;
  title: string;
  unitName: string | null;
  myRole: SignerRole;
  /** Who signs next; null when the document is complete. */
  nextSignerName: string | null;
  /** The next pending signature is mine. */
  myTurn: boolean;
  signedCount: number;
  signerCount: number;
  /** When I signed (waiting, recent); null while I have not. */
  signedAt: string | null;
  ceremony: { id: string; title: string; eventDate: string } | null;
  agreementId: string | null;
  pactId: string | null;
}

export interface Tasks {
  /** The account is linked to an employee (else nobody can ask it to sign). */
  linked: boolean;
  /** It has a usable identity for the tenant's provider (certificate, or BSrE NIK). */
  enrolled: boolean;
  requireTotp: boolean;
  /** My signature is pending (myTurn says whether someone must sign first). */
  toSign: TaskItem[];
  /** I signed; someone else still has to. */
  waiting: TaskItem[];
  /** The last 20 documents I signed that every party has signed. */
  recent: TaskItem[];
}

/** Ready PKs issued lazily per call at most (demo data, PKs made ready before documents). */
const LAZY_ISSUE_LIMIT = 100;
const RECENT_LIMIT = 20;

interface Row {
  document_id: string;
  code: string;
  kind: DocumentKind;
  title: string;
  doc_status: string;
  signed_count: number;
  signer_count: number;
  agreement_id: string | null;
  pact_id: string | null;
  my_role: SignerRole;
  my_status: 'pending' | 'signed';
  my_signed_at: Date | string | null;
  my_seq: number;
  next_name: string | null;
  next_employee_id: string | null;
  unit_name: string | null;
  ceremony_id: string | null;
  ceremony_title: string | null;
  ceremony_date: string | null;
}

/**
 * "Tugas Saya": what the signed-in official has to sign, what waits for others, and what they
 * signed lately. Documents are found by the official's employee (their signature slots), so a
 * task follows the person, not a role.
 */
export async function listTasks(ctx: TenantContext, config: Config): Promise<Tasks> {
  assertCan(ctx.actor, 'signing.self');
  const settings = await readSettings(ctx);
  const employeeId = await employeeOfUser(ctx);
  const requireTotp = settings.signing.requireTotp;
  if (!employeeId) {
    return { linked: false, enrolled: false, requireTotp, toSign: [], waiting: [], recent: [] };
  }
  const cert = await findActiveCertificate(ctx.tx, ctx.tenantId, employeeId);
  const enrolled = cert?.status === 'active' && cert.provider === settings.signing.provider;

  await issueMissingDocuments(ctx, config, employeeId);

  const base = sql`
    select d.id as document_id, d.code, d.kind, d.title, d.status as doc_status,
           d.signed_count, d.signer_count, d.agreement_id, d.pact_id,
           s.role as my_role, s.status as my_status, s.signed_at as my_signed_at, s.seq as my_seq,
           nx.name as next_name, nx.employee_id as next_employee_id,
           coalesce(ua.name, up.name) as unit_name,
           c.id as ceremony_id, c.title as ceremony_title, c.event_date::text as ceremony_date
      from document_signers s
      join documents d on d.tenant_id = s.tenant_id and d.id = s.document_id
      left join lateral (
        select n.name, n.employee_id from document_signers n
         where n.tenant_id = d.tenant_id and n.document_id = d.id and n.status = 'pending'
         order by n.seq limit 1) nx on true
      left join agreements a on a.tenant_id = d.tenant_id and a.id = d.agreement_id
      left join units ua on ua.tenant_id = a.tenant_id and ua.id = a.unit_id
      left join integrity_pacts p on p.tenant_id = d.tenant_id and p.id = d.pact_id
      left join units up on up.tenant_id = p.tenant_id and up.id = p.unit_id
      left join lateral (
        select ce.id, ce.title, ce.event_date from ceremony_items ci
          join ceremonies ce on ce.tenant_id = ci.tenant_id and ce.id = ci.ceremony_id
         where ci.tenant_id = d.tenant_id and ce.status <> 'cancelled'
           and (ci.agreement_id = d.agreement_id or ci.pact_id = d.pact_id)
         order by ce.event_date desc limit 1) c on true
     where s.tenant_id = ${ctx.tenantId} and s.employee_id = ${employeeId}`;
  const open = await queryRows<Row>(
    ctx.tx,
    sql`${base} and d.status = 'pending' order by c.event_date nulls last, d.created_at, d.id, s.seq`,
  );
  const recent = await queryRows<Row>(
    ctx.tx,
    sql`${base} and d.status = 'signed' and s.status = 'signed'
        order by s.signed_at desc limit ${RECENT_LIMIT}`,
  );

  const toSign: TaskItem[] = [];
  const waiting: TaskItem[] = [];
  const seen = new Set<string>();
  // One official may hold both slots of a document: the pending one decides where it goes.
  for (const row of [...open].sort((a, b) => pendingFirst(a) - pendingFirst(b))) {
    if (seen.has(row.document_id)) continue;
    seen.add(row.document_id);
    (row.my_status === 'pending' ? toSign : waiting).push(toItem(row, employeeId));
  }
  return {
    linked: true,
    enrolled,
    requireTotp,
    toSign,
    waiting,
    recent: recent.map((row) => toItem(row, employeeId)),
  };
}

const pendingFirst = (row: Row) => (row.my_status === 'pending' ? 0 : 1);

function toItem(row: Row, employeeId: string): TaskItem {
  return {
    documentId: row.document_id,
    code: row.code,
    kind: row.kind,
    title: row.title,
    unitName: row.unit_name,
    myRole: row.my_role,
    nextSignerName: row.next_name,
    myTurn: row.my_status === 'pending' && row.next_employee_id === employeeId,
    signedCount: Number(row.signed_count),
    signerCount: Number(row.signer_count),
    signedAt: row.my_signed_at ? new Date(row.my_signed_at).toISOString() : null,
    ceremony:
      row.ceremony_id && row.ceremony_title && row.ceremony_date
        ? { id: row.ceremony_id, title: row.ceremony_title, eventDate: row.ceremony_date }
        : null,
    agreementId: row.agreement_id,
    pactId: row.pact_id,
  };
}

/**
 * Documents this official must sign FIRST but that do not exist yet get made now, a bounded
 * number per call: ready PKs where they are pihak pertama (loaded straight into the database, or
 * made ready before documents existed) and their pending Pakta Integritas (bulk creation makes no
 * PDFs). Where they sign second, the document exists already: the first party signed it.
 */
async function issueMissingDocuments(ctx: TenantContext, config: Config, employeeId: string) {
  const missing = await queryRows<{ id: string; kind: 'pk' | 'pi' }>(
    ctx.tx,
    sql`(select a.id, 'pk' as kind from agreements a
          where a.tenant_id = ${ctx.tenantId} and a.status = 'ready_to_sign'
            and a.first_party_employee_id = ${employeeId}
            and not exists (select 1 from documents d where d.tenant_id = a.tenant_id
                             and d.agreement_id = a.id and d.status <> 'void')
          order by a.ready_at nulls last, a.id
          limit ${LAZY_ISSUE_LIMIT})
        union all
        (select p.id, 'pi' as kind from integrity_pacts p
          where p.tenant_id = ${ctx.tenantId} and p.status = 'pending'
            and p.employee_id = ${employeeId}
            and not exists (select 1 from documents d where d.tenant_id = p.tenant_id
                             and d.pact_id = p.id and d.status <> 'void')
          order by p.fiscal_year desc, p.id
          limit ${LAZY_ISSUE_LIMIT})`,
  );
  for (const { id, kind } of missing) {
    // A savepoint each: one document that cannot be made (its content is broken) must not take
    // the official's whole task list down; it is skipped and tried again next time.
    await ctx.tx
      .transaction(async (tx) => {
        if (kind === 'pk') await ensureAgreementDocument({ ...ctx, tx }, config, id);
        else await ensurePactDocument({ ...ctx, tx }, config, id);
      })
      .catch(() => undefined);
  }
}
