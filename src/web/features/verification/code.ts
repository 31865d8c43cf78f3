/**
 * Reads a typed document code the way the server does (documents/document-code.ts
 * parseDocumentCode: Crockford base32, case and dashes ignored, O → 0, I/L → 1). A copy, because
 * that module also makes codes with node:crypto and cannot be bundled for the browser; the
 * server stays the judge (it answers 400 for a code it cannot read).
 */
export function parseTypedCode(input: string): string | null {
  const code = input
    .slice(0, 64)
    .toUpperCase()
    .replace(/[\s-]/g, '')
    .replace(/[IL]/g, '1')
    .replace(/O/g, '0');
  return /^[0-9A-HJKMNP-TV-Z]{12}$/.test(code) ? code : null;
}
