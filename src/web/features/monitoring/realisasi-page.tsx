import { PagePlaceholder } from '../../components/page-placeholder.js';

export function RealisasiPage() {
  return <PagePlaceholder />;
}
