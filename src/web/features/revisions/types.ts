/**
 * Shapes of the PK Perubahan API, inferred from the server's response schemas
 * (src/modules/agreements/revisions/revision-schemas.ts) so the page and the API cannot drift.
 * Type-only imports: nothing of the server ends up in the web bundle.
 */
export type {
  BudgetDiff,
  BudgetRow,
  Change,
  CreatedRevision,
  DiffParty,
  FieldChange,
  FieldValue,
  IndicatorDiff,
  IndicatorView,
  ObjectiveDiff,
  ObjectiveView,
  PartyDiff,
  RevisionDiffResponse as RevisionDiff,
  TargetChange,
  TargetYear,
  VersionItem,
  VersionList,
} from '../../../modules/agreements/revisions/revision-schemas.js';
export type { TargetValue } from '../../../shared/target-value.js';
