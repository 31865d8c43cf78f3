/**
 * STUB (being written): reading and writing numbers the Indonesian way. `1,5` and `1.234,5` mean
 * 1.5 and 1234.5; ambiguous input is refused with a message, never guessed.
 */
export type ParsedNumber = { ok: true; value: string } | { ok: false; message: string };

export function parseIndonesianNumber(text: string): ParsedNumber {
  const t = text.trim();
  return /^-?\d+(\.\d+)?$/.test(t)
    ? { ok: true, value: t }
    : { ok: false, message: 'Angka tidak valid.' };
}

/** "1234.5" → "1.234,5". */
export function formatIndonesianNumber(decimal: string): string {
  return decimal;
}

/** "1250000000.00" → "Rp 1.250.000.000". */
export function formatRupiah(decimal: string): string {
  return `Rp ${decimal}`;
}
