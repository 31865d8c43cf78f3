import { and, eq, sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/client.js';
import type {
  AgreementLevel,
  AssignmentKind,
  DocumentStatus,
  SignerRole,
} from '../../shared/codes.js';
import { notFound } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import { users } from '../auth/schema.js';
import { formatFullName } from '../org/names.js';
import type { CeremonyItemView, ItemStatus, Progress } from './ceremony-schemas.js';
import { ceremonies } from './schema.js';

export type CeremonyRow = typeof ceremonies.$inferSelect;

/** A ceremony of the context's tenant; another tenant's id answers 404 like a missing one. */
export async function findCeremony(
  ctx: Pick<TenantContext, 'tx' | 'tenantId'>,
  id: string,
  options: { lock?: boolean } = {},
): Promise<CeremonyRow> {
  const query = ctx.tx
    .select()
    .from(ceremonies)
    .where(and(eq(ceremonies.tenantId, ctx.tenantId), eq(ceremonies.id, id)));
  const [row] = options.lock ? await query.for('update') : await query;
  if (!row) throw notFound('Acara penandatanganan');
  return row;
}

/** One item with what the ceremony screens need; `makerEmployeeId` groups the board rows. */
export interface ItemRecord extends CeremonyItemView {
  /** Pihak pertama of a PK, the maker of a pact: whose row the item sits in on the board. */
  makerEmployeeId: string;
  makerName: string;
  makerJabatan: string;
  signers: (CeremonyItemView['signers'][number] & { pending: boolean })[];
}

interface ItemRow {
  id: string;
  ceremony_id: string;
  agreement_id: string | null;
  pact_id: string | null;
  level: AgreementLevel | null;
  subject_status: string;
  unit_name: string | null;
  p1_employee_id: string;
  p1_front: string | null;
  p1_name: string;
  p1_back: string | null;
  p1_title: string;
  p1_kind: AssignmentKind | null;
  p2_employee_id: string | null;
  p2_front: string | null;
  p2_name: string | null;
  p2_back: string | null;
  p2_title: string | null;
  p2_kind: AssignmentKind | null;
  document_id: string | null;
  document_code: string | null;
  document_status: DocumentStatus | null;
  document_title: string | null;
  signed_count: number | null;
  signer_count: number | null;
}

interface SlotRow {
  document_id: string;
  seq: number;
  role: SignerRole;
  employee_id: string;
  name: string;
  jabatan: string;
  status: 'pending' | 'signed';
  signed_at: string | Date | null;
}

const actingPrefix: Partial<Record<AssignmentKind, string>> = {
  plt: 'Plt. ',
  plh: 'Plh. ',
  pj: 'Pj. ',
};

/** The position title as printed, "Plt. " in front for an acting official. */
export const jabatanOf = (title: string, kind: AssignmentKind | null): string =>
  `${(kind && actingPrefix[kind]) ?? ''}${title}`;

const iso = (v: string | Date | null): string | null =>
  v === null ? null : new Date(v).toISOString();

/**
 * Every item of a ceremony with its document and signature slots, in three queries whatever
 * the number of items: the items with their PK or pact, parties and document; the slots of
 * the issued documents. Before a document is issued the slots are those it will have (the
 * parties as the organisation says today), so the screens show who is expected to sign.
 */
export async function loadItems(
  tx: Tx,
  tenantId: string,
  ceremonyId: string,
): Promise<ItemRecord[]> {
  return (await loadItemsOf(tx, tenantId, [ceremonyId])).get(ceremonyId) ?? [];
}

/** The items of several ceremonies at once (the list), keyed by ceremony id. */
export async function loadItemsOf(
  tx: Tx,
  tenantId: string,
  ceremonyIds: readonly string[],
): Promise<Map<string, ItemRecord[]>> {
  const byCeremony = new Map<string, ItemRecord[]>();
  if (ceremonyIds.length === 0) return byCeremony;
  const rows = await queryRows<ItemRow>(
    tx,
    sql`select ci.id, ci.ceremony_id, ci.agreement_id, ci.pact_id, a.level,
               coalesce(a.status, ip.status) as subject_status,
               coalesce(au.name, pu.name) as unit_name,
               e1.id as p1_employee_id, e1.front_title as p1_front, e1.name as p1_name,
               e1.back_title as p1_back, coalesce(ap.title, pp.title) as p1_title,
               a.first_party_assignment_kind as p1_kind,
               e2.id as p2_employee_id, e2.front_title as p2_front, e2.name as p2_name,
               e2.back_title as p2_back, coalesce(sp.title, wp.title) as p2_title,
               a.second_party_assignment_kind as p2_kind,
               d.id as document_id, d.code as document_code, d.status as document_status,
               d.title as document_title, d.signed_count, d.signer_count
          from ceremony_items ci
          left join agreements a on a.tenant_id = ci.tenant_id and a.id = ci.agreement_id
          left join positions ap on ap.tenant_id = a.tenant_id and ap.id = a.position_id
          left join units au on au.tenant_id = a.tenant_id and au.id = a.unit_id
          left join positions sp on sp.tenant_id = a.tenant_id and sp.id = a.second_party_position_id
          left join integrity_pacts ip on ip.tenant_id = ci.tenant_id and ip.id = ci.pact_id
          left join positions pp on pp.tenant_id = ip.tenant_id and pp.id = ip.position_id
          left join units pu on pu.tenant_id = ip.tenant_id and pu.id = ip.unit_id
          left join positions wp on wp.tenant_id = ip.tenant_id and wp.id = ip.witness_position_id
          join employees e1 on e1.tenant_id = ci.tenant_id
               and e1.id = coalesce(a.first_party_employee_id, ip.employee_id)
          left join employees e2 on e2.tenant_id = ci.tenant_id
               and e2.id = coalesce(a.second_party_employee_id, ip.witness_employee_id)
          left join documents d on d.tenant_id = ci.tenant_id and d.status <> 'void'
               and (d.agreement_id = ci.agreement_id or d.pact_id = ci.pact_id)
         where ci.tenant_id = ${tenantId}
           and ci.ceremony_id = any(${sql.param([...ceremonyIds])}::uuid[])
         order by ci.sort_order, ci.created_at, ci.id`,
  );
  const documentIds = rows.flatMap((r) => (r.document_id ? [r.document_id] : []));
  const slots =
    documentIds.length === 0
      ? []
      : await queryRows<SlotRow>(
          tx,
          sql`select document_id, seq, role, employee_id, name, jabatan, status, signed_at
                from document_signers
               where tenant_id = ${tenantId}
                 and document_id = any(${sql.param(documentIds)}::uuid[])
               order by document_id, seq`,
        );
  const slotsByDocument = new Map<string, SlotRow[]>();
  for (const slot of slots) {
    const list = slotsByDocument.get(slot.document_id) ?? [];
    list.push(slot);
    slotsByDocument.set(slot.document_id, list);
  }
  for (const r of rows) {
    const list = byCeremony.get(r.ceremony_id) ?? [];
    list.push(toRecord(r, r.document_id ? (slotsByDocument.get(r.document_id) ?? []) : null));
    byCeremony.set(r.ceremony_id, list);
  }
  return byCeremony;
}

function toRecord(r: ItemRow, slots: SlotRow[] | null): ItemRecord {
  const kind = r.agreement_id ? 'pk' : 'pi';
  const makerName = formatFullName({
    frontTitle: r.p1_front,
    name: r.p1_name,
    backTitle: r.p1_back,
  });
  const makerJabatan = jabatanOf(r.p1_title, r.p1_kind);
  const signers: ItemRecord['signers'] = slots
    ? slots.map((s) => ({
        seq: s.seq,
        role: s.role,
        employeeId: s.employee_id,
        name: s.name,
        jabatan: s.jabatan,
        signedAt: iso(s.signed_at),
        pending: s.status === 'pending',
      }))
    : expectedSlots(r, kind, makerName, makerJabatan);
  const signedCount = signers.filter((s) => !s.pending).length;
  const signerCount = signers.length;
  return {
    id: r.id,
    kind,
    agreementId: r.agreement_id,
    pactId: r.pact_id,
    title:
      r.document_title ??
      (kind === 'pk' ? `Perjanjian Kinerja ${r.p1_title}` : `Pakta Integritas ${makerName}`),
    level: r.level,
    unitName: r.unit_name,
    subjectStatus: r.subject_status,
    document:
      r.document_id && r.document_code && r.document_status
        ? { id: r.document_id, code: r.document_code, status: r.document_status }
        : null,
    status: itemStatus(r, kind, signedCount, signerCount),
    signedCount,
    signerCount,
    signers,
    makerEmployeeId: r.p1_employee_id,
    makerName: slots?.[0]?.name ?? makerName,
    makerJabatan: slots?.[0]?.jabatan ?? makerJabatan,
  };
}

/** The slots a document will have once issued: pihak pertama / maker first, then the other. */
function expectedSlots(
  r: ItemRow,
  kind: 'pk' | 'pi',
  makerName: string,
  makerJabatan: string,
): ItemRecord['signers'] {
  const out: ItemRecord['signers'] = [
    {
      seq: 1,
      role: kind === 'pk' ? 'pihak_pertama' : 'pembuat',
      employeeId: r.p1_employee_id,
      name: makerName,
      jabatan: makerJabatan,
      signedAt: null,
      pending: true,
    },
  ];
  if (r.p2_employee_id && r.p2_name) {
    out.push({
      seq: 2,
      role: kind === 'pk' ? 'pihak_kedua' : 'saksi',
      employeeId: r.p2_employee_id,
      name: formatFullName({ frontTitle: r.p2_front, name: r.p2_name, backTitle: r.p2_back }),
      jabatan: jabatanOf(r.p2_title ?? '', r.p2_kind),
      signedAt: null,
      pending: true,
    });
  }
  return out;
}

/** What a subject status allows: a ready PK or a pending pact can be signed. */
const signable = (kind: 'pk' | 'pi', status: string) =>
  kind === 'pk' ? status === 'ready_to_sign' : status === 'pending';
const done = (kind: 'pk' | 'pi', status: string) =>
  kind === 'pk' ? ['signed', 'published', 'superseded'].includes(status) : status === 'signed';

function itemStatus(
  r: ItemRow,
  kind: 'pk' | 'pi',
  signedCount: number,
  signerCount: number,
): ItemStatus {
  if (r.document_status === 'signed' || done(kind, r.subject_status)) return 'signed';
  if (!signable(kind, r.subject_status)) return 'not_ready';
  if (!r.document_id) return 'no_document';
  if (signedCount === 0) return 'pending';
  return signedCount >= signerCount ? 'signed' : 'partly_signed';
}

export function progressOf(items: readonly Pick<ItemRecord, 'status' | 'signers'>[]): Progress {
  const signatures = items.reduce((n, i) => n + i.signers.length, 0);
  const signaturesDone = items.reduce(
    (n, i) =>
      n + (i.status === 'signed' ? i.signers.length : i.signers.filter((s) => !s.pending).length),
    0,
  );
  return {
    documents: items.length,
    signed: items.filter((i) => i.status === 'signed').length,
    signatures,
    signaturesDone,
    percent: signatures === 0 ? 0 : Math.floor((signaturesDone * 100) / signatures),
  };
}

/** The employee record the acting user's account is linked to (null: none). */
export async function actorEmployeeId(ctx: TenantContext): Promise<string | null> {
  const [user] = await ctx.tx
    .select({ employeeId: users.employeeId })
    .from(users)
    .where(and(eq(users.id, ctx.actor.userId), eq(users.tenantId, ctx.tenantId)));
  return user?.employeeId ?? null;
}

/** Strips the board-only fields from an item for the API. */
export function toItemView(item: ItemRecord): CeremonyItemView {
  const { makerEmployeeId: _m, makerName: _n, makerJabatan: _j, ...view } = item;
  return { ...view, signers: view.signers.map(({ pending: _p, ...s }) => s) };
}
