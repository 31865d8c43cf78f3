import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import type { AgreementLevel, AgreementStatus, UnitLevel } from '../../shared/codes.js';
import { notFound } from '../../shared/errors.js';
import { targetFromColumns } from '../../shared/target-value.js';
import type { TenantContext } from '../access/context.js';
import { assertCan } from '../access/policy.js';
import { formatFullName } from '../org/names.js';
import type {
  CascadeAgreement,
  CascadeIndicator,
  CascadeNode,
  CascadeResult,
  CascadeRoot,
} from './cascade-schemas.js';

interface AgreementRow {
  id: string;
  level: AgreementLevel;
  status: AgreementStatus;
  revision_no: number;
  root_id: string;
  unit_id: string | null;
  position_id: string;
  position_title: string;
  front_title: string | null;
  name: string;
  back_title: string | null;
  unit_name: string | null;
  unit_path: string[] | null;
}
interface ObjectiveRow {
  id: string;
  agreement_id: string;
  source_node_id: string | null;
  title: string;
  supports_objective_id: string | null;
}
/** A sasaran's indicator and its target of the year, left-joined (all null when it has none). */
interface IndicatorCells {
  indicator_id: string | null;
  name: string | null;
  satuan: string | null;
  is_iku: boolean | null;
  target_value: string | null;
  target_low: string | null;
  target_high: string | null;
  target_code: string | null;
}
interface ContentRow extends ObjectiveRow, IndicatorCells {
  supports_node_id: string | null;
}
interface IndicatorRow {
  id: string;
  owner_id: string;
  name: string;
  satuan: string;
  is_iku: boolean;
  target_value: string | null;
  target_low: string | null;
  target_high: string | null;
  target_code: string | null;
}
interface UnitRow {
  id: string;
  name: string;
  parent_id: string | null;
  level: UnitLevel;
  path: string[];
  position_id: string;
  position_title: string;
  filled: boolean;
}

const levelRank: Record<AgreementLevel, number> = {
  pemda: 0,
  kepala_pd: 1,
  eselon_iii: 2,
  eselon_iv: 3,
  pelaksana: 4,
};

const indicatorOf = (r: IndicatorRow): CascadeIndicator => ({
  id: r.id,
  name: r.name,
  satuan: r.satuan,
  target: targetFromColumns({
    value: r.target_value,
    low: r.target_low,
    high: r.target_high,
    code: r.target_code,
  }),
  isIku: r.is_iku,
});

function groupBy<T>(rows: readonly T[], key: (row: T) => string): Map<string, T[]> {
  const map = new Map<string, T[]>();
  for (const row of rows) {
    const k = key(row);
    const list = map.get(k);
    if (list) list.push(row);
    else map.set(k, [row]);
  }
  return map;
}

/** The level a unit's head signs: head of a top-level unit = Kepala PD (also Camat, Direktur). */
const expectedLevel = (u: UnitRow): AgreementLevel =>
  u.parent_id === null ? 'kepala_pd' : u.level === 'eselon_3' ? 'eselon_iii' : 'eselon_iv';

/**
 * The cascade of a PK year: RPJMD sasaran → PD sasaran (head of PD's PK) → eselon III → eselon IV
 * sasaran, each with its indicators and the target of the year, plus coverage: RPJMD sasaran no
 * PD carries, PK sasaran that link to nothing above, units whose head has no PK.
 *
 * A PK sasaran hangs under the sasaran its `supportsObjectiveId` names. A head of PD's sasaran
 * without a link falls back to the Renstra (its source node's `supportsNodeId`) only when there is
 * no Pemda PK to link to. For each PK the version shown is the one in force (signed or published)
 * or else the latest revision; links to another version of a PK are followed to the shown one.
 *
 * Explicit tenant predicates on every joined table let the planner hash-join (4 ms instead of
 * 15 ms for the content query on 2,270 indicators). Four set-based queries (a fifth only when links point at another version of a PK); the tree
 * is assembled in memory.
 */
