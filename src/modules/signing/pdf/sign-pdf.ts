import { SignPdf } from '@signpdf/signpdf';
import type { Signer } from '@signpdf/utils';
import { AppError } from '../../../shared/errors.js';
import { addSignaturePlaceholder, type PlaceholderMeta } from './add-placeholder.js';

export type SignMeta = Omit<PlaceholderMeta, 'signatureLength'> & {
  /** Bytes to reserve; by default the signer's own estimate (CmsSigner), else 16 KiB. */
  signatureLength?: number;
};

const signPdfLibrary = new SignPdf();

/**
 * Adds one PAdES signature to `pdf` as an incremental update and checks the result keeps every
 * earlier byte (so the earlier signatures stay valid). The signing time is the same in the
 * signature dictionary (/M) and in the CMS.
 */
export async function signPdf(pdf: Buffer, signer: Signer, meta: SignMeta): Promise<Buffer> {
  const estimated = (signer as Signer & { estimatedLength?: number }).estimatedLength;
  const withPlaceholder = addSignaturePlaceholder(pdf, {
    ...meta,
    signatureLength: meta.signatureLength ?? estimated ?? 16_384,
  });
  const signed = await signPdfLibrary.sign(withPlaceholder, signer, meta.signingTime);
  assertIncremental(pdf, signed);
  return signed;
}

export interface ByteRange {
  start1: number;
  length1: number;
  start2: number;
  length2: number;
}

const byteRangePattern = /\/ByteRange\s*\[\s*(\d+)\s+(\d+)\s+(\d+)\s+(\d+)\s*\]/g;

/**
 * The byte ranges of the signatures in a PDF, in file order (each incremental signature comes
 * after the previous one). A placeholder not yet signed has no numbers and is not counted.
 */
export function signatureRanges(pdf: Buffer): ByteRange[] {
  // latin1 keeps one character per byte, so string indexes are byte offsets.
  const text = pdf.toString('latin1');
  const ranges: ByteRange[] = [];
  for (const m of text.matchAll(byteRangePattern)) {
    ranges.push({
      start1: Number(m[1]),
      length1: Number(m[2]),
      start2: Number(m[3]),
      length2: Number(m[4]),
    });
  }
  return ranges;
}

/**
 * The result of a signature must start with exactly the bytes it was made from (an incremental
 * update), carry one more signature than before, and that last signature must cover the whole
 * new file. Throws otherwise: such a file is never stored. Also used on what a remote provider
 * returns, which we did not produce ourselves.
 */
export function assertIncremental(before: Buffer, after: Buffer): void {
  const refuse = (why: string) =>
    new AppError(
      'PROVIDER_REFUSED',
      'Hasil tanda tangan tidak dapat diterima karena tidak sesuai dengan dokumen asli. Dokumen tidak diubah; coba lagi atau hubungi admin.',
      { reason: why },
    );
  if (after.length <= before.length || !after.subarray(0, before.length).equals(before)) {
    throw refuse('not_incremental');
  }
  const previous = signatureRanges(before).length;
  const ranges = signatureRanges(after);
  if (ranges.length !== previous + 1) throw refuse('signature_count');
  const last = ranges[ranges.length - 1];
  if (!last) throw refuse('signature_count');
  if (
    last.start1 !== 0 ||
    last.start2 <= last.length1 ||
    last.start2 + last.length2 !== after.length
  ) {
    throw refuse('range_not_whole_file');
  }
}
