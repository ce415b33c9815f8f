import { html, nothing } from 'lit';
import type { Product, ProductImage } from '../../api/index.js';
import { msg } from '../../i18n/messages.js';
import { srcset, thumbOf } from '../../model/product.js';

/**
 * The main image (fixed aspect ratio, so choosing a variant never moves the page) and, when there
 * are several, a row of thumbnails that show each one. The main image follows the chosen variant
 * until the shopper picks a thumbnail.
 */
export function galleryView(
  product: Product,
  shown: ProductImage | undefined,
  locale: string,
  onShow: (image: ProductImage) => void,
) {
  const source = shown && srcset(shown, 'gallery');
  return html`<div part="gallery" class="gallery">
    <div part="media" class="media">
      ${
        shown && source
          ? html`<img
            part="image"
            src=${source.src}
            srcset=${source.srcset ?? nothing}
            sizes="(min-width: 48rem) 32rem, 100vw"
            width=${shown.width ?? nothing}
            height=${shown.height ?? nothing}
            alt=${shown.alt || product.name}
          />`
          : html`<span class="no-image" role="img" aria-label=${product.name}></span>`
      }
    </div>
    ${
      product.images.length > 1
        ? html`<ul class="thumbs" aria-label=${msg(locale, 'product.images')}>
          ${product.images.map(
            (image, index) => html`<li>
              <button
                type="button"
                part="thumb"
                class="thumb"
                aria-pressed=${image === shown ? 'true' : 'false'}
                aria-label=${image.alt || msg(locale, 'product.image', { n: index + 1, count: product.images.length })}
                @click=${() => onShow(image)}
              >
                ${
                  thumbOf(image)
                    ? html`<img src=${thumbOf(image)!} width="160"
                      height=${image.width && image.height ? Math.round((160 * image.height) / image.width) : 160} alt="" loading="lazy" />`
                    : html`<span class="no-image"></span>`
                }
              </button>
            </li>`,
          )}
        </ul>`
        : nothing
    }
  </div>`;
}
