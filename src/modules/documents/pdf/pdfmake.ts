import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import type * as PdfMakeModule from 'pdfmake';
import type { TDocumentDefinitions } from 'pdfmake/interfaces.js';

/**
 * pdfmake on the server. It is a CommonJS singleton, loaded once with its bundled Roboto fonts.
 * A document definition is built from database text (names, indicator titles), so pdfmake must
 * never fetch a URL or read a file other than the fonts: both access policies are locked down
 * before the first render.
 */
const require = createRequire(import.meta.url);
const fontDir = `${join(dirname(require.resolve('pdfmake/package.json')), 'fonts', 'Roboto')}/`;

let instance: typeof PdfMakeModule | null = null;

function pdfMake(): typeof PdfMakeModule {
  if (instance) return instance;
  const loaded = require('pdfmake') as typeof PdfMakeModule;
  loaded.setUrlAccessPolicy(() => false);
  loaded.setLocalAccessPolicy((path) => path.startsWith(fontDir));
  loaded.setFonts({
    Roboto: {
      normal: `${fontDir}Roboto-Regular.ttf`,
      bold: `${fontDir}Roboto-Medium.ttf`,
      italics: `${fontDir}Roboto-Italic.ttf`,
      bolditalics: `${fontDir}Roboto-MediumItalic.ttf`,
    },
  });
  instance = loaded;
  return loaded;
}

/** Renders a finished definition to PDF bytes. */
export function renderPdf(definition: TDocumentDefinitions): Promise<Buffer> {
  return pdfMake().createPdf(definition).getBuffer();
}
