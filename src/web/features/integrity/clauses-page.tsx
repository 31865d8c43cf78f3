import { PagePlaceholder } from '../../components/page-placeholder.js';

export function ClausesPage() {
  return <PagePlaceholder />;
}
