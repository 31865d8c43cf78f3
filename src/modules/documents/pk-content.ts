import { Decimal } from 'decimal.js';
import { sql } from 'drizzle-orm';
import { queryRows, type Tx } from '../../db/client.js';
import type {
  AgreementLevel,
  AgreementStatus,
  AssignmentKind,
  EmployeeType,
  RevisionReason,
} from '../../shared/codes.js';
import { notFound } from '../../shared/errors.js';
import { formatIndonesianNumber, formatRupiah } from '../../shared/indonesian-number.js';
import { type TargetValue, targetFromColumns } from '../../shared/target-value.js';
import { revisionReasonLabels } from '../agreements/revisions/create-revision.js';
import { readTenantSettings } from '../tenants/settings.js';
import type { PkDocumentContent, PkIndicatorRow, SignerSlotInput } from './content-types.js';
import { formatIndonesianDate } from './indonesian-date.js';
import { partyBlock } from './party-block.js';

/** Sums of rupiah (as get-agreement.ts): 64 significant digits, never a float. */
const Money = Decimal.clone({ precision: 64 });

/** The sasaran column of the attachment, by level (PermenPAN-RB 53/2014 formats). */
export const sasaranKindLabel: Record<AgreementLevel, string> = {
  pemda: 'Sasaran Strategis',
  kepala_pd: 'Sasaran Strategis',
  eselon_iii: 'Sasaran Program',
  eselon_iv: 'Sasaran Kegiatan',
  pelaksana: 'Sasaran Kinerja',
};

interface HeadRow {
  status: AgreementStatus;
  level: AgreementLevel;
  start_year: number;
  end_year: number;
  agreement_date: string;
  revision_no: number;
  revision_reason: RevisionReason | null;
  revision_note: string | null;
  unit_name: string | null;
  tenant_name: string;
  tenant_short_name: string;
  tenant_logo: string | null;
  tenant_settings: unknown;
  fp_position_title: string;
  fp_kind: AssignmentKind;
  fp_id: string;
  fp_front: string | null;
  fp_name: string;
  fp_back: string | null;
  fp_nip: string | null;
  fp_grade: string | null;
  fp_type: EmployeeType;
  sp_position_title: string | null;
  sp_kind: AssignmentKind | null;
  sp_id: string | null;
  sp_front: string | null;
  sp_name: string | null;
  sp_back: string | null;
  sp_nip: string | null;
  sp_grade: string | null;
}

interface IndicatorRow {
  id: string;
  objective_id: string;
  name: string;
  satuan: string;
  scale_id: string | null;
}

interface TargetRow {
  indicator_id: string;
  year: number;
  quarter: number;
  target_value: string | null;
  target_low: string | null;
  target_high: string | null;
  target_code: string | null;
}

interface BudgetRow {
  program_code: string;
  program_name: string;
  kegiatan_code: string | null;
  kegiatan_name: string | null;
  sub_kegiatan_code: string | null;
  sub_kegiatan_name: string | null;
  amount: string;
}

export interface LoadedPkContent {
  content: PkDocumentContent;
  status: AgreementStatus;
  /** YYYY-MM-DD: the PK date, printed above the signatures. */
  documentDate: string;
  /** The signature slots in signing order: pihak pertama, then pihak kedua. */
  signers: SignerSlotInput[];
  /** "Perjanjian Kinerja Tahun 2027: Kepala Dinas Kesehatan" (documents.title). */
  title: string;
}

/** "85,5 %", "70–80 indeks", "WTP (Wajar Tanpa Pengecualian)"; "-" when not set. */
export function formatTarget(
  target: TargetValue | null,
  satuan: string,
  scaleLabel: (code: string) => string | undefined,
): string {
  if (!target) return '-';
  const unit = satuan.trim() ? ` ${satuan.trim()}` : '';
  switch (target.kind) {
    case 'number':
      return `${formatIndonesianNumber(target.value)}${unit}`;
    case 'range':
      return `${formatIndonesianNumber(target.low)}–${formatIndonesianNumber(target.high)}${unit}`;
    case 'scale': {
      const label = scaleLabel(target.code);
      if (!label) return target.code;
      // "AA (Sangat Memuaskan)" already names the code; "Wajar Tanpa Pengecualian" does not.
      return label.toUpperCase().includes(target.code.toUpperCase())
        ? label
        : `${target.code} (${label})`;
    }
  }
}

