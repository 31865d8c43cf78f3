import { AppError } from '../../../shared/errors.js';
import type { PositionKind, UnitLevel } from '../schema.js';

/** Leaders of the Pemda sit above the unit tree; every other position belongs to a unit. */
export const isLeaderKind = (kind: PositionKind): boolean =>
  kind === 'kepala_daerah' || kind === 'wakil_kepala_daerah';

/** A unit head's jabatan must fit the unit's eselon (JPT pratama heads eselon II, …). */
const headKindByLevel: Record<UnitLevel, PositionKind> = {
  eselon_2: 'jpt_pratama',
  eselon_3: 'administrator',
  eselon_4: 'pengawas',
};

export function assertPositionShape(input: {
  kind: PositionKind;
  unitId: string | null;
  headsUnit: boolean;
  unitLevel: UnitLevel | null;
}): void {
  if (isLeaderKind(input.kind) && input.unitId) {
    throw new AppError(
      'VALIDATION_FAILED',
      'Jabatan Kepala/Wakil Kepala Daerah tidak berada di dalam unit.',
      {
        field: 'unitId',
      },
    );
  }
  if (!isLeaderKind(input.kind) && !input.unitId) {
    throw new AppError('VALIDATION_FAILED', 'Pilih unit tempat jabatan ini berada.', {
      field: 'unitId',
    });
  }
  if (input.headsUnit && input.unitLevel) {
    const expected = headKindByLevel[input.unitLevel];
    if (input.kind !== expected) {
      throw new AppError(
        'VALIDATION_FAILED',
        `Kepala unit ${input.unitLevel.replace('_', ' ')} harus berjenis jabatan ${expected.replace('_', ' ')}.`,
        { field: 'kind', expected },
      );
    }
  }
}
