/**
 * Shapes of the monitoring API, taken from the server's zod schemas (type-only imports: nothing
 * of the server reaches the browser bundle).
 */
import type { z } from 'zod';
import type {
  Periods,
  ReportAction,
  ReportDetail,
  reportBudgetSchema,
  reportEvidenceSchema,
  reportIndicatorSchema,
  reportTransitionSchema,
  reportUnlockSchema,
  unlockListSchema,
} from '../../../modules/monitoring/monitoring-schemas.js';

export type { Periods, ReportAction, ReportDetail };
export type ReportIndicator = z.infer<typeof reportIndicatorSchema>;
export type ReportBudget = z.infer<typeof reportBudgetSchema>;
export type ReportEvidence = z.infer<typeof reportEvidenceSchema>;
export type ReportTransition = z.infer<typeof reportTransitionSchema>;
export type ReportUnlock = z.infer<typeof reportUnlockSchema>;
export type UnlockList = z.infer<typeof unlockListSchema>;
export type UnlockListItem = UnlockList['items'][number];
export type PeriodItem = Periods['items'][number];
export type PeriodQuarter = PeriodItem['quarters'][number];
export type ReportPermissions = ReportDetail['permissions'];

/** One wrong value as the save answers it (400, details.errors). */
export interface ValueError {
  indicatorId?: string;
  budgetId?: string;
  field?: string;
  message: string;
}

/** One bad cell of an Excel import (422 IMPORT_INVALID, details.rows or details.errors). */
export interface ImportRowError {
  sheet: string;
  row: number;
  column: string;
  message: string;
}

export interface ImportResult {
  reports: {
    reportId: string;
    agreementTitle: string;
    valuesSaved: number;
    budgetsSaved: number;
  }[];
  warnings: string[];
}
