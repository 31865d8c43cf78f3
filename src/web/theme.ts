import {
  type CSSVariablesResolver,
  createTheme,
  defaultVariantColorsResolver,
  type MantineColorsTuple,
  parseThemeColor,
  type VariantColorsResolver,
} from '@mantine/core';

// A deep government blue for actions, with a warm gold accent used sparingly (brand mark).
const amanah: MantineColorsTuple = [
  '#e8f1fa',
  '#d0e0f2',
  '#a0bfe4',
  '#6c9bd6',
  '#437dca',
  '#2a6ac2',
  '#1b5ea9',
  '#134f8f',
  '#0c4277',
  '#07345f',
];

/**
 * Light and subtle variants (badges, alerts, light and subtle buttons) use the darkest shade for their text, so small
 * text on the tinted background meets WCAG AA contrast.
 */
const variantColorResolver: VariantColorsResolver = (input) => {
  const resolved = defaultVariantColorsResolver(input);
  if (input.variant !== 'light' && input.variant !== 'subtle') return resolved;
  const parsed = parseThemeColor({
    color: input.color || input.theme.primaryColor,
    theme: input.theme,
  });
  if (!parsed.isThemeColor) return resolved;
  // Subtle buttons (text on the page background, e.g. "Hapus draf") get the darkest shade too.
  if (input.variant === 'subtle')
    return { ...resolved, color: `var(--mantine-color-${parsed.color}-9)` };
  return {
    ...resolved,
    background: `var(--mantine-color-${parsed.color}-0)`,
    hover: `var(--mantine-color-${parsed.color}-1)`,
    color: `var(--mantine-color-${parsed.color}-9)`,
  };
};

export const theme = createTheme({
  variantColorResolver,
  primaryColor: 'amanah',
  primaryShade: { light: 7, dark: 5 },
  colors: { amanah },
  fontFamily:
    'system-ui, -apple-system, "Segoe UI", Roboto, "Noto Sans", "Helvetica Neue", Arial, sans-serif',
  headings: { fontWeight: '650' },
  defaultRadius: 'md',
  cursorType: 'pointer',
  components: {
    Button: { defaultProps: { radius: 'md' } },
    Paper: { defaultProps: { radius: 'md' } },
    Badge: { defaultProps: { radius: 'sm' } },
    // Every dialog's close (×) button gets a name for screen readers.
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Tutup' } } },
    Drawer: { defaultProps: { closeButtonProps: { 'aria-label': 'Tutup' } } },
    Notification: { defaultProps: { closeButtonProps: { 'aria-label': 'Tutup pemberitahuan' } } },
  },
});

/** Dimmed text one shade darker than Mantine's default, so it meets WCAG AA contrast. */
export const cssVariablesResolver: CSSVariablesResolver = (t) => ({
  variables: {},
  light: {
    '--mantine-color-dimmed': t.colors.gray[7] ?? '#495057',
    '--mantine-color-placeholder': '#6b7177',
  },
  dark: {},
});
