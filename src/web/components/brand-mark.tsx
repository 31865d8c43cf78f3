/** The Amanah mark: a gold "A" on deep blue (also the favicon). */
export function BrandMark({ size = 36 }: { size?: number }) {
  return (
    <svg width={size} height={size} viewBox="0 0 64 64" aria-hidden="true" focusable="false">
      <rect width="64" height="64" rx="14" fill="#0b3d66" stroke="rgba(255,255,255,0.25)" />
      <path d="M32 12 14 50h8l3.6-8h12.8l3.6 8h8L32 12zm-3.4 23L32 27l3.4 8h-6.8z" fill="#f2c14e" />
    </svg>
  );
}