const withCode = (code: string | null, name: string | null) =>
  name ? (code ? `${code} ${name}` : name) : '-';

/**
 * What the PDF of a PK shows, read from the tables and formatted for print: the parties as
 * they are frozen on the PK (name with titles, NIP, pangkat, jabatan with Plt/Plh/Pj), the
 * sasaran with their indicators and targets (TW I–IV when planned), the budget lines and their
 * total, the place (settings.signing.place, else the Pemda's short name) and the PK date.
 * Runs in the caller's tenant transaction; 404 for a PK of another tenant.
 */
export async function loadPkDocumentContent(
  tx: Tx,
  tenantId: string,
  agreementId: string,
): Promise<LoadedPkContent> {
  const [head] = await queryRows<HeadRow>(
    tx,
    sql`select a.status, a.level, a.start_year, a.end_year, a.agreement_date::text as agreement_date,
               a.revision_no, a.revision_reason, a.revision_note, u.name as unit_name,
               t.name as tenant_name, t.short_name as tenant_short_name, t.logo as tenant_logo,
               t.settings as tenant_settings,
               p.title as fp_position_title, a.first_party_assignment_kind as fp_kind,
               fe.id as fp_id, fe.front_title as fp_front, fe.name as fp_name,
               fe.back_title as fp_back, fe.nip as fp_nip, fe.grade as fp_grade,
               fe.employee_type as fp_type,
               sp.title as sp_position_title, a.second_party_assignment_kind as sp_kind,
               se.id as sp_id, se.front_title as sp_front, se.name as sp_name,
               se.back_title as sp_back, se.nip as sp_nip, se.grade as sp_grade
          from agreements a
          join tenants t on t.id = a.tenant_id
          join positions p on p.tenant_id = a.tenant_id and p.id = a.position_id
          join employees fe on fe.tenant_id = a.tenant_id and fe.id = a.first_party_employee_id
          left join units u on u.tenant_id = a.tenant_id and u.id = a.unit_id
          left join positions sp on sp.tenant_id = a.tenant_id and sp.id = a.second_party_position_id
          left join employees se on se.tenant_id = a.tenant_id and se.id = a.second_party_employee_id
         where a.tenant_id = ${tenantId} and a.id = ${agreementId}`,
  );
  if (!head) throw notFound('Perjanjian Kinerja');

  const objectives = await queryRows<{ id: string; title: string }>(
    tx,
    sql`select id, title from agreement_objectives
         where tenant_id = ${tenantId} and agreement_id = ${agreementId}
         order by sort_order, id`,
  );
  const indicators = await queryRows<IndicatorRow>(
    tx,
    sql`select id, objective_id, name, satuan, scale_id from agreement_indicators
         where tenant_id = ${tenantId} and agreement_id = ${agreementId}
         order by sort_order, id`,
  );
  const targets = await queryRows<TargetRow>(
    tx,
    sql`select indicator_id, year, quarter, target_value::text as target_value,
               target_low::text as target_low, target_high::text as target_high, target_code
          from agreement_targets
         where tenant_id = ${tenantId} and agreement_id = ${agreementId}`,
  );
  const scaleLevels = await queryRows<{ scale_id: string; code: string; label: string }>(
    tx,
    sql`select l.scale_id, l.code, l.label from rating_scale_levels l
         where l.tenant_id = ${tenantId} and l.scale_id in (
           select scale_id from agreement_indicators
            where tenant_id = ${tenantId} and agreement_id = ${agreementId}
              and scale_id is not null)`,
  );
  const budgets = await queryRows<BudgetRow>(
    tx,
    sql`select program_code, program_name, kegiatan_code, kegiatan_name, sub_kegiatan_code,
               sub_kegiatan_name, amount::text as amount
          from agreement_budgets
         where tenant_id = ${tenantId} and agreement_id = ${agreementId}
         order by sort_order, id`,
  );

  const labels = new Map(scaleLevels.map((l) => [`${l.scale_id}:${l.code}`, l.label]));
  const targetsOf = new Map<string, Map<number, (TargetValue | null)[]>>();
  for (const r of targets) {
    const byYear = targetsOf.get(r.indicator_id) ?? new Map<number, (TargetValue | null)[]>();
    const slots = byYear.get(r.year) ?? [null, null, null, null, null];
    slots[r.quarter] = targetFromColumns({
      value: r.target_value,
      low: r.target_low,
      high: r.target_high,
      code: r.target_code,
    });
    byYear.set(r.year, slots);
    targetsOf.set(r.indicator_id, byYear);
  }
  const multiYear = head.end_year > head.start_year;

  const indicatorRow = (i: IndicatorRow): PkIndicatorRow => {
    const fmt = (t: TargetValue | null) =>
      formatTarget(t, i.satuan, (code) => labels.get(`${i.scale_id}:${code}`));
    const byYear = targetsOf.get(i.id);
    const first = byYear?.get(head.start_year) ?? [null, null, null, null, null];
    let target: string;
    if (multiYear) {
      // A multi-year PK commits to a target per year: one line each.
      const lines: string[] = [];
      for (let y = head.start_year; y <= head.end_year; y += 1) {
        lines.push(`${y}: ${fmt(byYear?.get(y)?.[0] ?? null)}`);
      }
      target = lines.join('\n');
    } else {
      target = fmt(first[0] ?? null);
    }
    const quarterTargets = first.slice(1, 5);
    const hasQuarters = !multiYear && quarterTargets.some((q) => q !== null);
    // The satuan is in the Target column; the narrow TW columns show the number only.
    const fmtQuarter = (t: TargetValue | null | undefined) =>
      formatTarget(t ?? null, '', (code) => labels.get(`${i.scale_id}:${code}`));
    return {
      name: i.name,
      target,
      quarters: hasQuarters
        ? [
            fmtQuarter(quarterTargets[0]),
            fmtQuarter(quarterTargets[1]),
            fmtQuarter(quarterTargets[2]),
            fmtQuarter(quarterTargets[3]),
          ]
        : null,
    };
  };

  const settings = readTenantSettings(head.tenant_settings);
  const first = partyBlock({
    employeeId: head.fp_id,
    frontTitle: head.fp_front,
    name: head.fp_name,
    backTitle: head.fp_back,
    nip: head.fp_nip,
    grade: head.fp_grade,
    positionTitle: head.fp_position_title,
    assignmentKind: head.fp_kind,
  });
  const second =
    head.sp_id && head.sp_name
      ? partyBlock({
          employeeId: head.sp_id,
          frontTitle: head.sp_front,
          name: head.sp_name,
          backTitle: head.sp_back,
          nip: head.sp_nip,
          grade: head.sp_grade,
          positionTitle: head.sp_position_title ?? '',
          assignmentKind: head.sp_kind,
        })
      : null;
  const yearLabel = multiYear ? `${head.start_year}–${head.end_year}` : String(head.start_year);
  const total = budgets.reduce((sum, b) => sum.plus(b.amount), new Money(0)).toFixed(2);

  const content: PkDocumentContent = {
    kind: 'pk',
    tenant: { name: head.tenant_name, shortName: head.tenant_short_name, logo: head.tenant_logo },
    yearLabel,
    level: head.level,
    unitName: head.level === 'pemda' ? null : head.unit_name,
    revision:
      head.revision_no > 0
        ? {
            no: head.revision_no,
            reasonLabel: head.revision_reason
              ? revisionReasonLabels[head.revision_reason]
              : 'Perubahan',
            note: head.revision_note ?? '',
          }
        : null,
    first,
    second,
    objectives: objectives.map((o) => ({
      kindLabel: sasaranKindLabel[head.level],
      name: o.title,
      indicators: indicators.filter((i) => i.objective_id === o.id).map(indicatorRow),
    })),
    budgets: budgets.map((b) => ({
      program: withCode(b.program_code, b.program_name),
      kegiatan: withCode(b.kegiatan_code, b.kegiatan_name),
      subKegiatan: withCode(b.sub_kegiatan_code, b.sub_kegiatan_name),
      amount: formatRupiah(new Decimal(b.amount).toFixed(2)),
    })),
    budgetTotal: formatRupiah(total),
    place: settings.signing.place || head.tenant_short_name,
    dateText: formatIndonesianDate(head.agreement_date),
  };
  const signers: SignerSlotInput[] = [
    { role: 'pihak_pertama', party: first, assignmentKind: head.fp_kind },
  ];
  if (second) {
    signers.push({ role: 'pihak_kedua', party: second, assignmentKind: head.sp_kind });
  }
  return {
    content,
    status: head.status,
    documentDate: head.agreement_date,
    signers,
    title: `Perjanjian Kinerja${content.revision ? ` Perubahan ke-${content.revision.no}` : ''} Tahun ${yearLabel}: ${first.jabatan}`,
  };
}
