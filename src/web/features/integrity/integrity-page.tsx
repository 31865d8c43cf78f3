import { PagePlaceholder } from '../../components/page-placeholder.js';

export function IntegrityPage() {
  return <PagePlaceholder />;
}
