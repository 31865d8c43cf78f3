import type { DocumentContent, RenderStamp } from '../content-types.js';
import { frameDocument, logoContent } from './frame.js';
import { renderPdf } from './pdfmake.js';
import { piLayout } from './pi-layout.js';
import { type LayoutResult, pkLayout } from './pk-layout.js';

export { documentCodeInfoKey } from './frame.js';

export function layoutOf(content: DocumentContent): LayoutResult {
  return content.kind === 'pk' ? pkLayout(content) : piLayout(content);
}

/**
 * The PDF of a PK or a Pakta Integritas. A pure function of its inputs: the same content and
 * stamp give byte-identical output (the creation date comes from the stamp), so a stored
 * document can always be re-rendered and compared. The document code is written into the PDF
 * Info dictionary twice: `/AmanahDocumentCode` (the bare code: what the verification page
 * reads) and `/Subject` ("… · ID Dokumen XXXX-XXXX-XXXX", for people).
 */
export async function renderDocumentPdf(
  content: DocumentContent,
  stamp: RenderStamp,
): Promise<Buffer> {
  const layout = layoutOf(content);
  const input = { tenant: content.tenant, body: layout.body, info: layout.info };
  try {
    return await renderPdf(frameDocument(input, stamp));
  } catch (error) {
    // An uploaded logo pdfmake cannot draw (a corrupt PNG, an SVG it does not understand) must
    // not stop a PK from being issued: print the neutral emblem instead.
    if (content.tenant.logo === null) throw error;
    return renderPdf(frameDocument({ ...input, logo: logoContent(null) }, stamp));
  }
}
