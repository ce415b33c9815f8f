// Product and category images are SVGs drawn on request from the seed's art specs: no binary
// assets, no external hosts, yet every size in `urls` is a real image with the right aspect ratio
// so layout (srcset, aspect boxes, CLS) can be tested against it.
import type { ArtShape, ImageArt, ImageRec, WireProfile } from './types.js';

export const IMAGE_PATH_PREFIX = '/v3/images/';

/** Widths of the named renditions; heights follow the original's aspect ratio. */
export const RENDITIONS = { thumb: 160, card: 400, card2x: 800, gallery: 800, gallery2x: 1600 } as const;
export type Rendition = keyof typeof RENDITIONS | 'original';

export interface ImageUrls {
  url: string;
  urls: { thumb: string; card: string; card2x: string; gallery: string; gallery2x: string };
}

export function imageUrl(origin: string, imageId: string, rendition: Rendition): string {
  return `${origin}${IMAGE_PATH_PREFIX}${encodeURIComponent(imageId)}/${rendition}.svg`;
}

export function imageUrls(origin: string, imageId: string): ImageUrls {
  return {
    url: imageUrl(origin, imageId, 'original'),
    urls: {
      thumb: imageUrl(origin, imageId, 'thumb'),
      card: imageUrl(origin, imageId, 'card'),
      card2x: imageUrl(origin, imageId, 'card2x'),
      gallery: imageUrl(origin, imageId, 'gallery'),
      gallery2x: imageUrl(origin, imageId, 'gallery2x'),
    },
  };
}

/**
 * One Media item. `form` decides which URL fields it carries (the live wire may send only the
 * renditions, or only `url`); the `minimal` profile serves nothing else, as the live wire may.
 */
export function serializeImage(
  origin: string,
  image: ImageRec,
  position: number,
  profile: WireProfile,
): Record<string, unknown> {
  const { url, urls } = imageUrls(origin, image.id);
  const links = {
    ...(image.form !== 'urls' ? { url } : {}),
    ...(image.form !== 'url' ? { urls } : {}),
  };
  if (profile === 'minimal') return { id: image.id, ...links };
  return {
    id: image.id,
    ...links,
    kind: 'image',
    mime: 'image/svg+xml',
    width: image.width,
    height: image.height,
    alt: image.alt,
    position,
    variantId: image.variantId,
  };
}

type Art = ImageArt & { width: number; height: number };

/** Parses `/v3/images/{id}/{rendition}.svg`; null when the path is not an image path. */
export function parseImagePath(path: string): { id: string; rendition: string } | null {
  const match = /^\/v3\/images\/([^/]+)\/([a-z0-9]+)\.svg$/.exec(path);
  if (!match || !match[1] || !match[2]) return null;
  try {
    return { id: decodeURIComponent(match[1]), rendition: match[2] };
  } catch {
    return null; // a malformed escape names no image
  }
}

export function renditionSize(
  art: { width: number; height: number },
  rendition: string,
): { width: number; height: number } | null {
  if (rendition === 'original') return { width: art.width, height: art.height };
  if (!(rendition in RENDITIONS)) return null;
  const width = RENDITIONS[rendition as keyof typeof RENDITIONS];
  return { width, height: Math.round((width * art.height) / art.width) };
}

const escapeXml = (text: string): string => text.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);

// Pictograms in a 100×100 box; simple enough to read at thumbnail size.
const SHAPES: Record<ArtShape, (fill: string) => string> = {
  tee: (f) => `<path d="M35 22 25 26 14 38l8 8 7-5v39h42V41l7 5 8-8-11-12-10-4q-15 10-30 0z" fill="${f}"/>`,
  hoodie: (f) =>
    `<path d="M36 22q14-16 28 0l12 5 12 33-9 3-8-19v38H29V44l-8 19-9-3 12-33z" fill="${f}"/>` +
    `<path d="M40 62h20v10H40z" fill="#0002"/>`,
  mug: (f) =>
    `<rect x="28" y="30" width="36" height="46" rx="5" fill="${f}"/>` +
    `<path d="M64 40h6a9 9 0 0 1 0 22h-6" fill="none" stroke="${f}" stroke-width="6"/>`,
  bag: (f) =>
    `<path d="M38 40v-8a12 12 0 0 1 24 0v8" fill="none" stroke="${f}" stroke-width="5"/>` +
    `<rect x="24" y="38" width="52" height="44" rx="3" fill="${f}"/>`,
  print: (f) =>
    `<rect x="24" y="16" width="52" height="68" fill="#fff" stroke="#0004" stroke-width="2"/>` +
    `<path d="M30 74l14-22 9 12 7-9 10 19z" fill="${f}"/><circle cx="62" cy="30" r="5" fill="${f}"/>`,
  candle: (f) =>
    `<rect x="34" y="40" width="32" height="42" rx="4" fill="${f}"/>` +
    `<path d="M50 22q7 9 0 15-7-6 0-15z" fill="#f5a623"/>`,
  cap: (f) =>
    `<path d="M20 62q0-30 30-30t30 30z" fill="${f}"/><path d="M50 60h38q0 10-18 10H50z" fill="${f}" opacity=".8"/>`,
  bottle: (f) =>
    `<rect x="38" y="28" width="24" height="56" rx="8" fill="${f}"/><rect x="42" y="18" width="16" height="10" rx="2" fill="#0005"/>`,
  card: (f) =>
    `<rect x="18" y="30" width="64" height="40" rx="5" fill="${f}"/><rect x="18" y="38" width="64" height="8" fill="#0003"/>`,
  blob: (f) => `<circle cx="50" cy="48" r="26" fill="${f}"/>`,
};

/** The SVG document for one rendition of one image. */
export function renderSvg(art: Art, size: { width: number; height: number }): string {
  // The drawing lives in a 100×100 box centred in a viewBox with the image's aspect ratio.
  const scale = Math.min(art.width, art.height);
  const vw = (100 * art.width) / scale;
  const vh = (100 * art.height) / scale;
  const dx = (vw - 100) / 2;
  const dy = (vh - 100) / 2;
  const bg = `hsl(${art.hue} 45% 92%)`;
  const label = art.label.length > 34 ? `${art.label.slice(0, 33)}…` : art.label;
  return (
    `<svg xmlns="http://www.w3.org/2000/svg" width="${size.width}" height="${size.height}" ` +
    `viewBox="0 0 ${vw.toFixed(2)} ${vh.toFixed(2)}" role="img" aria-label="${escapeXml(art.label)}">` +
    `<rect width="100%" height="100%" fill="${bg}"/>` +
    `<g transform="translate(${dx.toFixed(2)} ${dy.toFixed(2)})" stroke="#0003" stroke-width=".6">${SHAPES[art.shape](art.color)}</g>` +
    `<text x="${(vw / 2).toFixed(2)}" y="${(vh - 7).toFixed(2)}" font-family="system-ui,sans-serif" font-size="5" ` +
    `text-anchor="middle" fill="#333">${escapeXml(label)}</text>` +
    (art.caption
      ? `<text x="${(vw - 3).toFixed(2)}" y="7" font-family="system-ui,sans-serif" font-size="4" text-anchor="end" fill="#555">${escapeXml(art.caption)}</text>`
      : '') +
    `</svg>`
  );
}
