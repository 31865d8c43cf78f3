/**
 * Shapes of the ceremony API, inferred from the server's response schemas
 * (src/modules/ceremonies/ceremony-schemas.ts) so the pages and the API cannot drift.
 * Type-only imports: nothing of the server ends up in the web bundle.
 */
export type {
  BlockerKind,
  BoardLink,
  CeremonyDetail,
  CeremonyItemView as CeremonyItem,
  CeremonyList,
  CeremonySummary,
  CeremonyWithToken,
  CertificateState,
  ItemStatus,
  MyDocuments,
  Preflight,
  PrepareResult,
  Progress,
  PublicBoard,
} from '../../../modules/ceremonies/ceremony-schemas.js';
