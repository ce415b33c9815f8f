// The guard of the Lit dev-mode run checks itself: this run really loads Lit's development build
// (only that build warns), and the guard records Lit's warnings and no one else's.
// Runs only in the dev-mode run (web-test-runner.dev-mode.config.mjs), never in the main one.
import { expect, fixture, html } from '@open-wc/testing';
import { LitElement } from 'lit';
import { takeLitWarnings } from './lit-warnings.js';

/** Sets a reactive property in updated(): Lit's dev build warns "change-in-update". */
class DevModeChangeInUpdate extends LitElement {
  static override properties = { count: { type: Number } };
  declare count: number;

  constructor() {
    super();
    this.count = 0;
  }

  override updated(): void {
    if (this.count === 0) this.count = 1;
  }
}
customElements.define('tote-dev-mode-change-in-update', DevModeChangeInUpdate);

describe('Lit dev-mode run: the warning guard', () => {
  it("runs Lit's development build and records its warnings", async () => {
    const element = await fixture<DevModeChangeInUpdate>(
      html`<tote-dev-mode-change-in-update></tote-dev-mode-change-in-update>`,
    );
    await element.updateComplete;
    expect(element.count).to.equal(1);
    const warnings = takeLitWarnings(); // taken off the record: this test expects them
    expect(warnings).to.have.length(1);
    expect(warnings[0]).to.include('tote-dev-mode-change-in-update').and.include('lit.dev/msg/change-in-update');
  });

  it("leaves the widget's own warnings and Lit's dev-mode notice alone", async () => {
    console.warn("[tote] not a Lit warning (the dev-mode guard's own test)");
    await new Promise((resolve) => setTimeout(resolve));
    expect(takeLitWarnings()).to.deep.equal([]);
    expect((globalThis as { litIssuedWarnings?: Set<string> }).litIssuedWarnings?.has('dev-mode')).to.equal(true);
  });
});
