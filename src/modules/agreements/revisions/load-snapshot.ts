import { and, asc, eq, inArray } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import { type TargetValue, targetFromColumns } from '../../../shared/target-value.js';
import { formatFullName } from '../../org/names.js';
import { employees, positions } from '../../org/schema.js';
import {
  agreementBudgets,
  agreementIndicators,
  agreementObjectives,
  agreements,
  agreementTargets,
} from '../schema.js';
import type {
  AgreementSnapshot,
  SnapshotIndicator,
  SnapshotParty,
  SnapshotTargetYear,
} from './snapshot.js';

type AgreementRow = typeof agreements.$inferSelect;

/** Reads one PK version's content and parties into the plain shape the revision rules compare. */
export async function loadSnapshot(
  tx: Tx,
  tenantId: string,
  agreement: AgreementRow,
): Promise<AgreementSnapshot> {
  const id = agreement.id;
  const [objectiveRows, indicatorRows, targetRows, budgetRows] = await Promise.all([
    tx
      .select()
      .from(agreementObjectives)
      .where(
        and(eq(agreementObjectives.tenantId, tenantId), eq(agreementObjectives.agreementId, id)),
      )
      .orderBy(asc(agreementObjectives.sortOrder), asc(agreementObjectives.id)),
    tx
      .select()
      .from(agreementIndicators)
      .where(
        and(eq(agreementIndicators.tenantId, tenantId), eq(agreementIndicators.agreementId, id)),
      )
      .orderBy(asc(agreementIndicators.sortOrder), asc(agreementIndicators.id)),
    tx
      .select()
      .from(agreementTargets)
      .where(and(eq(agreementTargets.tenantId, tenantId), eq(agreementTargets.agreementId, id))),
    tx
      .select()
      .from(agreementBudgets)
      .where(and(eq(agreementBudgets.tenantId, tenantId), eq(agreementBudgets.agreementId, id)))
      .orderBy(asc(agreementBudgets.sortOrder), asc(agreementBudgets.id)),
  ]);

  const supportedIds = objectiveRows
    .map((o) => o.supportsObjectiveId)
    .filter((v): v is string => v !== null);
  const supported = supportedIds.length
    ? await tx
        .select({ id: agreementObjectives.id, title: agreementObjectives.title })
        .from(agreementObjectives)
        .where(
          and(
            eq(agreementObjectives.tenantId, tenantId),
            inArray(agreementObjectives.id, supportedIds),
          ),
        )
    : [];
  const supportedTitle = new Map(supported.map((s) => [s.id, s.title]));

  const years: number[] = [];
  for (let y = agreement.startYear; y <= agreement.endYear; y += 1) years.push(y);
  const targetsOf = new Map<string, Map<string, TargetValue | null>>();
  for (const t of targetRows) {
    const byKey = targetsOf.get(t.indicatorId) ?? new Map<string, TargetValue | null>();
    byKey.set(
      `${t.year}:${t.quarter}`,
      targetFromColumns({
        value: t.targetValue,
        low: t.targetLow,
        high: t.targetHigh,
        code: t.targetCode,
      }),
    );
    targetsOf.set(t.indicatorId, byKey);
  }
  // Years outside startYear..endYear should not exist; if they do, they are still compared.
  for (const t of targetRows) if (!years.includes(t.year)) years.push(t.year);
  years.sort((a, b) => a - b);

  const indicatorsOf = new Map<string, SnapshotIndicator[]>();
  for (const i of indicatorRows) {
    const byKey = targetsOf.get(i.id);
    const at = (year: number, quarter: number) => byKey?.get(`${year}:${quarter}`) ?? null;
    const targets: SnapshotTargetYear[] = years.map((year) => ({
      year,
      annual: at(year, 0),
      quarters: [at(year, 1), at(year, 2), at(year, 3), at(year, 4)],
    }));
    const list = indicatorsOf.get(i.objectiveId) ?? [];
    list.push({
      id: i.id,
      sourceIndicatorId: i.sourceIndicatorId,
      name: i.name,
      satuan: i.satuan,
      polarity: i.polarity,
      method: i.method,
      aggregation: i.aggregation,
      isIku: i.isIku,
      targets,
    });
    indicatorsOf.set(i.objectiveId, list);
  }

  const partyIds = [agreement.firstPartyEmployeeId, agreement.secondPartyEmployeeId].filter(
    (v): v is string => v !== null,
  );
  const positionIds = [agreement.positionId, agreement.secondPartyPositionId].filter(
    (v): v is string => v !== null,
  );
  const [people, posts] = await Promise.all([
    tx
      .select()
      .from(employees)
      .where(and(eq(employees.tenantId, tenantId), inArray(employees.id, partyIds))),
    tx
      .select({ id: positions.id, title: positions.title })
      .from(positions)
      .where(and(eq(positions.tenantId, tenantId), inArray(positions.id, positionIds))),
  ]);
  const party = (
    positionId: string | null,
    employeeId: string | null,
    kind: string | null,
  ): SnapshotParty | null => {
    if (!positionId || !employeeId) return null;
    const person = people.find((p) => p.id === employeeId);
    return {
      positionId,
      positionTitle: posts.find((p) => p.id === positionId)?.title ?? '',
      employeeId,
      name: person ? formatFullName(person) : '',
      nip: person?.nip ?? null,
      assignmentKind: kind ?? 'definitif',
    };
  };
  const firstParty = party(
    agreement.positionId,
    agreement.firstPartyEmployeeId,
    agreement.firstPartyAssignmentKind,
  );
  if (!firstParty) throw new Error(`agreement ${id} has no first party`);

  return {
    id,
    startYear: agreement.startYear,
    endYear: agreement.endYear,
    firstParty,
    secondParty: party(
      agreement.secondPartyPositionId,
      agreement.secondPartyEmployeeId,
      agreement.secondPartyAssignmentKind,
    ),
    objectives: objectiveRows.map((o) => ({
      id: o.id,
      sourceNodeId: o.sourceNodeId,
      title: o.title,
      supportsTitle: o.supportsObjectiveId
        ? (supportedTitle.get(o.supportsObjectiveId) ?? null)
        : null,
      indicators: indicatorsOf.get(o.id) ?? [],
    })),
    budgets: budgetRows.map((b) => ({
      id: b.id,
      sourceNodeId: b.sourceNodeId,
      programCode: b.programCode,
      programName: b.programName,
      kegiatanCode: b.kegiatanCode,
      kegiatanName: b.kegiatanName,
      subKegiatanCode: b.subKegiatanCode,
      subKegiatanName: b.subKegiatanName,
      amount: b.amount,
    })),
  };
}

/** A PK version of the tenant by id, or null. */
export async function findVersion(
  tx: Tx,
  tenantId: string,
  id: string,
): Promise<AgreementRow | null> {
  const [row] = await tx
    .select()
    .from(agreements)
    .where(and(eq(agreements.tenantId, tenantId), eq(agreements.id, id)));
  return row ?? null;
}
