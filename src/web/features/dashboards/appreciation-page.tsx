import { PagePlaceholder } from '../../components/page-placeholder.js';

export function AppreciationPage() {
  return <PagePlaceholder />;
}
