import { and, count, eq, isNull } from 'drizzle-orm';
import type { Tx } from '../../../db/client.js';
import { recoveryCodes } from '../schema.js';
import {
  generateRecoveryCodes,
  hashRecoveryCode,
  normaliseRecoveryCode,
} from './recovery-code-format.js';

/** Replaces a user's recovery codes with fresh ones; the plain codes are returned once. */
export async function replaceRecoveryCodes(tx: Tx, userId: string): Promise<string[]> {
  const codes = generateRecoveryCodes();
  await tx.delete(recoveryCodes).where(eq(recoveryCodes.userId, userId));
  await tx
    .insert(recoveryCodes)
    .values(codes.map((code) => ({ userId, codeHash: hashRecoveryCode(code) })));
  return codes;
}

/** Marks a matching unused code as used. Returns how many remain, or null when none matched. */
export async function consumeRecoveryCode(
  tx: Tx,
  userId: string,
  input: string,
): Promise<{ remaining: number } | null> {
  const canonical = normaliseRecoveryCode(input);
  if (!canonical) return null;
  const used = await tx
    .update(recoveryCodes)
    .set({ usedAt: new Date() })
    .where(
      and(
        eq(recoveryCodes.userId, userId),
        eq(recoveryCodes.codeHash, hashRecoveryCode(canonical)),
        isNull(recoveryCodes.usedAt),
      ),
    )
    .returning({ id: recoveryCodes.id });
  if (used.length === 0) return null;
  return { remaining: await remainingRecoveryCodes(tx, userId) };
}

export async function remainingRecoveryCodes(tx: Tx, userId: string): Promise<number> {
  const [row] = await tx
    .select({ n: count() })
    .from(recoveryCodes)
    .where(and(eq(recoveryCodes.userId, userId), isNull(recoveryCodes.usedAt)));
  return row?.n ?? 0;
}
