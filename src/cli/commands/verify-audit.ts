import { parseArgs } from 'node:util';
import type { Database } from '../../db/client.js';
import { readMigrations } from '../../db/migrate.js';
import type { ChainBreak } from '../../modules/audit/hash-chain.js';
import { verifyChain } from '../../modules/audit/verify-chain.js';
import type { Command } from '../command.js';
import { pendingMigrations, withCliDatabase } from '../database.js';
import { type CliIo, EXIT_FAILED, EXIT_OK } from '../io.js';
import { describeTenant, findTenant, listTenants, type TenantRef } from '../tenant-ref.js';

const reasons: Record<ChainBreak['reason'], string> = {
  hash_mismatch: 'isi peristiwa tidak cocok dengan hash-nya (data diubah)',
  prev_hash_mismatch: 'tautan ke peristiwa sebelumnya putus (prev_hash tidak cocok)',
  sequence_gap: 'nomor urut melompat (ada peristiwa yang hilang)',
  head_mismatch:
    'ujung rantai menunjuk melewati peristiwa terakhir (peristiwa terakhir hilang atau diganti)',
};

export interface ChainResult {
  tenant: TenantRef | null;
  events: number;
  /** Null when the chain holds; otherwise the first broken link, described for people. */
  problem: { seq: number; eventId: string | null; reason: string; message: string } | null;
}

/** Verifies one chain (tenantId null: the platform chain) as the owner. */
export async function checkChain(
  database: Database,
  tenant: TenantRef | null,
): Promise<ChainResult> {
  const report = await database.withSystem((tx) => verifyChain(tx, tenant?.id ?? null));
  if (!report.firstBreak) return { tenant, events: report.events, problem: null };
  const { seq, eventId, reason } = report.firstBreak;
  return {
    tenant,
    events: report.events,
    problem: { seq, eventId, reason, message: reasons[reason] },
  };
}

export function formatChainResult(result: ChainResult): string {
  const name = result.tenant ? describeTenant(result.tenant) : 'Platform (tanpa Pemda)';
  if (!result.problem) return `${name}: OK ${result.events} peristiwa`;
  const { seq, eventId, reason, message } = result.problem;
  const event = eventId ? `, peristiwa ${eventId}` : '';
  return `${name}: RUSAK pada seq ${seq}${event}: ${reason}: ${message}`;
}

/**
 * `amanah verify-audit` as a function: verifies the given Pemda's chain, or every chain (the
 * platform's and each Pemda's), prints one line per chain and returns the exit code.
 */
export async function verifyAudit(
  database: Database,
  io: CliIo,
  tenantRef?: string,
): Promise<number> {
  // The audit tables come with the first migration; later ones do not change what is verified,
  // so a database a release behind is still checked (with a warning), an empty one is not.
  const pending = await pendingMigrations(database);
  if (pending.includes(readMigrations()[0]?.name ?? '')) {
    io.err('Basis data belum dimigrasi (belum ada tabel log audit). Jalankan: amanah migrate');
    return EXIT_FAILED;
  }
  if (pending.length > 0) {
    io.err(
      `Peringatan: migrasi belum diterapkan (${pending.join(', ')}); jalankan amanah migrate.`,
    );
  }
  let chains: (TenantRef | null)[];
  if (tenantRef !== undefined) {
    const tenant = await findTenant(database, tenantRef);
    if (!tenant) {
      io.err(`Pemda "${tenantRef}" tidak ditemukan (pakai id atau kode wilayah).`);
      return EXIT_FAILED;
    }
    chains = [tenant];
  } else {
    chains = [null, ...(await listTenants(database))];
  }
  let broken = 0;
  let events = 0;
  for (const chain of chains) {
    const result = await checkChain(database, chain);
    events += result.events;
    if (result.problem) broken += 1;
    io.out(formatChainResult(result));
  }
  if (broken > 0) {
    io.err(`Log audit RUSAK: ${broken} dari ${chains.length} rantai memiliki tautan yang putus.`);
    return EXIT_FAILED;
  }
  io.out(`Semua rantai utuh: ${chains.length} rantai, ${events} peristiwa.`);
  return EXIT_OK;
}

export const verifyAuditCommand: Command = {
  name: 'verify-audit',
  summary: 'Periksa keutuhan rantai hash log audit',
  usage: `Penggunaan: amanah verify-audit [--tenant <id|kode wilayah>]

Memeriksa rantai hash log audit: satu Pemda dengan --tenant, atau semua rantai
(rantai platform dan setiap Pemda). Mencetak "OK n peristiwa" per rantai, atau
tautan pertama yang rusak (seq, id peristiwa, alasan).
Kode keluar: 0 semua utuh, 1 ada rantai rusak atau galat, 2 penggunaan salah.`,
  async run(args, io) {
    const { values } = parseArgs({
      args,
      options: { tenant: { type: 'string' } },
      strict: true,
      allowPositionals: false,
    });
    return withCliDatabase(io, (database) => verifyAudit(database, io, values.tenant));
  },
};
