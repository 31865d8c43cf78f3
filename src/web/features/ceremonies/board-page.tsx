import { PagePlaceholder } from '../../components/page-placeholder.js';

export function BoardPage() {
  return <PagePlaceholder />;
}
