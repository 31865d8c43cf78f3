import { sql } from 'drizzle-orm';
import { queryRows } from '../../db/client.js';
import { AppError } from '../../shared/errors.js';
import { isSystemActor } from '../access/actor.js';
import type { TenantContext } from '../access/context.js';
import { assertCan } from '../access/policy.js';
import { createPact } from '../integrity/create-pact.js';
import { newBoardToken } from './board-token.js';
import { insertItems } from './ceremony-items.js';
import type { CreateCeremonyInput } from './ceremony-schemas.js';
import { ceremonies } from './schema.js';

export const defaultCeremonyTitle = (fiscalYear: number): string =>
  `Penandatanganan Perjanjian Kinerja dan Pakta Integritas Tahun ${fiscalYear}`;

export interface CreatedCeremony {
  id: string;
  /** Shown once: only its SHA-256 is stored. */
  boardToken: string;
  added: { agreements: number; pacts: number; pactsCreated: number };
  /** Heads whose pact could not be made (no position, no witness …), with the reason. */
  pactFailures: { name: string; message: string }[];
}

interface HeadAgreement {
  id: string;
  first_party_employee_id: string;
  first_party_name: string;
}

/**
 * Schedules a ceremony and fills it with its participants: every head-of-PD PK (and the Pemda
 * PK) of the fiscal year that is ready to sign, and each of those heads' annual Pakta
 * Integritas, made now when missing (dated on the ceremony day when that day is allowed for
 * the year). PKs and pacts already in another open ceremony are left where they are, so one
 * document is never expected at two events.
 */
export async function createCeremony(
  ctx: TenantContext,
  input: CreateCeremonyInput,
): Promise<CreatedCeremony> {
  assertCan(ctx.actor, 'ceremonies.manage');
  const eventYear = Number(input.eventDate.slice(0, 4));
  if (eventYear !== input.fiscalYear && eventYear !== input.fiscalYear - 1) {
    throw new AppError(
      'VALIDATION_FAILED',
      `Tanggal acara harus pada tahun ${input.fiscalYear} (atau akhir ${input.fiscalYear - 1}, bila PK ditandatangani bersama penyerahan DPA).`,
      { fields: [{ path: 'eventDate', message: 'di luar tahun anggaran' }] },
    );
  }
  const { token, hash } = newBoardToken();
  const [row] = await ctx.tx
    .insert(ceremonies)
    .values({
      tenantId: ctx.tenantId,
      title: input.title ?? defaultCeremonyTitle(input.fiscalYear),
      fiscalYear: input.fiscalYear,
      eventDate: input.eventDate,
      startTime: input.startTime ?? null,
      place: input.place,
      boardTokenHash: hash,
      createdBy: isSystemActor(ctx.actor) ? null : ctx.actor.userId,
    })
    .returning({ id: ceremonies.id });
  if (!row) throw new Error('insert returned no row');

  const heads = await queryRows<HeadAgreement>(
    ctx.tx,
    sql`select a.id, a.first_party_employee_id, e.name as first_party_name
          from agreements a
          join agreement_years y on y.tenant_id = a.tenant_id and y.id = a.year_id
          join employees e on e.tenant_id = a.tenant_id and e.id = a.first_party_employee_id
          left join units u on u.tenant_id = a.tenant_id and u.id = a.unit_id
         where a.tenant_id = ${ctx.tenantId} and y.year = ${input.fiscalYear}
           and a.level in ('pemda', 'kepala_pd') and a.status = 'ready_to_sign'
           and not exists (
             select 1 from ceremony_items ci
               join ceremonies c on c.tenant_id = ci.tenant_id and c.id = ci.ceremony_id
              where ci.tenant_id = a.tenant_id and ci.agreement_id = a.id
                and c.status in ('scheduled', 'ongoing'))
         order by (a.level = 'pemda') desc, u.name, e.name`,
  );
  const headIds = [...new Set(heads.map((h) => h.first_party_employee_id))];
  const pacts = await annualPactsOf(ctx, headIds, input.fiscalYear);
  let pactsCreated = 0;
  const pactFailures: CreatedCeremony['pactFailures'] = [];
  const pactDate = input.eventDate;
  for (const head of heads) {
    const employeeId = head.first_party_employee_id;
    if (pacts.has(employeeId)) continue;
    try {
      const pactId = await createPact(ctx, {
        employeeId,
        occasion: 'annual',
        fiscalYear: input.fiscalYear,
        pactDate,
      });
      pacts.set(employeeId, { id: pactId, inOpenCeremony: false });
      pactsCreated++;
    } catch (error) {
      // createPact checks everything before it writes: a refusal leaves the transaction usable.
      if (!(error instanceof AppError)) throw error;
      pactFailures.push({ name: head.first_party_name, message: error.message });
    }
  }
  const pactItems = headIds.flatMap((employeeId) => {
    const pact = pacts.get(employeeId);
    return pact && !pact.inOpenCeremony ? [{ pactId: pact.id }] : [];
  });
  const agreementsAdded = await insertItems(
    ctx,
    row.id,
    heads.map((h) => ({ agreementId: h.id })),
  );
  const pactsAdded = await insertItems(ctx, row.id, pactItems);
  const added = { agreements: agreementsAdded, pacts: pactsAdded, pactsCreated };
  await ctx.audit({
    action: 'ceremony.create',
    entityType: 'ceremony',
    entityId: row.id,
    data: {
      title: input.title ?? defaultCeremonyTitle(input.fiscalYear),
      fiscalYear: input.fiscalYear,
      eventDate: input.eventDate,
      startTime: input.startTime ?? null,
      place: input.place,
      added,
      pactFailures: pactFailures.length,
    },
  });
  return { id: row.id, boardToken: token, added, pactFailures };
}

/** The heads' current annual pacts of the year (not void), and whether another event has them. */
async function annualPactsOf(ctx: TenantContext, employeeIds: string[], fiscalYear: number) {
  const found = new Map<string, { id: string; inOpenCeremony: boolean }>();
  if (employeeIds.length === 0) return found;
  const rows = await queryRows<{ id: string; employee_id: string; in_open: boolean }>(
    ctx.tx,
    sql`select p.id, p.employee_id,
               exists (select 1 from ceremony_items ci
                         join ceremonies c on c.tenant_id = ci.tenant_id and c.id = ci.ceremony_id
                        where ci.tenant_id = p.tenant_id and ci.pact_id = p.id
                          and c.status in ('scheduled', 'ongoing')) as in_open
          from integrity_pacts p
         where p.tenant_id = ${ctx.tenantId} and p.occasion = 'annual'
           and p.fiscal_year = ${fiscalYear} and p.status <> 'void'
           and p.employee_id = any(${sql.param(employeeIds)}::uuid[])`,
  );
  for (const r of rows) found.set(r.employee_id, { id: r.id, inOpenCeremony: r.in_open });
  return found;
}
