/**
 * Shapes of the dashboards API, inferred from the server's response schemas
 * (src/modules/dashboards/dashboard-schemas.ts) so the pages and the API cannot drift.
 * Type-only imports: nothing of the server ends up in the web bundle.
 */
import type {
  Appreciation,
  IndicatorDashboard,
  PemdaDashboard,
  quadrants,
  UnitDashboard,
} from '../../../modules/dashboards/dashboard-schemas.js';

export type { Appreciation, IndicatorDashboard, PemdaDashboard, UnitDashboard };

export type Quadrant = (typeof quadrants)[number];
export type BandInfo = PemdaDashboard['bands'][number];
export type ReportStatus = PemdaDashboard['units'][number]['reportStatus'];
export type PemdaUnitRow = PemdaDashboard['units'][number];
export type UnitAgreement = UnitDashboard['agreements'][number];
export type UnitIndicator = UnitAgreement['indicators'][number];
export type RealisasiDto = NonNullable<UnitIndicator['realisasi'][number]>;
export type TargetDto = NonNullable<UnitIndicator['annualTarget']>;

/** Tables the export endpoint serves (src/modules/dashboards/dashboard-schemas.ts exportTables). */
export type ExportRequest =
  | { view: 'pemda'; table: 'units' | 'objectives' | 'late' | 'scatter' | 'trend' | 'bands' }
  | { view: 'unit'; table: 'indicators' | 'children' | 'budget'; unitId: string }
  | { view: 'indicator'; table: 'history'; indicatorId: string }
  | { view: 'appreciation'; table: 'ranking' };
