import { PagePlaceholder } from '../../components/page-placeholder.js';

export function UnitDashboardPage() {
  return <PagePlaceholder />;
}
