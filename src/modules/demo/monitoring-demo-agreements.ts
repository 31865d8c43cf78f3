/**
 * The PKs of the demo's monitoring years: written as drafts with their content (from
 * monitoring-demo-pks.ts), then moved along the allowed transitions to "signed" — signed on paper
 * before Amanah and archived, so they have no electronic document. The database allows
 * "signed" only inside a transaction that set app.signing (as the signing feature does).
 */
import { sql } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { newId } from '../../db/columns.js';
import type { IndicatorMeasure } from '../../shared/capaian/index.js';
import type { AgreementLevel } from '../../shared/codes.js';
import { type TargetValue, targetToColumns } from '../../shared/target-value.js';
import {
  agreementBudgets,
  agreementIndicators,
  agreementObjectives,
  agreements,
  agreementTargets,
  agreementTransitions,
  agreementYears,
} from '../agreements/schema.js';
import { recordAudit, SYSTEM_ACTOR } from '../audit/record-audit.js';
import { defaultScales } from '../planning/default-scales.js';
import type { DemoOrganisation } from './kota-contoh.js';
import { addDays, analyze, at, bulkInsert, type DemoRefs } from './monitoring-demo-db.js';
import { buildDemoPkSpecs, type DemoPkSpec } from './monitoring-demo-pks.js';
import type { DemoMonitoringCalendar } from './monitoring-demo-values.js';
import type { PlanningDemo } from './planning-demo.js';

/** The note of each PK signed before Amanah (transition and audit). */
export const IMPORTED_SIGNED_NOTE = 'Ditandatangani di atas kertas, diarsipkan (data demo).';

/** When the PKs of a year were drafted and signed (dates, tenant zone). */
export function demoPkDates(year: number): { dpaApprovedOn: string; agreementDate: string } {
  // 2025: the new Wali Kota was inaugurated on 20 February; the PKs were signed after that.
  if (year === 2025) return { dpaApprovedOn: '2025-01-30', agreementDate: '2025-02-27' };
  // After the Plh period at BPKAD (12–23 January 2026), so the definitif head signs.
  return { dpaApprovedOn: `${year}-01-07`, agreementDate: `${year}-01-30` };
}

export interface SeededPk {
  id: string;
  spec: DemoPkSpec;
  year: number;
  date: string;
  /** Its indicators: PK indicator id, plan key (the seed of the draws), what the engine needs. */
  indicators: {
    id: string;
    key: string;
    satuan: string;
    measure: IndicatorMeasure;
    annual: TargetValue;
    quarters: (TargetValue | null)[];
  }[];
  budgets: { id: string; nodeKey: string; amount: string }[];
}

const scaleLevels = new Map<string, { code: string; score: string }[]>(
  defaultScales.map((s) => [s.key, s.levels.map((l) => ({ code: l.code, score: l.score }))]),
);

/**
 * Writes the PK years Y − 1 (closed) and Y (open) and their PKs, signed; one audit event per
 * year. A PK whose parties are vacant most of the year (or whose PK above is missing) is left out.
 */
