/**
 * Arrow keys across a grid of focusable items, as a shortcut beside Tab (every item stays a Tab
 * stop of its own). Left/right follow the reading direction, so they swap in right-to-left text;
 * up/down move by the number of items in the first row, measured from the layout, so it matches
 * whatever the CSS grid settled on; Home and End go to the ends. Moves focus and returns the new
 * index, or `null` when the key is not one of these.
 */
export function arrowMove(event: KeyboardEvent, items: readonly HTMLElement[], current: number): number | null {
  const last = items.length - 1;
  if (last < 0) return null;
  const firstTop = items[0]!.offsetTop;
  const secondRow = items.findIndex((item) => item.offsetTop !== firstTop);
  const columns = secondRow === -1 ? items.length : Math.max(1, secondRow);
  const rtl = getComputedStyle(items[0]!).direction === 'rtl';
  const step = { ArrowRight: rtl ? -1 : 1, ArrowLeft: rtl ? 1 : -1, ArrowDown: columns, ArrowUp: -columns }[event.key];
  let next: number;
  if (step !== undefined) next = Math.min(last, Math.max(0, current + step));
  else if (event.key === 'Home') next = 0;
  else if (event.key === 'End') next = last;
  else return null;
  event.preventDefault();
  items[next]!.focus();
  return next;
}
