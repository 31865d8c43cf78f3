import { eq, sql } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client.js';
import { newId } from '../../db/columns.js';
import { now, todayIn } from '../../server/clock.js';
import type { Grant } from '../access/actor.js';
import { recordAudit, SYSTEM_ACTOR } from '../audit/record-audit.js';
import type { Role } from '../auth/schema.js';
import { users } from '../auth/schema.js';
import { createUser } from '../auth/users/create-user.js';
import { assignments, employees, positions, units } from '../org/schema.js';
import { createTenant } from '../tenants/create-tenant.js';
import { tenants } from '../tenants/schema.js';
import {
  buildKotaContoh,
  type DemoOrganisation,
  type DemoPosition,
  type DemoUnit,
} from './kota-contoh.js';
import { seedMonitoringDemo } from './monitoring-demo.js';
import { buildPlanningDemo, seedPlanningDemo } from './planning-demo.js';

/** Shared password of every demo account. Demo only: printed on the console and in README. */
export const DEMO_PASSWORD = 'amanah-demo-2026';

export interface DemoLogin {
  username: string;
  password: string;
  role: string;
}

interface DemoAccount {
  username: string;
  displayName: string;
  role: Role | 'platform_admin';
  /** Person key of the linked employee, or a rule to find one. */
  person?: (org: DemoOrganisation, ids: SeedIds) => string | null;
  scopeUnit?: (org: DemoOrganisation) => DemoUnit | undefined;
  label: string;
}

interface SeedIds {
  units: Map<string, string>;
  employees: Map<string, string>;
}

const headOf = (unit: DemoUnit | undefined) => unit?.positions.find((p) => p.headsUnit);
const holderKey = (position: DemoPosition | undefined) =>
  position?.holders.find((h) => h.end === null)?.personKey ?? null;
const findUnit = (org: DemoOrganisation, pattern: RegExp) =>
  org.units.find((u) => pattern.test(u.name));

export const demoAccounts: DemoAccount[] = [
  {
    username: 'platform',
    displayName: 'Admin Platform',
    role: 'platform_admin',
    label: 'admin platform (membuat Pemda)',
  },
  {
    username: 'admin',
    displayName: 'Admin Bagian Organisasi',
    role: 'admin_pemda',
    label: 'admin Pemda',
  },
  {
    username: 'walikota',
    displayName: 'Wali Kota Contoh',
    role: 'kepala_daerah',
    person: (org) => holderKey(org.leaders.find((p) => p.kind === 'kepala_daerah')),
    label: 'kepala daerah',
  },
  {
    username: 'bappeda',
    displayName: 'Perencana Bappeda',
    role: 'perencana',
    label: 'perencana (Bappeda)',
  },
  {
    username: 'kadinkes',
    displayName: 'Kepala Dinas Kesehatan',
    role: 'pimpinan_unit',
    person: (org) => holderKey(headOf(findUnit(org, /^Dinas Kesehatan/))),
    scopeUnit: (org) => findUnit(org, /^Dinas Kesehatan/),
    label: 'pimpinan unit (Dinas Kesehatan)',
  },
  {
    // The head the signing journey follows: Dinas Pendidikan has PKs at every level, and its
    // head's PK is ready for the January ceremony.
    username: 'kadisdik',
    displayName: 'Kepala Dinas Pendidikan dan Kebudayaan',
    role: 'pimpinan_unit',
    person: (org) => holderKey(headOf(findUnit(org, /^Dinas Pendidikan/))),
    scopeUnit: (org) => findUnit(org, /^Dinas Pendidikan/),
    label: 'pimpinan unit (Dinas Pendidikan dan Kebudayaan)',
  },
  {
    username: 'operator.dinkes',
    displayName: 'Operator Dinas Kesehatan',
    role: 'operator_unit',
    scopeUnit: (org) => findUnit(org, /^Dinas Kesehatan/),
    label: 'operator unit (Dinas Kesehatan)',
  },
  {
    username: 'inspektorat',
    displayName: 'Evaluator Inspektorat',
    role: 'evaluator',
    label: 'evaluator (Inspektorat)',
  },
  { username: 'tamu', displayName: 'Pengamat', role: 'viewer', label: 'viewer (hanya baca)' },
];

export const demoLogins = (): DemoLogin[] =>
  demoAccounts.map((a) => ({ username: a.username, password: DEMO_PASSWORD, role: a.label }));

function flatten(
  list: DemoUnit[],
  parent: DemoUnit | null,
  depth: number,
  out: { unit: DemoUnit; parent: DemoUnit | null; depth: number }[],
) {
  list.forEach((unit) => {
    out.push({ unit, parent, depth });
    flatten(unit.children, unit, depth + 1, out);
  });
  return out;
}

async function insertChunks<T>(rows: T[], insert: (chunk: T[]) => Promise<unknown>, size = 400) {
  for (let i = 0; i < rows.length; i += size) await insert(rows.slice(i, i + size));
}

