import { PagePlaceholder } from '../../components/page-placeholder.js';

/** Placeholder until the page lands (issue 3 work in progress). */
export function RevisionDiffPage() {
  return <PagePlaceholder />;
}
