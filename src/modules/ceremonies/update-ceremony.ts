import { and, eq, sql } from 'drizzle-orm';
import { AppError } from '../../shared/errors.js';
import type { TenantContext } from '../access/context.js';
import { assertCan } from '../access/policy.js';
import { assertVersion } from '../org/units/find-unit.js';
import type { UpdateCeremonyInput } from './ceremony-schemas.js';
import { type CeremonyRow, findCeremony } from './load-ceremony.js';
import { ceremonies } from './schema.js';

const statusLabels: Record<CeremonyRow['status'], string> = {
  scheduled: 'terjadwal',
  ongoing: 'berlangsung',
  completed: 'selesai',
  cancelled: 'dibatalkan',
};
export const ceremonyStatusLabel = (status: CeremonyRow['status']): string => statusLabels[status];

/** A finished or cancelled ceremony is a record: its details and items stay as they were. */
export function assertOpen(row: CeremonyRow): void {
  if (row.status !== 'scheduled' && row.status !== 'ongoing') {
    throw new AppError(
      'NOT_EDITABLE',
      `Acara ini sudah ${ceremonyStatusLabel(row.status)} sehingga tidak dapat diubah lagi.`,
      { status: row.status },
    );
  }
}

/** Changes the title, date, time or place of a scheduled or ongoing ceremony. */
export async function updateCeremony(
  ctx: TenantContext,
  id: string,
  input: UpdateCeremonyInput,
): Promise<void> {
  assertCan(ctx.actor, 'ceremonies.manage');
  const row = await findCeremony(ctx, id, { lock: true });
  assertVersion(row, input.version);
  assertOpen(row);
  const changes: Partial<typeof ceremonies.$inferInsert> = {};
  if (input.title !== undefined && input.title !== row.title) changes.title = input.title;
  if (input.eventDate !== undefined && input.eventDate !== row.eventDate) {
    changes.eventDate = input.eventDate;
  }
  const currentTime = row.startTime?.slice(0, 5) ?? null;
  if (input.startTime !== undefined && input.startTime !== currentTime) {
    changes.startTime = input.startTime;
  }
  if (input.place !== undefined && input.place !== row.place) changes.place = input.place;
  if (Object.keys(changes).length === 0) return;
  await ctx.tx
    .update(ceremonies)
    .set({ ...changes, version: sql`${ceremonies.version} + 1`, updatedAt: new Date() })
    .where(and(eq(ceremonies.tenantId, ctx.tenantId), eq(ceremonies.id, id)));
  await ctx.audit({
    action: 'ceremony.update',
    entityType: 'ceremony',
    entityId: id,
    data: {
      before: {
        title: row.title,
        eventDate: row.eventDate,
        startTime: currentTime,
        place: row.place,
      },
      after: changes,
    },
  });
}
