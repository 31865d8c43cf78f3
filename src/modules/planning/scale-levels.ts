import { Decimal } from 'decimal.js';
import type { Tx } from '../../db/client.js';
import { AppError } from '../../shared/errors.js';
import { DECIMAL_PATTERN, normalizeScaleCode } from '../../shared/target-value.js';
import { ratingScaleLevels } from './schema.js';

export interface LevelInput {
  code: string;
  label: string;
  score: string;
}

/** Normalises and checks a scale's levels: codes unique (case/space-insensitive), scores > 0. */
export function checkLevels(levels: readonly LevelInput[]): LevelInput[] {
  const seen = new Set<string>();
  return levels.map((level, index) => {
    const code = normalizeScaleCode(level.code);
    if (code.length === 0 || code.length > 20) {
      throw new AppError('VALIDATION_FAILED', `Kode tingkat ke-${index + 1} harus 1–20 huruf.`, {
        field: `levels.${index}.code`,
      });
    }
    if (seen.has(code)) {
      throw new AppError('VALIDATION_FAILED', `Kode "${code}" dipakai lebih dari sekali.`, {
        field: `levels.${index}.code`,
      });
    }
    seen.add(code);
    if (!DECIMAL_PATTERN.test(level.score) || new Decimal(level.score).lte(0)) {
      throw new AppError(
        'INVALID_NUMBER',
        `Skor "${code}" harus angka lebih dari 0 (gunakan titik untuk desimal).`,
        { field: `levels.${index}.score` },
      );
    }
    return { code, label: level.label, score: level.score };
  });
}

export async function insertLevels(
  tx: Tx,
  tenantId: string,
  scaleId: string,
  levels: readonly LevelInput[],
): Promise<void> {
  if (levels.length === 0) return;
  await tx
    .insert(ratingScaleLevels)
    .values(levels.map((l, sortOrder) => ({ ...l, tenantId, scaleId, sortOrder })));
}
