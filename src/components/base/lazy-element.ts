import { loadAllTexts } from '../../i18n/messages.js';
import { ToteElement } from './tote-element.js';

/**
 * The base of the elements that load lazily (product, buy button, cart, checkout): their words in
 * the shop's language may not be here yet, so the first render waits for them (`loadAllTexts`) and
 * is already in the right words. Kept apart from ToteElement so the first paint does not carry it.
 */
export abstract class LazyToteElement extends ToteElement {
  protected override scheduleUpdate(): void | Promise<unknown> {
    const pending = loadAllTexts(this.shopLocale);
    return pending ? pending.then(() => super.scheduleUpdate()) : super.scheduleUpdate();
  }
}
