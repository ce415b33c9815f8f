// The cart's undo toast keeps its time only while nothing holds it (WCAG 2.2.1): focus in it or a
// pointer on it stops the clock, and releasing both starts it again from the beginning.
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import assert from 'node:assert/strict';
import { UndoTimer } from '../../../src/components/cart/undo-timer.js';

describe('the undo toast’s time', () => {
  beforeEach(() => mock.timers.enable({ apis: ['setTimeout'] }));
  afterEach(() => mock.timers.reset());

  it('runs out after its time when nothing holds it', () => {
    let expired = 0;
    new UndoTimer(() => expired++, 8000);
    mock.timers.tick(7999);
    assert.equal(expired, 0);
    mock.timers.tick(1);
    assert.equal(expired, 1);
  });

  it('never runs out while focus is in the toast, however long; released, it has its whole time again', () => {
    let expired = 0;
    const timer = new UndoTimer(() => expired++, 8000);
    mock.timers.tick(5000);
    timer.hold('focus', true);
    mock.timers.tick(60_000);
    assert.equal(expired, 0, 'held by focus');
    timer.hold('focus', false);
    mock.timers.tick(7999);
    assert.equal(expired, 0, 'the whole time again, not what was left');
    mock.timers.tick(1);
    assert.equal(expired, 1);
  });

  it('a pointer leaving does not release a toast that focus still holds', () => {
    let expired = 0;
    const timer = new UndoTimer(() => expired++, 8000);
    timer.hold('focus', true);
    timer.hold('pointer', true);
    timer.hold('pointer', false);
    mock.timers.tick(20_000);
    assert.equal(expired, 0);
    timer.hold('focus', false);
    mock.timers.tick(8000);
    assert.equal(expired, 1);
  });

  it('stopped (undone, or replaced by the next removal), it never fires', () => {
    let expired = 0;
    const timer = new UndoTimer(() => expired++, 8000);
    timer.stop();
    mock.timers.tick(20_000);
    assert.equal(expired, 0);
  });
});
