import { eq, sql } from 'drizzle-orm';
import type { Database, Tx } from '../../db/client.js';
import { queryRows } from '../../db/client.js';
import { AppError } from '../../shared/errors.js';
import { tenants } from '../tenants/schema.js';
import { boardTokenHash } from './board-token.js';
import type { PublicBoard } from './ceremony-schemas.js';
import {
  type CeremonyRow,
  findCeremony,
  type ItemRecord,
  loadItems,
  progressOf,
} from './load-ceremony.js';

/** The calm 404 of a wrong, reset or mistyped board address. */
export const boardNotFound = (): AppError =>
  new AppError(
    'NOT_FOUND',
    'Papan acara tidak ditemukan. Alamatnya mungkin salah ketik atau sudah diganti; minta tautan terbaru kepada panitia acara.',
  );

export interface BoardRef {
  tenantId: string;
  ceremonyId: string;
}

/**
 * Finds the ceremony of a board token. The lookup spans tenants (the token is all the visitor
 * has), so it runs as the owner, reads only the two ids, and by the token's SHA-256 alone;
 * everything after it runs inside the tenant (row-level security).
 */
export function findBoard(database: Database, token: string): Promise<BoardRef> {
  return findBoardByHash(database, boardTokenHash(token));
}

export async function findBoardByHash(database: Database, hash: string): Promise<BoardRef> {
  const rows = await database.withSystem((tx) =>
    queryRows<{ tenant_id: string; id: string }>(
      tx,
      sql`select tenant_id, id from ceremonies where board_token_hash = ${hash}`,
    ),
  );
  const row = rows[0];
  if (!row) throw boardNotFound();
  return { tenantId: row.tenant_id, ceremonyId: row.id };
}

/**
 * The public picture of a ceremony: what is printed on its documents (names, jabatan, units),
 * who has signed and when, and the progress. No ids, no document codes, no NIP: the board is
 * shown on a screen in a hall, and its address may travel further than intended.
 */
export async function loadPublicBoard(database: Database, ref: BoardRef): Promise<PublicBoard> {
  return database.withTenant(ref.tenantId, async (tx) => {
    const ceremony = await findCeremony({ tx, tenantId: ref.tenantId }, ref.ceremonyId);
    const items = await loadItems(tx, ref.tenantId, ref.ceremonyId);
    return buildBoard(tx, ref.tenantId, ceremony, items);
  });
}

async function buildBoard(
  tx: Tx,
  tenantId: string,
  ceremony: CeremonyRow,
  items: ItemRecord[],
): Promise<PublicBoard> {
  const [tenant] = await tx
    .select({
      name: tenants.name,
      timeZone: tenants.timeZone,
      hasLogo: sql<boolean>`${tenants.logo} is not null`,
    })
    .from(tenants)
    .where(eq(tenants.id, tenantId));
  return {
    title: ceremony.title,
    eventDate: ceremony.eventDate,
    startTime: ceremony.startTime?.slice(0, 5) ?? null,
    place: ceremony.place,
    status: ceremony.status,
    timeZone: tenant?.timeZone ?? 'Asia/Jakarta',
    tenant: { name: tenant?.name ?? '', hasLogo: tenant?.hasLogo ?? false },
    rows: boardRows(items),
    progress: progressOf(items),
    at: new Date().toISOString(),
  };
}

/**
 * One row per participant: their PK (as pihak pertama) then their Pakta Integritas (as maker),
 * in the order of the items (the Pemda PK first, then the PDs). A pact whose maker has no PK
 * here gets a row of its own.
 */
export function boardRows(items: readonly ItemRecord[]): PublicBoard['rows'] {
  const rows = new Map<string, PublicBoard['rows'][number]>();
  const sorted = [...items].sort((a, b) => (a.kind === b.kind ? 0 : a.kind === 'pk' ? -1 : 1));
  for (const item of sorted) {
    let row = rows.get(item.makerEmployeeId);
    if (!row) {
      row = {
        name: item.makerName,
        jabatan: item.makerJabatan,
        unit: item.unitName,
        documents: [],
      };
      rows.set(item.makerEmployeeId, row);
    }
    row.documents.push({
      kind: item.kind,
      status: item.status,
      signatures: item.signers.map((s) => ({
        role: s.role,
        signedAt: item.status === 'signed' && s.pending ? null : s.signedAt,
      })),
    });
  }
  return [...rows.values()];
}
