import { PagePlaceholder } from '../../components/page-placeholder.js';

export function UnlocksPage() {
  return <PagePlaceholder />;
}
