import { createTheme, type CSSVariablesResolver, DEFAULT_THEME, type MantineColorsTuple } from '@mantine/core';

/*
 * Baton's theme, the one place colours are decided. Mantine's default palettes put text and filled buttons
 * below WCAG 2.2 AA contrast (4.5:1): dimmed text (gray 6) at 3.3:1, a green button with white text at
 * 2.4:1, red text at 3.3:1, the blue primary at 3.6:1, a yellow light badge at 2.7:1. Every palette's shades
 * 6–9 (text, filled backgrounds, a light badge's text) are darkened here until they reach 4.5:1 against the
 * lightest backgrounds they are shown on: white, the app's gray background, hover gray, and the palette's own
 * light tint (shade 1, a light badge's background). Shades 0–5 (backgrounds, borders) stay as Mantine made them.
 */

/** WCAG's minimum for normal text, with a little to spare for anti-aliasing and rounding. */
const MIN_CONTRAST = 4.6;

type Rgb = [number, number, number];

const rgbOf = (hex: string): Rgb => [1, 3, 5].map((i) => parseInt(hex.slice(i, i + 2), 16)) as Rgb;
const hexOf = (rgb: Rgb): string => `#${rgb.map((c) => Math.round(c).toString(16).padStart(2, '0')).join('')}`;

function luminance([r, g, b]: Rgb): number {
  const [lr, lg, lb] = [r, g, b].map((c) => {
    const v = c / 255;
    return v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4;
  }) as Rgb;
  return 0.2126 * lr + 0.7152 * lg + 0.0722 * lb;
}

/** The WCAG contrast ratio of two colours. */
export function contrast(a: string, b: string): number {
  const [hi, lo] = [luminance(rgbOf(a)), luminance(rgbOf(b))].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
}

/** The colour, darkened in small steps (its hue kept) until it reaches the contrast against every background. */
function darkenUntil(hex: string, backgrounds: string[]): string {
  let rgb = rgbOf(hex);
  for (let i = 0; i < 100 && backgrounds.some((bg) => contrast(hexOf(rgb), bg) < MIN_CONTRAST); i++) {
    rgb = rgb.map((c) => c * 0.97) as Rgb;
  }
  return hexOf(rgb);
}

const gray = DEFAULT_THEME.colors.gray;
/** The lightest surfaces text sits on: cards, the app's background (gray 0), hovered rows (gray 1). */
const SURFACES = ['#ffffff', gray[0], gray[1]];

/**
 * A palette whose shades 6–9 are legible on the surfaces (text, and white text on a filled button), shades 8 and
 * 9 also on its own light tints, shades 1 and 2 (a light badge's or a light cell's text), each at least as dark as
 * the one before. `also` adds backgrounds.
 */
export function accessiblePalette(palette: MantineColorsTuple, also: string[] = []): MantineColorsTuple {
  const out = [...palette];
  for (let shade = 6; shade <= 9; shade++) {
    const previous = out[shade - 1] as string;
    const own = darkenUntil(out[shade] as string, [
      ...SURFACES,
      ...(shade >= 8 ? [palette[1], palette[2]] : []),
      ...also,
    ]);
    out[shade] = shade > 6 && luminance(rgbOf(previous)) < luminance(rgbOf(own)) ? previous : own;
  }
  return out as unknown as MantineColorsTuple;
}

const defaults = Object.entries(DEFAULT_THEME.colors);
/** Dimmed text (gray 6) also sits on every light tint: alerts, the active navigation link, light badges. */
const tints = defaults.filter(([name]) => name !== 'dark').map(([, palette]) => palette[1]);
const colors = Object.fromEntries(
  defaults.map(([name, palette]) => [
    name,
    name === 'dark' ? palette : accessiblePalette(palette, name === 'gray' ? tints : []),
  ]),
) as Record<string, MantineColorsTuple>;

export const theme = createTheme({
  primaryColor: 'blue',
  defaultRadius: 'md',
  fontFamily: 'system-ui, -apple-system, "Segoe UI", Roboto, sans-serif',
  colors,
  // A visible focus ring on everything reached by keyboard (Mantine's default shows it on :focus-visible too).
  focusRing: 'auto',
  components: {
    // A badge is never narrower than its words: tables and groups make room (or wrap) instead of cutting it off.
    Badge: { styles: { root: { minWidth: 'max-content' } } },
    // Drawers and modals close with a button that says so.
    Drawer: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    Modal: { defaultProps: { closeButtonProps: { 'aria-label': 'Close' } } },
    // So do notifications (a saved rule's "re-evaluating", a recorded event) and alerts that can be dismissed.
    Notification: { defaultProps: { closeButtonProps: { 'aria-label': 'Dismiss this message' } } },
  },
});

/** Placeholders (and pickers showing one as their text) in dimmed gray, legible like any other text. */
export const cssVariablesResolver: CSSVariablesResolver = () => ({
  variables: {},
  light: { '--mantine-color-placeholder': 'var(--mantine-color-gray-6)' },
  dark: {},
});
