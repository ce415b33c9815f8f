import { css, html } from 'lit';

/** What an element shows in place of the shop when it has none: the developer's next step. */
export function configProblemView(problem: string) {
  return html`<p part="config-error" class="config-error" role="alert"><strong>Tote is not set up.</strong> ${problem}</p>`;
}

/** Styles for `configProblemView` (adopted stylesheets: allowed under a strict CSP, unlike style="…"). */
export const configProblemStyles = css`
  .config-error {
    margin: 0;
    padding: 0.75rem;
    border: 2px dashed var(--tote-danger, #b91c1c);
    border-radius: 0.5rem;
    overflow-wrap: anywhere;
  }
`;
