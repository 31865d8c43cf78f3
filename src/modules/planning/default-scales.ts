import { eq } from 'drizzle-orm';
import type { Tx } from '../../db/client.js';
import { newId } from '../../db/columns.js';
import { insertLevels } from './scale-levels.js';
import { ratingScales } from './schema.js';

/** The qualitative scales every Pemda starts with (REGULATIONS.md): BPK opinion, SAKIP predikat. */
export const defaultScales = [
  {
    key: 'opini_bpk',
    name: 'Opini BPK',
    levels: [
      { code: 'WTP', label: 'Wajar Tanpa Pengecualian', score: '4' },
      { code: 'WDP', label: 'Wajar Dengan Pengecualian', score: '3' },
      { code: 'TW', label: 'Tidak Wajar', score: '2' },
      { code: 'TMP', label: 'Tidak Menyatakan Pendapat', score: '1' },
    ],
  },
  {
    key: 'predikat_sakip',
    name: 'Predikat SAKIP',
    levels: [
      { code: 'AA', label: 'AA (Sangat Memuaskan)', score: '7' },
      { code: 'A', label: 'A (Memuaskan)', score: '6' },
      { code: 'BB', label: 'BB (Sangat Baik)', score: '5' },
      { code: 'B', label: 'B (Baik)', score: '4' },
      { code: 'CC', label: 'CC (Cukup)', score: '3' },
      { code: 'C', label: 'C (Kurang)', score: '2' },
      { code: 'D', label: 'D (Sangat Kurang)', score: '1' },
    ],
  },
] as const;

/**
 * Inserts the default scales of a tenant inside the caller's transaction (tenant creation, the
 * demo seed). Idempotent: a scale whose key the tenant already has is left as it is. Returns the
 * ids by key.
 */
export async function insertDefaultScales(
  tx: Tx,
  tenantId: string,
): Promise<Record<string, string>> {
  const existing = await tx
    .select({ id: ratingScales.id, key: ratingScales.key })
    .from(ratingScales)
    .where(eq(ratingScales.tenantId, tenantId));
  const ids: Record<string, string> = Object.fromEntries(existing.map((s) => [s.key, s.id]));
  for (const scale of defaultScales) {
    if (ids[scale.key]) continue;
    const id = newId();
    ids[scale.key] = id;
    await tx.insert(ratingScales).values({ tenantId, id, key: scale.key, name: scale.name });
    await insertLevels(tx, tenantId, id, scale.levels);
  }
  return ids;
}
