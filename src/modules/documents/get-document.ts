import type { Config } from '../../server/config.js';
import { verifyUrl } from '../../server/public-url.js';
import { formatDocumentCode } from '../../shared/document-code.js';
import type { TenantContext } from '../access/context.js';
import { can } from '../access/policy.js';
import type { DocumentContent } from './content-types.js';
import {
  type DocumentRow,
  loadReadableDocument,
  nextPendingSlot,
  type ReadableDocument,
} from './document-access.js';
import type { DocumentSummary } from './document-schemas.js';

/** "Dinas Kesehatan" → "dinas-kesehatan". */
function slug(text: string): string {
  return (
    text
      .normalize('NFKD')
      .replace(/[\u0300-\u036f]/g, '')
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 60) || 'dokumen'
  );
}

/** "PK-2027-dinas-kesehatan-7K3M9Q2XA4BC.pdf" / "PI-2027-siti-aminah-….pdf". */
export function documentFileName(doc: Pick<DocumentRow, 'kind' | 'code' | 'content'>): string {
  const content = doc.content as unknown as DocumentContent;
  if (content.kind === 'pk') {
    const who = content.unitName ?? content.tenant.shortName;
    return `PK-${content.yearLabel.replace(/[^0-9]+/g, '-')}-${slug(who)}-${doc.code}.pdf`;
  }
  if (content.kind === 'pi') {
    return `PI-${content.fiscalYear}-${slug(content.maker.name)}-${doc.code}.pdf`;
  }
  return `${doc.kind.toUpperCase()}-${doc.code}.pdf`;
}

export function toDocumentSummary(
  ctx: TenantContext,
  config: Config,
  { doc, slots, employeeId }: ReadableDocument,
): DocumentSummary {
  const next = nextPendingSlot(slots);
  return {
    id: doc.id,
    code: doc.code,
    printedCode: formatDocumentCode(doc.code),
    kind: doc.kind,
    title: doc.title,
    status: doc.status,
    documentDate: doc.documentDate,
    place: doc.place,
    signerCount: doc.signerCount,
    signedCount: doc.signedCount,
    signers: slots.map((s) => ({
      seq: s.seq,
      role: s.role,
      name: s.name,
      nip: s.nip,
      pangkat: s.pangkat,
      jabatan: s.jabatan,
      status: s.status,
      signedAt: s.signedAt ? s.signedAt.toISOString() : null,
    })),
    agreementId: doc.agreementId,
    pactId: doc.pactId,
    currentSha256: doc.currentSha256,
    verifyUrl: verifyUrl(config, doc.code),
    fileName: documentFileName(doc),
    createdAt: doc.createdAt.toISOString(),
    completedAt: doc.completedAt ? doc.completedAt.toISOString() : null,
    permissions: {
      download: true,
      sign:
        doc.status === 'pending' &&
        next !== null &&
        employeeId !== null &&
        next.employeeId === employeeId &&
        can(ctx.actor, 'signing.self'),
    },
  };
}

/** One document as the API shows it; 404 for another tenant's, 403 when not readable. */
export async function getDocument(
  ctx: TenantContext,
  config: Config,
  documentId: string,
): Promise<DocumentSummary> {
  return toDocumentSummary(ctx, config, await loadReadableDocument(ctx, documentId));
}
