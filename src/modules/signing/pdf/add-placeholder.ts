import { plainAddPlaceholder } from '@signpdf/placeholder-plain';
import { SUBFILTER_ETSI_CADES_DETACHED } from '@signpdf/utils';

export interface PlaceholderMeta {
  /** The signer's capacity, shown by PDF readers: "Pihak Pertama", "Menyaksikan", … */
  reason: string;
  /** The signer's name as printed on the document. */
  name: string;
  /** The place above the signatures ("Kota Contoh"). */
  location: string;
  /** Written as /M, the claimed signing time PAdES readers show. */
  signingTime: Date;
  /** Bytes reserved for the CMS (the hex in the file takes twice as many). */
  signatureLength: number;
}

/** A printable label for each signature role (the /Reason of the signature dictionary). */
export const roleReason = {
  pihak_pertama: 'Pihak Pertama',
  pihak_kedua: 'Pihak Kedua',
  pembuat: 'Pembuat Pernyataan',
  saksi: 'Menyaksikan',
} as const;

/**
 * Appends, as an incremental update, an invisible signature field with an empty /Contents of
 * `signatureLength` bytes: the earlier bytes (and so any earlier signature) stay untouched.
 * SubFilter ETSI.CAdES.detached makes it a PAdES signature.
 */
export function addSignaturePlaceholder(pdf: Buffer, meta: PlaceholderMeta): Buffer {
  return plainAddPlaceholder({
    pdfBuffer: pdf,
    reason: meta.reason,
    contactInfo: '',
    name: meta.name,
    location: meta.location,
    signingTime: meta.signingTime,
    signatureLength: meta.signatureLength,
    subFilter: SUBFILTER_ETSI_CADES_DETACHED,
    appName: 'Amanah',
  });
}
