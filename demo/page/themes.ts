// Theme tokens: three ready-made themes, and the CSS custom properties a config turns into.
import { FONTS, type DemoConfig } from './config.js';

export interface Theme {
  id: string;
  name: string;
  description: string;
  tokens: Pick<DemoConfig, 'accent' | 'radius' | 'font' | 'scheme'>;
}

export const THEMES: Theme[] = [
  {
    id: 'classic',
    name: 'Classic',
    description: 'Blue, gentle corners, your system font',
    tokens: { accent: '#1d4ed8', radius: 8, font: 'system', scheme: 'auto' },
  },
  {
    id: 'boutique',
    name: 'Boutique',
    description: 'Plum, square corners, serif',
    tokens: { accent: '#7e1d4f', radius: 0, font: 'serif', scheme: 'light' },
  },
  {
    id: 'midnight',
    name: 'Midnight',
    description: 'Dark, teal, round and friendly',
    tokens: { accent: '#2dd4bf', radius: 18, font: 'rounded', scheme: 'dark' },
  },
];

/** The theme a config matches exactly, if any. */
export function themeOf(config: DemoConfig): Theme | undefined {
  return THEMES.find((theme) =>
    (Object.keys(theme.tokens) as (keyof Theme['tokens'])[]).every((key) => theme.tokens[key] === config[key]),
  );
}

/** WCAG relative luminance of a `#rrggbb` colour. */
export function luminance(hex: string): number {
  const channel = (i: number) => {
    const c = parseInt(hex.slice(i, i + 2), 16) / 255;
    return c <= 0.03928 ? c / 12.92 : ((c + 0.055) / 1.055) ** 2.4;
  };
  return 0.2126 * channel(1) + 0.7152 * channel(3) + 0.0722 * channel(5);
}

export const contrast = (a: string, b: string) => {
  const [hi, lo] = [luminance(a), luminance(b)].sort((x, y) => y - x) as [number, number];
  return (hi + 0.05) / (lo + 0.05);
};

/** Text on the accent colour: white or black, whichever reads better (one always reaches 4.58:1). */
export const onAccent = (accent: string) =>
  contrast(accent, '#ffffff') >= contrast(accent, '#000000') ? '#ffffff' : '#000000';

/** The `--tote-*` custom properties of a config, in the order the snippet prints them. */
export function themeTokens(config: DemoConfig): [string, string][] {
  return [
    ['--tote-accent', config.accent],
    ['--tote-on-accent', onAccent(config.accent)],
    ['--tote-radius', `${config.radius}px`],
    ['--tote-font', FONTS[config.font].stack],
  ];
}
