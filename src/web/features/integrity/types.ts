import type { z } from 'zod';
import type {
  bulkCreateResultSchema,
  clauseDiffEntrySchema,
  clausesOverviewSchema,
  clauseVersionDetailSchema,
  clauseVersionSummarySchema,
  pactDocumentSchema,
  pactListSchema,
  pactSummarySchema,
  statusRowSchema,
  statusSchema,
} from '../../../modules/integrity/integrity-schemas.js';

/**
 * Shapes of the Pakta Integritas API, inferred from the server's response schemas so the pages
 * and the API cannot drift. Type-only imports: nothing of the server ends up in the web bundle.
 */
export type ClausesOverview = z.infer<typeof clausesOverviewSchema>;
export type ClauseVersionSummary = z.infer<typeof clauseVersionSummarySchema>;
export type ClauseVersionDetail = z.infer<typeof clauseVersionDetailSchema>;
export type ClauseDiffEntry = z.infer<typeof clauseDiffEntrySchema>;
export type PactSummary = z.infer<typeof pactSummarySchema>;
export type PactList = z.infer<typeof pactListSchema>;
export type PactDocument = z.infer<typeof pactDocumentSchema>;
export type PactStatus = z.infer<typeof statusSchema>;
export type PactStatusRow = z.infer<typeof statusRowSchema>;
export type BulkResult = z.infer<typeof bulkCreateResultSchema>;

export interface PactFilter {
  fiscalYear: number;
  unitId?: string | undefined;
  status?: string | undefined;
  occasion?: string | undefined;
  q?: string | undefined;
  page: number;
}
