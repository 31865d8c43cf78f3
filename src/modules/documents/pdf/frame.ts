import type {
  CanvasElement,
  Content,
  TDocumentDefinitions,
  TDocumentInformation,
} from 'pdfmake/interfaces.js';
import QRCode from 'qrcode';
import { formatDocumentCode } from '../../../shared/document-code.js';
import type { RenderStamp, TenantBlock } from '../content-types.js';

/**
 * The page every Amanah document is printed on: A4 portrait, 2 cm side margins, the Pemda's
 * letterhead at the top of the first page, and on EVERY page a footer with the QR code to the
 * verification page, the document id, the verification address and "Halaman n dari N" (so a
 * single page torn from a PK can still be checked). A draft preview is stamped "KONSEP".
 */

/** 2 cm in PDF points (1 pt = 1/72 inch). */
export const cm = (n: number): number => (n * 72) / 2.54;

/** Room for the 56 pt QR code and a little air above it. */
const footerHeight = 86;
export const pageMargins: [number, number, number, number] = [cm(2), cm(1.6), cm(2), footerHeight];
/** Usable width between the side margins of an A4 page (595.28 pt wide). */
export const contentWidth = 595.28 - 2 * cm(2);

/**
 * The PDF Info key the verification page reads the document code back from. The code is also
 * in /Subject ("… · ID Dokumen XXXX-XXXX-XXXX") for people looking at the file properties, but
 * `AmanahDocumentCode` holds the bare 12-character code and is the one machines should read.
 */
export const documentCodeInfoKey = 'AmanahDocumentCode';

/** A neutral emblem (a shield with a star) for a Pemda that has not uploaded its logo. */
const emblemSvg = `<svg xmlns="http://www.w3.org/2000/svg" width="48" height="56" viewBox="0 0 48 56">
<path d="M24 2 L45 9 V27 C45 40 36 49 24 54 C12 49 3 40 3 27 V9 Z" fill="none" stroke="#333333" stroke-width="2.2"/>
<path d="M24 7 L41 12.5 V27 C41 37.5 33.5 45 24 49 C14.5 45 7 37.5 7 27 V12.5 Z" fill="none" stroke="#333333" stroke-width="0.8"/>
<path d="M24 15 L27.1 24.4 L37 24.4 L29 30.2 L32 39.6 L24 33.8 L16 39.6 L19 30.2 L11 24.4 L20.9 24.4 Z" fill="#333333"/>
</svg>`;

const rasterLogo = /^data:image\/(png|jpe?g);base64,[A-Za-z0-9+/]+=*$/;

/**
 * The logo as pdfmake content. PNG and JPEG data URLs are drawn as images; an SVG data URL as
 * vector; anything else (or nothing) falls back to the neutral emblem, so a strange upload can
 * never stop a PK from being issued.
 */
export function logoContent(logo: string | null): Content {
  if (logo && rasterLogo.test(logo)) return { image: logo, fit: [56, 56], alignment: 'center' };
  const svg = logo ? svgFromDataUrl(logo) : null;
  return { svg: svg ?? emblemSvg, fit: [48, 56], alignment: 'center' };
}

