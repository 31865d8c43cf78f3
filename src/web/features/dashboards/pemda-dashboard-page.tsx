import { PagePlaceholder } from '../../components/page-placeholder.js';

export function PemdaDashboardPage() {
  return <PagePlaceholder />;
}
