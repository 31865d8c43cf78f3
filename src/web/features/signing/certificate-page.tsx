import { PagePlaceholder } from '../../components/page-placeholder.js';

export function CertificatePage() {
  return <PagePlaceholder />;
}
