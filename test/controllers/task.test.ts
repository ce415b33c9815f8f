// The elements' data loader (src/controllers/task.ts): runs when its arguments change, aborts the run
// it replaces, drops stale results, renders by status.
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { Task } from '../../src/controllers/task.js';

interface Call {
  id: string;
  signal: AbortSignal;
  resolve: (value: string) => void;
  reject: (error: unknown) => void;
}

class TaskHost extends LitElement {
  static override properties = { item: {} };
  item = 'a';
  calls: Call[] = [];
  task = new Task(this, {
    task: ([id], { signal }) =>
      new Promise<string>((resolve, reject) => this.calls.push({ id, signal, resolve, reject })),
    args: () => [this.item] as const,
  });
  override render() {
    return html`${this.task.render({
      initial: () => 'initial',
      pending: () => 'pending',
      complete: (value) => `complete:${value}`,
      error: (error) => `error:${String(error)}`,
    })}`;
  }
}
customElements.define('task-host', TaskHost);

const text = (el: TaskHost) => el.shadowRoot!.textContent!.trim();
const settle = async (el: TaskHost) => {
  await new Promise((resolve) => setTimeout(resolve));
  await el.updateComplete;
};

describe('Task', () => {
  it('runs with the first arguments and renders pending, then the value', async () => {
    const el = await fixture<TaskHost>(html`<task-host></task-host>`);
    expect(el.calls.map((call) => call.id)).to.deep.equal(['a']);
    expect(text(el)).to.equal('pending');
    el.calls[0]!.resolve('A');
    await settle(el);
    expect(text(el)).to.equal('complete:A');
    expect(el.task.value).to.equal('A');
  });

  it('runs again only when an argument changes, and aborts the run it replaces', async () => {
    const el = await fixture<TaskHost>(html`<task-host></task-host>`);
    el.requestUpdate();
    await el.updateComplete;
    expect(el.calls).to.have.length(1);
    el.item = 'b';
    await el.updateComplete;
    expect(el.calls.map((call) => call.id)).to.deep.equal(['a', 'b']);
    expect(el.calls[0]!.signal.aborted).to.equal(true);
    expect(el.calls[1]!.signal.aborted).to.equal(false);
  });

  it('drops a stale result: the newest run wins whatever order the answers come in', async () => {
    const el = await fixture<TaskHost>(html`<task-host></task-host>`);
    el.item = 'b';
    await el.updateComplete;
    el.calls[1]!.resolve('B');
    await settle(el);
    el.calls[0]!.resolve('A (late)');
    await settle(el);
    expect(text(el)).to.equal('complete:B');
  });

  it('renders the error of a failed run, keeps the last value, and run() tries again', async () => {
    const el = await fixture<TaskHost>(html`<task-host></task-host>`);
    el.calls[0]!.resolve('A');
    await settle(el);
    void el.task.run();
    await el.updateComplete;
    expect(text(el)).to.equal('pending');
    expect(el.task.value, 'the last value while pending').to.equal('A');
    el.calls[1]!.reject(new Error('down'));
    await settle(el);
    expect(text(el)).to.equal('error:Error: down');
    void el.task.run();
    el.calls[2]!.resolve('A again');
    await settle(el);
    expect(text(el)).to.equal('complete:A again');
  });
});