export async function buildCascade(
  ctx: TenantContext,
  input: { year: number; unitId?: string | null | undefined },
): Promise<CascadeResult> {
  assertCan(ctx.actor, 'agreements.read');
  const t = ctx.tenantId;
  const year = input.year;
  const filterUnit = input.unitId ?? null;

  const [head] = await queryRows<{
    year_id: string | null;
    dpa_approved_on: string | null;
    period_id: string | null;
    period_name: string | null;
  }>(
    ctx.tx,
    sql`select y.id as year_id, y.dpa_approved_on::text as dpa_approved_on,
               p.id as period_id, p.name as period_name
          from (select 1) one
          left join agreement_years y on y.tenant_id = ${t} and y.year = ${year}
          left join lateral (
                select id, name from plan_periods
                 where tenant_id = ${t} and start_year <= ${year} and end_year >= ${year}
                 order by (status = 'active') desc, start_year desc limit 1) p on true`,
  );
  const yearRow = head?.year_id
    ? { id: head.year_id, dpa_approved_on: head.dpa_approved_on }
    : null;
  const period =
    head?.period_id && head.period_name ? { id: head.period_id, name: head.period_name } : null;

  // Units whose head should sign a PK, with whether the post is filled on the reference date.
  const referenceDate = yearRow?.dpa_approved_on ?? `${year}-01-31`;
  const unitRows = await queryRows<UnitRow>(
    ctx.tx,
    sql`select u.id, u.name, u.parent_id, u.level, u.path, p.id as position_id,
               p.title as position_title,
               exists (select 1 from assignments s
                        where s.tenant_id = ${t} and s.position_id = p.id
                          and s.start_date <= ${referenceDate}::date
                          and (s.end_date is null or s.end_date >= ${referenceDate}::date)) as filled
          from units u
          join positions p on p.tenant_id = ${t} and p.unit_id = u.id and p.heads_unit
                          and p.archived_at is null
         where u.tenant_id = ${t} and u.archived_at is null and u.level is not null`,
  );
  const unitById = new Map(unitRows.map((u) => [u.id, u]));
  if (filterUnit !== null && !unitById.has(filterUnit)) {
    const [exists] = await queryRows<{ id: string }>(
      ctx.tx,
      sql`select id from units where tenant_id = ${t} and id = ${filterUnit}`,
    );
    if (!exists) throw notFound('Unit');
  }
  const inScope = (unitId: string | null, path?: readonly string[] | null): boolean => {
    if (filterUnit === null) return true;
    if (unitId === null) return false;
    const p = path ?? unitById.get(unitId)?.path ?? [unitId];
    return p.includes(filterUnit);
  };

  // The PKs of the year: per PK (root), the version in force, else the latest revision.
  const shownAgreements = sql`select distinct on (a.root_id) a.* from agreements a
         where a.tenant_id = ${t} and a.start_year <= ${year} and a.end_year >= ${year}
           and a.status <> 'superseded'
         order by a.root_id, (a.status in ('signed', 'published')) desc, a.revision_no desc`;
  const agreementRows = await queryRows<AgreementRow>(
    ctx.tx,
    sql`select a.id, a.level, a.status, a.revision_no, a.root_id,
               a.unit_id, a.position_id, p.title as position_title,
               e.front_title, e.name, e.back_title, u.name as unit_name, u.path as unit_path
          from (${shownAgreements}) a
          join positions p on p.tenant_id = ${t} and p.id = a.position_id
          join employees e on e.tenant_id = ${t} and e.id = a.first_party_employee_id
          left join units u on u.tenant_id = ${t} and u.id = a.unit_id`,
  );
  const agreementById = new Map(agreementRows.map((a) => [a.id, a]));

  // Their sasaran with indicators and the year's annual target, and the RPJMD sasaran each
  // source Renstra sasaran supports (the fallback link of a head of PD's sasaran): one query.
  const contentRows = await queryRows<ContentRow>(
    ctx.tx,
    sql`select o.id, o.agreement_id, o.source_node_id, o.title, o.supports_objective_id,
               sn.supports_node_id, i.id as indicator_id, i.name, i.satuan, i.is_iku,
               g.target_value, g.target_low, g.target_high, g.target_code
          from (${shownAgreements}) a
          join agreement_objectives o on o.tenant_id = ${t} and o.agreement_id = a.id
          left join plan_nodes sn on sn.tenant_id = ${t} and sn.id = o.source_node_id
          left join agreement_indicators i on i.tenant_id = ${t} and i.objective_id = o.id
          left join agreement_targets g on g.tenant_id = ${t} and g.indicator_id = i.id
                                       and g.year = ${year} and g.quarter = 0
         order by o.agreement_id, o.sort_order, o.id, i.sort_order, i.id`,
  );
  const objectiveRows: ObjectiveRow[] = [];
  const indicatorRows: IndicatorRow[] = [];
  const supportsNode = new Map<string, string>();
  for (const r of contentRows) {
    if (objectiveRows.at(-1)?.id !== r.id) objectiveRows.push(r);
    if (r.source_node_id && r.supports_node_id)
      supportsNode.set(r.source_node_id, r.supports_node_id);
    if (r.indicator_id && r.name !== null && r.satuan !== null && r.is_iku !== null) {
      indicatorRows.push({
        ...r,
        id: r.indicator_id,
        owner_id: r.id,
        name: r.name,
        satuan: r.satuan,
        is_iku: r.is_iku,
      });
    }
  }
  const indicatorsOf = groupBy(indicatorRows, (r) => r.owner_id);

  // RPJMD sasaran in tree order with their own indicators (shown when there is no Pemda PK).
  const rpjmdContent = period
    ? await queryRows<{ id: string; code: string | null; title: string } & IndicatorCells>(
        ctx.tx,
        sql`select n.id, n.code, n.title, i.id as indicator_id, i.name, i.satuan, i.is_iku,
                   g.target_value, g.target_low, g.target_high, g.target_code
              from plan_nodes n
              left join plan_nodes tj on tj.tenant_id = ${t} and tj.id = n.parent_id
              left join plan_nodes m on m.tenant_id = ${t} and m.id = tj.parent_id
              left join indicators i on i.tenant_id = ${t} and i.node_id = n.id
                                    and i.archived_at is null
              left join indicator_targets g on g.tenant_id = ${t}
                                           and g.indicator_id = i.id and g.year = ${year}
             where n.tenant_id = ${t} and n.period_id = ${period.id} and n.unit_id is null
               and n.kind = 'sasaran' and n.archived_at is null
             order by m.sort_order nulls first, tj.sort_order nulls first, n.sort_order, n.code,
                      n.id, i.sort_order, i.id`,
      )
    : [];
  const rpjmdRows: { id: string; code: string | null; title: string }[] = [];
  const rpjmdIndicatorRows: IndicatorRow[] = [];
  for (const r of rpjmdContent) {
    if (rpjmdRows.at(-1)?.id !== r.id) rpjmdRows.push(r);
    if (r.indicator_id && r.name !== null && r.satuan !== null && r.is_iku !== null) {
      rpjmdIndicatorRows.push({
        ...r,
        id: r.indicator_id,
        owner_id: r.id,
        name: r.name,
        satuan: r.satuan,
        is_iku: r.is_iku,
      });
    }
  }
  const rpjmdIndicators = groupBy(rpjmdIndicatorRows, (r) => r.owner_id);

  // Links to objectives of another version of a PK: follow them to the shown version's sasaran
  // with the same source (or title).
  const shownIds = new Set(objectiveRows.map((o) => o.id));
  const dangling = [
    ...new Set(
      objectiveRows
        .map((o) => o.supports_objective_id)
        .filter((id): id is string => id !== null && !shownIds.has(id)),
    ),
  ];
  const remap = new Map<string, string>();
  if (dangling.length > 0) {
    const targets = await queryRows<{
      id: string;
      root_id: string;
      source_node_id: string | null;
      title: string;
    }>(
      ctx.tx,
      sql`select o.id, a.root_id, o.source_node_id, o.title from agreement_objectives o
            join agreements a on a.tenant_id = ${t} and a.id = o.agreement_id
           where o.tenant_id = ${t} and o.id = any(${sql.param(dangling)}::uuid[])`,
    );
    const shownByKey = new Map<string, string>();
    for (const o of objectiveRows) {
      const a = agreementById.get(o.agreement_id);
      if (a) shownByKey.set(`${a.root_id}|${o.source_node_id ?? o.title}`, o.id);
    }
    for (const target of targets) {
      const id = shownByKey.get(`${target.root_id}|${target.source_node_id ?? target.title}`);
      if (id) remap.set(target.id, id);
    }
  }

  // ---- Assemble ------------------------------------------------------------------------------
  const pemdaAgreement = agreementRows.find((a) => a.level === 'pemda') ?? null;
  const nodes = new Map<string, CascadeNode>();
  const objectiveById = new Map(objectiveRows.map((o) => [o.id, o]));
  for (const o of objectiveRows) {
    nodes.set(o.id, {
      objectiveId: o.id,
      title: o.title,
      agreementId: o.agreement_id,
      indicators: (indicatorsOf.get(o.id) ?? []).map(indicatorOf),
      linkedVia: null,
      children: [],
    });
  }

  const roots: CascadeRoot[] = rpjmdRows.map((r) => ({
    nodeId: r.id,
    code: r.code,
    title: r.title,
    pemdaObjectiveId: null,
    indicators: (rpjmdIndicators.get(r.id) ?? []).map(indicatorOf),
    carried: false,
    children: [],
  }));
  const rootByNode = new Map(roots.map((r) => [r.nodeId, r]));
  const rootByPemdaObjective = new Map<string, CascadeRoot>();
  for (const o of objectiveRows) {
    if (agreementById.get(o.agreement_id)?.level !== 'pemda') continue;
    let root = o.source_node_id ? rootByNode.get(o.source_node_id) : undefined;
    if (!root) {
      root = {
        nodeId: o.source_node_id,
        code: null,
        title: o.title,
        pemdaObjectiveId: null,
        indicators: [],
        carried: false,
        children: [],
      };
      roots.push(root);
    }
    root.pemdaObjectiveId = o.id;
    root.indicators = nodes.get(o.id)?.indicators ?? [];
    rootByPemdaObjective.set(o.id, root);
  }

  const unlinked: CascadeNode[] = [];
  for (const o of objectiveRows) {
    const agreement = agreementById.get(o.agreement_id);
    if (!agreement || agreement.level === 'pemda') continue;
    const node = nodes.get(o.id)!;
    const targetId = o.supports_objective_id
      ? (remap.get(o.supports_objective_id) ?? o.supports_objective_id)
      : null;
    const target = targetId ? objectiveById.get(targetId) : undefined;
    const parentRoot = targetId ? rootByPemdaObjective.get(targetId) : undefined;
    if (parentRoot) {
      node.linkedVia = 'pk';
      parentRoot.children.push(node);
    } else if (target && targetId !== o.id) {
      node.linkedVia = 'pk';
      nodes.get(targetId!)!.children.push(node);
    } else {
      const viaRenstra =
        !pemdaAgreement && agreement.level === 'kepala_pd' && o.source_node_id
          ? rootByNode.get(supportsNode.get(o.source_node_id) ?? '')
          : undefined;
      if (viaRenstra) {
        node.linkedVia = 'renstra';
        viaRenstra.children.push(node);
      } else {
        unlinked.push(node);
      }
    }
  }
  // A cycle of links would leave nodes unreachable: show them as unlinked.
  const reached = new Set<string>();
  const visit = (n: CascadeNode) => {
    if (reached.has(n.objectiveId)) return;
    reached.add(n.objectiveId);
    for (const c of n.children) visit(c);
  };
  for (const r of roots) for (const c of r.children) visit(c);
  for (const n of unlinked) visit(n);
  for (const o of objectiveRows) {
    const level = agreementById.get(o.agreement_id)?.level;
    if (level === 'pemda' || reached.has(o.id)) continue;
    const node = nodes.get(o.id)!;
    node.linkedVia = null;
    unlinked.push(node);
    visit(node);
  }

  // Order children by level, PD, unit, then as written.
  const order = new Map(objectiveRows.map((o, i) => [o.id, i]));
  const sortKey = (n: CascadeNode) => {
    const a = agreementById.get(n.agreementId)!;
    return [levelRank[a.level], a.unit_name ?? ''] as const;
  };
  const sortNodes = (list: CascadeNode[]) => {
    list.sort((x, y) => {
      const [lx, ux] = sortKey(x);
      const [ly, uy] = sortKey(y);
      return (
        lx - ly ||
        ux.localeCompare(uy, 'id') ||
        order.get(x.objectiveId)! - order.get(y.objectiveId)!
      );
    });
    for (const n of list) sortNodes(n.children);
  };
  for (const r of roots) sortNodes(r.children);
  sortNodes(unlinked);

  for (const r of roots) r.carried = r.children.length > 0;

  // ---- Filter to a unit's subtree (keeping the chain above for context) --------------------
  const unitOfNode = (n: CascadeNode) => agreementById.get(n.agreementId)!;
  const prune = (list: CascadeNode[]): CascadeNode[] =>
    list.flatMap((n) => {
      const children = prune(n.children);
      const a = unitOfNode(n);
      return inScope(a.unit_id, a.unit_path) || children.length > 0 ? [{ ...n, children }] : [];
    });
  const shownRoots =
    filterUnit === null
      ? roots
      : roots.flatMap((r) => {
          const children = prune(r.children);
          return children.length > 0 ? [{ ...r, children }] : [];
        });
  const shownUnlinked = filterUnit === null ? unlinked : prune(unlinked);

  // ---- Coverage and counts (inside the filter) -----------------------------------------------
  const uncarried = roots
    .filter((r) => !r.carried)
    .map((r) => ({ nodeId: r.nodeId, code: r.code, title: r.title }));
  const scopedAgreements = agreementRows.filter(
    (a) => a.level !== 'pemda' && inScope(a.unit_id, a.unit_path),
  );
  const scopedIds = new Set(scopedAgreements.map((a) => a.id));
  let brokenLinks = 0;
  const countBroken = (n: CascadeNode) => {
    if (n.linkedVia === null && scopedIds.has(n.agreementId)) brokenLinks += 1;
    for (const c of n.children) countBroken(c);
  };
  for (const n of unlinked) countBroken(n);

  const signedPositions = new Set(agreementRows.map((a) => a.position_id));
  const expected = unitRows.filter((u) => inScope(u.id, u.path));
  const missing = expected
    .filter((u) => !signedPositions.has(u.position_id))
    .map((u) => ({
      unitId: u.id,
      unitName: u.name,
      pdName: unitById.get(u.path[0] ?? u.id)?.name ?? u.name,
      level: expectedLevel(u),
      positionTitle: u.position_title,
      vacant: !u.filled,
    }))
    .sort(
      (a, b) =>
        a.pdName.localeCompare(b.pdName, 'id') ||
        levelRank[a.level] - levelRank[b.level] ||
        a.unitName.localeCompare(b.unitName, 'id'),
    );

  const shown =
    filterUnit === null
      ? agreementRows
      : [...(pemdaAgreement ? [pemdaAgreement] : []), ...scopedAgreements];
  // Chain above a filtered unit: the PKs of the nodes kept for context.
  const keptAgreementIds = new Set(shown.map((a) => a.id));
  const collect = (n: CascadeNode) => {
    keptAgreementIds.add(n.agreementId);
    for (const c of n.children) collect(c);
  };
  for (const r of shownRoots) for (const c of r.children) collect(c);
  for (const n of shownUnlinked) collect(n);

  const agreementsOut: CascadeAgreement[] = agreementRows
    .filter((a) => keptAgreementIds.has(a.id))
    .map((a) => {
      const pdId = a.unit_path?.[0] ?? a.unit_id;
      return {
        id: a.id,
        level: a.level,
        status: a.status,
        revisionNo: a.revision_no,
        unitId: a.unit_id,
        unitName: a.unit_name,
        pdId: pdId ?? null,
        pdName: pdId ? (unitById.get(pdId)?.name ?? a.unit_name) : null,
        positionTitle: a.position_title,
        holderName: formatFullName({
          frontTitle: a.front_title,
          name: a.name,
          backTitle: a.back_title,
        }),
      };
    });

  const byLevel: Record<string, number> = {};
  const byStatus: Record<string, number> = {};
  for (const a of scopedAgreements) {
    byLevel[a.level] = (byLevel[a.level] ?? 0) + 1;
    byStatus[a.status] = (byStatus[a.status] ?? 0) + 1;
  }
  const scopedObjectives = objectiveRows.filter((o) => scopedIds.has(o.agreement_id));
  const scopedIndicators = scopedObjectives.reduce(
    (sum, o) => sum + (indicatorsOf.get(o.id)?.length ?? 0),
    0,
  );

  return {
    year,
    yearId: yearRow?.id ?? null,
    period: period ?? null,
    unitId: filterUnit,
    pemdaAgreementId: pemdaAgreement?.id ?? null,
    agreements: agreementsOut,
    roots: shownRoots,
    unlinked: shownUnlinked,
    coverage: {
      rpjmdSasaran: roots.length,
      carried: roots.length - uncarried.length,
      uncarried,
      brokenLinks,
      expectedAgreements: expected.length,
      presentAgreements: expected.length - missing.length,
      missing,
    },
    counts: {
      agreements: scopedAgreements.length,
      objectives: scopedObjectives.length,
      indicators: scopedIndicators,
      byLevel,
      byStatus,
    },
  };
}
