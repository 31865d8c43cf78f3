import { PagePlaceholder } from '../../components/page-placeholder.js';

export function CeremoniesPage() {
  return <PagePlaceholder />;
}
