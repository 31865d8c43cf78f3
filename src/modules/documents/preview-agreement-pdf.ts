import type { Config } from '../../server/config.js';
import { publicBaseUrl } from '../../server/public-url.js';
import type { TenantContext } from '../access/context.js';
import { assertCan } from '../access/policy.js';
import { renderDocumentPdf } from './pdf/render.js';
import { loadPkDocumentContent } from './pk-content.js';

/**
 * The PK as it would print today, in any status, stamped "KONSEP": for reading a draft before
 * it is submitted. Never stored, never signable; its footer carries no document id and its QR
 * opens the verification page itself (there is nothing to verify yet).
 */
export async function previewAgreementPdf(
  ctx: TenantContext,
  config: Config,
  agreementId: string,
): Promise<{ pdf: Buffer; fileName: string }> {
  assertCan(ctx.actor, 'documents.read');
  const loaded = await loadPkDocumentContent(ctx.tx, ctx.tenantId, agreementId);
  const pdf = await renderDocumentPdf(loaded.content, {
    code: '',
    verifyUrl: `${publicBaseUrl(config)}/verifikasi`,
    createdAt: new Date(),
    draft: true,
  });
  return { pdf, fileName: `KONSEP-PK-${loaded.content.yearLabel.replace(/[^0-9]+/g, '-')}.pdf` };
}
