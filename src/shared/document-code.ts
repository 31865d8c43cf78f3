/**
 * The public document code printed beside the QR on every page (decision 0013): reading and
 * printing it, shared by the server and the web app. Making one (random) is the server's:
 * src/modules/documents/document-code.ts.
 */

/** What the database accepts (documents_code_check): Crockford base32 without I, L, O, U. */
export const documentCodePattern = /^[0-9A-HJKMNP-TV-Z]{12}$/;

/** "7K3M9Q2XA4BC" → "7K3M-9Q2X-A4BC"; anything that is not a code is returned as it is. */
export function formatDocumentCode(code: string): string {
  return documentCodePattern.test(code)
    ? `${code.slice(0, 4)}-${code.slice(4, 8)}-${code.slice(8, 12)}`
    : code;
}

/**
 * What a person typed (or a QR/PDF held) → the stored code, or null when it cannot be one.
 * Crockford decoding: case-insensitive, hyphens and spaces ignored, I/L read as 1 and O as 0.
 * The input is cut at 64 characters first: a pasted page never costs more than a code.
 */
export function parseDocumentCode(input: string): string | null {
  const code = input
    .slice(0, 64)
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  return documentCodePattern.test(code) ? code : null;
}
