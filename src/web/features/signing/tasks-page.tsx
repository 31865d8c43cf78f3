import { PagePlaceholder } from '../../components/page-placeholder.js';

export function TasksPage() {
  return <PagePlaceholder />;
}
