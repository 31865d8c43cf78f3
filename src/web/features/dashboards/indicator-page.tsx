import { PagePlaceholder } from '../../components/page-placeholder.js';

export function IndicatorPage() {
  return <PagePlaceholder />;
}
