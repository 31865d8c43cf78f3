import { PagePlaceholder } from '../../components/page-placeholder.js';

export function ReportPage() {
  return <PagePlaceholder />;
}
