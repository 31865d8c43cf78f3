/**
 * Indicator names compared as people mean them: case, punctuation, spacing and the hyphen of
 * reduplicated words ("rumah-tangga") do not matter.
 */
export function normalizeName(name: string): string {
  return name
    .toLowerCase()
    .normalize('NFKD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

export function nameTokens(name: string): string[] {
  const normalized = normalizeName(name);
  return normalized === '' ? [] : normalized.split(' ');
}
