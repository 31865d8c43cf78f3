import { PagePlaceholder } from '../../components/page-placeholder.js';

export function CertificatesAdminPage() {
  return <PagePlaceholder />;
}