export async function seedSignedAgreements(
  tx: Tx,
  tenantId: string,
  input: {
    org: DemoOrganisation;
    demo: PlanningDemo;
    refs: DemoRefs;
    periodId: string;
    calendar: DemoMonitoringCalendar;
    clamp: (d: Date) => Date;
  },
): Promise<SeededPk[]> {
  const { org, demo, refs, periodId, calendar, clamp } = input;
  const years = [calendar.previousYear, calendar.year];
  const seeded: SeededPk[] = [];
  const agreementRows: (typeof agreements.$inferInsert)[] = [];
  const objectiveRows: (typeof agreementObjectives.$inferInsert)[][] = [[], [], [], []];
  const pkIndicatorRows: (typeof agreementIndicators.$inferInsert)[] = [];
  const pkTargetRows: (typeof agreementTargets.$inferInsert)[] = [];
  const pkBudgetRows: (typeof agreementBudgets.$inferInsert)[] = [];
  const levelRank: Record<AgreementLevel, number> = {
    pemda: 0,
    kepala_pd: 1,
    eselon_iii: 2,
    eselon_iv: 3,
    pelaksana: 3,
  };
  const yearIds = new Map<number, string>();
  for (const year of years) {
    const dates = demoPkDates(year);
    const yearId = newId();
    yearIds.set(year, yearId);
    await tx.insert(agreementYears).values({
      tenantId,
      id: yearId,
      year,
      dpaApprovedOn: dates.dpaApprovedOn,
      status: year < calendar.year ? 'closed' : 'open',
      createdAt: clamp(at(addDays(dates.dpaApprovedOn, -3), 9)),
      updatedAt: clamp(at(addDays(dates.dpaApprovedOn, -3), 9)),
    });
    const objectiveIdsOf = new Map<string, Map<string, string>>();
    for (const spec of buildDemoPkSpecs(org, demo, year)) {
      const parentObjectives = spec.parentKey ? objectiveIdsOf.get(spec.parentKey) : undefined;
      if (spec.parentKey && !parentObjectives) continue; // the PK above was not made
      const firstPosition =
        spec.level === 'pemda'
          ? refs.walikotaPositionId
          : refs.headOf.get(refs.unitId.get(spec.unitCode ?? '') ?? '');
      const secondPosition =
        spec.level === 'pemda'
          ? undefined
          : spec.superiorUnitCode
            ? refs.headOf.get(refs.unitId.get(spec.superiorUnitCode) ?? '')
            : refs.walikotaPositionId;
      // Parties on the PK date; an official appointed later (until September) signs on arrival.
      const partiesOn = (date: string) => {
        const first = refs.holderOn(firstPosition, date);
        const second = spec.level === 'pemda' ? null : refs.holderOn(secondPosition, date);
        return first && (spec.level === 'pemda' || second) ? { first, second } : null;
      };
      let date = dates.agreementDate;
      let parties = partiesOn(date);
      if (!parties) {
        const candidates = [
          ...(refs.spansOf.get(firstPosition ?? '') ?? []),
          ...(refs.spansOf.get(secondPosition ?? '') ?? []),
        ]
          .map((s) => s.startDate)
          .filter((d) => d > dates.agreementDate && d <= `${year}-09-30`)
          .sort();
        for (const d of candidates) {
          parties = partiesOn(d);
          if (parties) {
            date = d;
            break;
          }
        }
      }
      if (!parties) continue; // vacant most of the year: no PK
      const id = newId();
      const pk: SeededPk = { id, spec, year, date, indicators: [], budgets: [] };
      agreementRows.push({
        tenantId,
        id,
        yearId,
        startYear: year,
        endYear: year,
        level: spec.level,
        unitId: spec.unitCode ? refs.unitId.get(spec.unitCode)! : null,
        planPeriodId: periodId,
        positionId: parties.first.positionId,
        firstPartyEmployeeId: parties.first.employeeId,
        firstPartyAssignmentKind: parties.first.kind,
        secondPartyPositionId: parties.second?.positionId ?? null,
        secondPartyEmployeeId: parties.second?.employeeId ?? null,
        secondPartyAssignmentKind: parties.second?.kind ?? null,
        agreementDate: date,
        parentAgreementId: spec.parentKey
          ? (seeded.find((p) => p.year === year && p.spec.key === spec.parentKey)?.id ?? null)
          : null,
        status: 'draft',
        rootId: id,
        createdAt: clamp(at(addDays(date, -14), 9)),
        updatedAt: clamp(at(addDays(date, -14), 9)),
      });
      const objectiveIds = new Map<string, string>();
      spec.objectives.forEach((o, oi) => {
        const objectiveId = newId();
        objectiveIds.set(o.nodeKey, objectiveId);
        objectiveRows[levelRank[spec.level]]!.push({
          tenantId,
          id: objectiveId,
          agreementId: id,
          sourceNodeId: refs.nodeId.get(o.nodeKey) ?? null,
          title: o.title,
          supportsObjectiveId: o.supportsNodeKey
            ? (parentObjectives?.get(o.supportsNodeKey) ?? null)
            : null,
          sortOrder: oi,
        });
        o.indicators.forEach((ind, x) => {
          const indicatorId = newId();
          const def = ind.draft.def;
          pkIndicatorRows.push({
            tenantId,
            id: indicatorId,
            agreementId: id,
            objectiveId,
            sourceIndicatorId: refs.planIndicatorId(ind.draft.nodeKey, ind.draft.sortOrder),
            name: def.name,
            satuan: def.satuan,
            polarity: def.polarity,
            method: def.method,
            aggregation: def.aggregation,
            scaleId: def.scaleKey ? (refs.scaleId.get(def.scaleKey) ?? null) : null,
            isIku: ind.draft.isIku,
            sortOrder: x,
          });
          [ind.annual, ...ind.quarters].forEach((t, quarter) => {
            if (t === null) return;
            const c = targetToColumns(t);
            pkTargetRows.push({
              tenantId,
              indicatorId,
              agreementId: id,
              year,
              quarter,
              targetValue: c.value,
              targetLow: c.low,
              targetHigh: c.high,
              targetCode: c.code,
            });
          });
          const levels = def.scaleKey ? (scaleLevels.get(def.scaleKey) ?? []) : [];
          pk.indicators.push({
            id: indicatorId,
            key: ind.draft.key,
            satuan: def.satuan,
            measure: {
              method: def.method,
              aggregation: def.aggregation,
              ...(def.method === 'scale'
                ? { scale: levels.map((l) => ({ code: l.code, score: Number(l.score) })) }
                : {}),
            },
            annual: ind.annual,
            quarters: ind.quarters,
          });
        });
      });
      spec.budgets.forEach((b, sortOrder) => {
        const budgetId = newId();
        pkBudgetRows.push({
          tenantId,
          id: budgetId,
          agreementId: id,
          sourceNodeId: refs.nodeId.get(b.nodeKey) ?? null,
          ...b.names,
          amount: b.amount,
          sortOrder,
        });
        pk.budgets.push({ id: budgetId, nodeKey: b.nodeKey, amount: b.amount });
      });
      objectiveIdsOf.set(spec.key, objectiveIds);
      seeded.push(pk);
    }
  }
  await bulkInsert(tx, agreements, agreementRows);
  for (const rows of objectiveRows) {
    await bulkInsert(tx, agreementObjectives, rows);
  }
  await bulkInsert(tx, agreementIndicators, pkIndicatorRows);
  await bulkInsert(tx, agreementTargets, pkTargetRows);
  await bulkInsert(tx, agreementBudgets, pkBudgetRows);

  // Fresh statistics for the rows just written (the caller runs this as the owner, like the
  // rest of the demo seed): the guards look up each row's PK, which must not be a scan.
  await analyze(tx, ['agreements', 'agreement_indicators', 'agreement_budgets']);
  // Along the allowed transitions to "signed" (the database allows it only with app.signing on,
  // as the signing feature does), with a history row per step.
  const steps = [
    {
      status: 'submitted',
      days: -10,
      column: 'submitted_at',
      comment: 'Diajukan untuk diverifikasi.',
    },
    {
      status: 'verified',
      days: -7,
      column: 'verified_at',
      comment: 'Sesuai dengan Renstra dan DPA.',
    },
    { status: 'ready_to_sign', days: -3, column: 'ready_at', comment: 'Siap ditandatangani.' },
    { status: 'signed', days: 0, column: 'signed_at', comment: IMPORTED_SIGNED_NOTE },
  ] as const;
  const transitionRows: (typeof agreementTransitions.$inferInsert)[] = seeded.map((pk) => ({
    tenantId,
    agreementId: pk.id,
    fromStatus: null,
    toStatus: 'draft',
    actorUserId: null,
    comment: 'Disusun dari Renstra (data demo).',
    createdAt: clamp(at(addDays(pk.date, -14), 9)),
  }));
  await tx.execute(sql`select set_config('app.signing', 'on', true)`);
  let from: string = 'draft';
  for (const step of steps) {
    const stamps = seeded.map((pk) =>
      clamp(at(addDays(pk.date, step.days), step.days === 0 ? 10 : 14)),
    );
    for (let i = 0; i < seeded.length; i += 500) {
      const ids = seeded.slice(i, i + 500).map((pk) => pk.id);
      const when = stamps.slice(i, i + 500).map((d) => d.toISOString());
      await tx.execute(
        sql`update agreements a
               set status = ${step.status}, ${sql.raw(step.column)} = v.at,
                   version = a.version + 1, updated_at = v.at
              from (select unnest(${sql.param(ids)}::uuid[]) as id,
                           unnest(${sql.param(when)}::timestamptz[]) as at) v
             where a.tenant_id = ${tenantId} and a.id = v.id`,
      );
    }
    seeded.forEach((pk, i) => {
      transitionRows.push({
        tenantId,
        agreementId: pk.id,
        fromStatus: from as 'draft',
        toStatus: step.status,
        // Bagian Organisasi verified them; the signing itself was on paper (no user).
        actorUserId:
          step.status === 'verified' || step.status === 'ready_to_sign' ? refs.users.admin : null,
        comment: step.comment,
        createdAt: stamps[i]!,
      });
    });
    from = step.status;
  }
  await tx.execute(sql`select set_config('app.signing', 'off', true)`);
  await bulkInsert(tx, agreementTransitions, transitionRows);
  // One audit event per PK year, listing its PKs (a hash-chained event per PK would cost the
  // seed a second for nothing a reader needs).
  for (const year of years) {
    const ofYear = seeded.filter((pk) => pk.year === year);
    await recordAudit(tx, {
      tenantId,
      actor: SYSTEM_ACTOR,
      action: 'agreement.imported_signed',
      entityType: 'agreement_year',
      entityId: yearIds.get(year) ?? null,
      data: {
        year,
        note: IMPORTED_SIGNED_NOTE,
        count: ofYear.length,
        agreements: ofYear.map((pk) => ({ id: pk.id, signedOn: pk.date })),
      },
    });
  }
  return seeded;
}
