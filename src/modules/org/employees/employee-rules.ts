import { AppError } from '../../../shared/errors.js';
import { validateNip } from '../nip.js';
import { type EmployeeType, pnsGrades, pppkGrades } from '../schema.js';

/** Checks that need several fields together: NIP vs type and sex, grade vs type. */
export function assertEmployeeShape(input: {
  nip: string | null;
  gender: 'L' | 'P';
  employeeType: EmployeeType;
  grade: string | null;
}): void {
  if (input.employeeType === 'pejabat_negara') {
    if (input.grade) {
      throw new AppError('VALIDATION_FAILED', 'Pejabat negara tidak memiliki pangkat/golongan.', {
        field: 'grade',
      });
    }
  } else {
    if (!input.nip) {
      throw new AppError('INVALID_NIP', 'NIP wajib diisi untuk PNS dan PPPK.', { field: 'nip' });
    }
    const grades: readonly string[] = input.employeeType === 'pns' ? pnsGrades : pppkGrades;
    if (!input.grade || !grades.includes(input.grade)) {
      throw new AppError(
        'VALIDATION_FAILED',
        input.employeeType === 'pns'
          ? 'Pangkat/golongan PNS harus I/a s.d. IV/e.'
          : 'Golongan PPPK harus I s.d. XVII.',
        { field: 'grade' },
      );
    }
  }
  if (input.nip) {
    const result = validateNip(input.nip);
    if (!result.ok) {
      throw new AppError('INVALID_NIP', result.message, { field: 'nip', problem: result.problem });
    }
    if (result.sex !== input.gender) {
      throw new AppError(
        'INVALID_NIP',
        'NIP tidak cocok: angka ke-15 (jenis kelamin) berbeda dengan jenis kelamin yang dipilih.',
        { field: 'nip', problem: 'sex_mismatch' },
      );
    }
  }
}