/** Writes the organisation of Kota Contoh under RLS, level by level so parents exist first. */
async function seedOrganisation(tx: Tx, tenantId: string, org: DemoOrganisation): Promise<SeedIds> {
  const ids: SeedIds = { units: new Map(), employees: new Map() };
  for (const person of org.people) ids.employees.set(person.key, newId());
  await insertChunks(org.people, (chunk) =>
    tx.insert(employees).values(
      chunk.map((p) => ({
        tenantId,
        id: ids.employees.get(p.key)!,
        nip: p.nip,
        frontTitle: p.frontTitle,
        name: p.name,
        backTitle: p.backTitle,
        gender: p.gender,
        employeeType: p.employeeType,
        grade: p.grade,
        email: p.email,
      })),
    ),
  );
  const flat = flatten(org.units, null, 0, []);
  for (const entry of flat) ids.units.set(entry.unit.key, newId());
  const maxDepth = Math.max(...flat.map((f) => f.depth));
  for (let depth = 0; depth <= maxDepth; depth += 1) {
    const level = flat.filter((f) => f.depth === depth);
    await insertChunks(level, (chunk) =>
      tx.insert(units).values(
        chunk.map(({ unit, parent }) => ({
          tenantId,
          id: ids.units.get(unit.key)!,
          parentId: parent ? ids.units.get(parent.key)! : null,
          name: unit.name,
          shortName: unit.shortName,
          type: unit.type,
          level: unit.level,
          code: unit.code,
          sortOrder: flat.indexOf(flat.find((f) => f.unit === unit)!),
        })),
      ),
    );
  }
  const positionRows: (typeof positions.$inferInsert)[] = [];
  const assignmentRows: (typeof assignments.$inferInsert)[] = [];
  const addPosition = (p: DemoPosition, unitId: string | null) => {
    const id = newId();
    positionRows.push({
      tenantId,
      id,
      unitId,
      title: p.title,
      kind: p.kind,
      headsUnit: p.headsUnit,
    });
    for (const h of p.holders) {
      assignmentRows.push({
        tenantId,
        positionId: id,
        employeeId: ids.employees.get(h.personKey)!,
        kind: h.kind,
        startDate: h.start,
        endDate: h.end,
      });
    }
  };
  for (const leader of org.leaders) addPosition(leader, null);
  for (const { unit } of flat)
    for (const p of unit.positions) addPosition(p, ids.units.get(unit.key)!);
  await insertChunks(positionRows, (chunk) => tx.insert(positions).values(chunk));
  await insertChunks(assignmentRows, (chunk) => tx.insert(assignments).values(chunk));
  return ids;
}

/**
 * Creates the demo Pemda "Kota Contoh" (fictional) with its organisation and demo accounts,
 * once. Running it again changes nothing and returns the logins.
 */
export async function ensureDemoTenant(
  database: Database,
): Promise<{ created: boolean; tenantId: string; logins: DemoLogin[] }> {
  const org = buildKotaContoh();
  const existing = await database.withSystem((tx) =>
    tx
      .select({ id: tenants.id })
      .from(tenants)
      .where(eq(tenants.regionCode, org.tenant.regionCode)),
  );
  if (existing[0]) {
    // A demo Pemda seeded before quarterly monitoring existed gets its monitoring years now
    // (nothing happens when it has them). Owner transaction: see below.
    const tenantId = existing[0].id;
    await database.withSystem((tx) =>
      seedMonitoringDemo(tx, tenantId, org, {
        today: todayIn(org.tenant.timeZone),
        now: now(),
      }),
    );
    return { created: false, tenantId, logins: demoLogins() };
  }

  const tenantId = await database.withSystem(async (tx) => {
    const [platform] = await tx
      .select({ id: users.id })
      .from(users)
      .where(eq(users.username, 'platform'));
    if (!platform) {
      await createUser(tx, SYSTEM_ACTOR, {
        tenantId: null,
        username: 'platform',
        displayName: 'Admin Platform',
        password: DEMO_PASSWORD,
        skipStrengthCheck: true,
      });
    }
    return createTenant(tx, SYSTEM_ACTOR, {
      name: org.tenant.name,
      shortName: org.tenant.shortName,
      type: org.tenant.type,
      regionCode: org.tenant.regionCode,
      timeZone: org.tenant.timeZone,
    });
  });
  const planningDemo = buildPlanningDemo(org);
  await database.withTenant(tenantId, async (tx) => {
    const ids = await seedOrganisation(tx, tenantId, org);
    for (const account of demoAccounts) {
      if (account.role === 'platform_admin') continue;
      const scope = account.scopeUnit?.(org);
      const grants: Grant[] = [
        { role: account.role, unitId: scope ? ids.units.get(scope.key)! : null },
      ];
      const personKey = account.person?.(org, ids) ?? null;
      await createUser(tx, SYSTEM_ACTOR, {
        tenantId,
        username: account.username,
        displayName: account.displayName,
        password: DEMO_PASSWORD,
        employeeId: personKey ? ids.employees.get(personKey)! : null,
        grants,
        skipStrengthCheck: true,
      });
    }
    // RPJMD, Renstra, PK year 2027 and PK drafts (after the users: reviews name an actor).
    const planning = await seedPlanningDemo(tx, tenantId, org, planningDemo);
    await recordAudit(tx, {
      tenantId,
      actor: SYSTEM_ACTOR,
      action: 'demo.seed',
      entityType: 'tenant',
      entityId: tenantId,
      data: {
        units: ids.units.size,
        employees: ids.employees.size,
        planNodes: planning.planNodes,
        agreements: planning.agreements,
      },
    });
  });
  // Fresh statistics after the bulk load, so the planner does not guess on an empty history.
  await database.unsafeOwnerDb.execute(sql`analyze`);
  // PKs of last year and this year, signed on paper, with their quarterly realisasi: in a
  // transaction of its own as the owner (the demo seed may, decision 0003), which refreshes the
  // statistics of what it writes as it goes (the guards' look-ups would otherwise scan).
  // Should it fail, the next start finds the demo without them and seeds them (above).
  await database.withSystem((tx) =>
    seedMonitoringDemo(tx, tenantId, org, {
      today: todayIn(org.tenant.timeZone),
      now: now(),
      planning: planningDemo,
    }),
  );
  await database.unsafeOwnerDb.execute(sql`analyze`);
  return { created: true, tenantId, logins: demoLogins() };
}
