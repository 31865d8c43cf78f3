import { PagePlaceholder } from '../../components/page-placeholder.js';

export function VerifyPage() {
  return <PagePlaceholder />;
}
