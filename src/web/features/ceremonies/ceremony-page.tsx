import { PagePlaceholder } from '../../components/page-placeholder.js';

export function CeremonyPage() {
  return <PagePlaceholder />;
}