function svgFromDataUrl(logo: string): string | null {
  const match = /^data:image\/svg\+xml(;base64)?,(.*)$/s.exec(logo);
  if (!match?.[2]) return null;
  try {
    const text = match[1]
      ? Buffer.from(match[2], 'base64').toString('utf8')
      : decodeURIComponent(match[2]);
    // The SVG renderer opens <image href="…"> links itself, bypassing pdfmake's access
    // policies (a path would be read from the server's disk): only self-contained SVGs.
    if (
      !text.includes('<svg') ||
      /<image\b|<foreignObject\b|href\s*=\s*["'](?!#)|url\((?!#)/i.test(text)
    ) {
      return null;
    }
    return text;
  } catch {
    return null;
  }
}

/**
 * Justified text breaks lines at hyphens, and "perundang-undangan" then prints as
 * "perundang-   undangan" stretched over a line end. Hyphenated words go in as unbreakable
 * pieces instead.
 */
export function keepHyphenated(
  text: string,
): string | Array<string | { text: string; noWrap: true }> {
  if (!/\S-\S/.test(text)) return text;
  const parts = text.split(/(\S+-\S+)/).filter((part) => part !== '');
  const pieces: Array<string | { text: string; noWrap: true }> = [];
  for (let i = 0; i < parts.length; i += 1) {
    const part = parts[i] ?? '';
    if (!/^\S+-\S+$/.test(part)) {
      pieces.push(part);
      continue;
    }
    // The space after the word goes with it: a separate " " piece is stretched twice as much.
    const next = parts[i + 1];
    if (next?.startsWith(' ')) {
      pieces.push({ text: `${part} `, noWrap: true });
      parts[i + 1] = next.slice(1);
    } else {
      pieces.push({ text: part, noWrap: true });
    }
  }
  return pieces.filter((piece) => piece !== '');
}

/** "Pemerintah Kota Contoh" / "Kota Contoh" → "PEMERINTAH KOTA CONTOH". */
export function governmentName(tenant: Pick<TenantBlock, 'name'>): string {
  const name = tenant.name.trim();
  return (/^pemerintah\b/i.test(name) ? name : `Pemerintah ${name}`).toUpperCase();
}

/** The letterhead: logo above the Pemda's name, centred. */
export function letterhead(tenant: TenantBlock, logo: Content = logoContent(tenant.logo)): Content {
  return {
    stack: [
      logo,
      {
        text: governmentName(tenant),
        alignment: 'center',
        bold: true,
        fontSize: 13,
        margin: [0, 6, 0, 0],
      },
    ],
    margin: [0, 0, 0, 12],
  };
}

/** Side of the printed QR code: 56 pt ≈ 2 cm, easy for a phone at arm's length. */
const qrSize = 56;

/**
 * The QR code as vector rectangles, encoded ONCE per document. pdfmake's own `{ qr }` node
 * encodes again on every page (the footer is built per page), which was about a third of the
 * render time of an 8-page PK. Dark modules of a row are merged into one rectangle each.
 */
export function qrCanvas(text: string, size = qrSize): () => CanvasElement[] {
  const { modules } = QRCode.create(text, { errorCorrectionLevel: 'M' });
  const n = modules.size;
  const cell = size / n;
  const rects: CanvasElement[] = [];
  for (let row = 0; row < n; row += 1) {
    let col = 0;
    while (col < n) {
      if (!modules.get(row, col)) {
        col += 1;
        continue;
      }
      const start = col;
      while (col < n && modules.get(row, col)) col += 1;
      rects.push({
        type: 'rect',
        x: start * cell,
        y: row * cell,
        w: (col - start) * cell,
        // A hair taller than the module, so no seam shows between rows in a PDF viewer.
        h: cell + 0.05,
        color: '#000000',
      });
    }
  }
  // pdfmake annotates the nodes it lays out: each page gets its own copies.
  return () => rects.map((r) => ({ ...r }));
}

function footer(stamp: RenderStamp) {
  const qr = qrCanvas(stamp.verifyUrl);
  return (currentPage: number, pageCount: number): Content => ({
    margin: [pageMargins[0], 18, pageMargins[2], 0],
    columns: [
      { canvas: qr(), width: qrSize + 4 },
      {
        width: '*',
        margin: [6, 8, 0, 0],
        stack: [
          {
            text: stamp.draft
              ? 'KONSEP: belum diterbitkan, tidak untuk ditandatangani'
              : `ID Dokumen: ${formatDocumentCode(stamp.code)}`,
            bold: true,
            fontSize: 8.5,
          },
          {
            text: stamp.draft
              ? 'ID dokumen dan kode QR diberikan saat PK ditandai siap ditandatangani.'
              : 'Pindai kode QR atau buka alamat berikut untuk memeriksa keaslian dokumen:',
            fontSize: 7,
            color: '#444444',
            margin: [0, 2, 0, 0],
          },
          { text: stamp.verifyUrl, fontSize: 7, color: '#444444' },
        ],
      },
      {
        width: 'auto',
        margin: [0, 8, 0, 0],
        text: `Halaman ${currentPage} dari ${pageCount}`,
        fontSize: 8.5,
        alignment: 'right',
      },
    ],
  });
}

export interface FrameInput {
  tenant: TenantBlock;
  /** The layout's content (the letterhead is put in front of it). */
  body: Content[];
  info: { title: string; subject: string; keywords: string[] };
  /** The logo content to use; the emblem when the tenant's logo cannot be drawn. */
  logo?: Content;
}

/** The whole document definition: page, letterhead, body, footer, metadata, watermark. */
export function frameDocument(input: FrameInput, stamp: RenderStamp): TDocumentDefinitions {
  const printedCode = stamp.draft ? 'KONSEP' : formatDocumentCode(stamp.code);
  const info: TDocumentInformation & Record<typeof documentCodeInfoKey, string> = {
    title: input.info.title,
    author: governmentName(input.tenant),
    subject: `${input.info.subject} · ID Dokumen ${printedCode}`,
    keywords: [...input.info.keywords, stamp.code].filter(Boolean).join(', '),
    creator: 'Amanah',
    producer: 'Amanah (pdfmake)',
    // Fixed per document: with it the same content gives the same bytes (pdfkit derives the
    // file /ID from the Info dictionary, CreationDate included).
    creationDate: stamp.createdAt,
    [documentCodeInfoKey]: stamp.code,
  };
  return {
    pageSize: 'A4',
    pageOrientation: 'portrait',
    pageMargins,
    info,
    language: 'id-ID',
    content: [letterhead(input.tenant, input.logo), ...input.body],
    footer: footer(stamp),
    ...(stamp.draft
      ? {
          watermark: { text: 'KONSEP', color: '#9a9a9a', opacity: 0.22, bold: true, fontSize: 110 },
        }
      : {}),
    defaultStyle: { font: 'Roboto', fontSize: 11, lineHeight: 1.2 },
    styles: {
      title: { fontSize: 13, bold: true, alignment: 'center' },
      subtitle: { fontSize: 11.5, bold: true, alignment: 'center' },
      tableHeader: { bold: true, alignment: 'center', fillColor: '#e6e6e6' },
      table: { fontSize: 9.5, lineHeight: 1.15 },
    },
  };
}
