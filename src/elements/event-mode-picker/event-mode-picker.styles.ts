import { css } from 'lit';

/*
 * Narrow first (everything stacked, full width); wider containers put the kind and mode side by
 * side and the inputs of a constraint on one row. Container queries: the picker adapts to the
 * box a portal gives it, not to the window. The `.card` (cardStyles) is the container.
 *
 * A constraint's legend floats: that puts it inside the box as a normal first row instead of on
 * the border. Both constraints use the same column tracks, so their inputs line up. An invalid
 * control gets a danger outline (radios and checkboxes have no border to color), in the focus
 * color while focused. The list of general problems is an `.error` box (cardStyles).
 *
 * Nothing moves while data loads: the count line is as high as a Retry button (the error that
 * may replace it), and the window hint keeps its line before the event is known.
 */
export const eventModePickerStyles = css`
  .picker,
  .top {
    display: grid;
    gap: var(--_space);
  }
  @container (min-width: 560px) {
    .top {
      grid-template-columns: minmax(14em, auto) 1fr;
      align-items: start;
    }
  }
  fieldset {
    margin: 0;
    padding: 0;
    border: 0;
    min-width: 0;
  }
  legend {
    padding: 0;
  }
  legend,
  .field > label {
    font-weight: 600;
  }
  .mode > legend {
    margin-bottom: 0.25em;
  }
  .field {
    display: grid;
    gap: 0.25em;
    align-content: start;
    min-width: 0;
  }
  select,
  input:is([type='date'], [type='number']) {
    font: inherit;
    font-variant-numeric: tabular-nums;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.5);
    padding: 0.35em 0.5em;
    min-height: 2.25em;
    width: 100%;
  }
  :is(select, input):disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  input:is([type='radio'], [type='checkbox']) {
    accent-color: var(--_accent);
    width: 1.1em;
    height: 1.1em;
    margin: 0;
    flex: none;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
    outline: 2px solid var(--_danger);
    outline-offset: 1px;
  }
  [aria-invalid='true']:focus-visible {
    outline-color: var(--_focus);
  }
  .options {
    display: flex;
    flex-direction: column;
    gap: 0.25em 1.25em;
  }
  @container (min-width: 400px) {
    .options {
      flex-direction: row;
      flex-wrap: wrap;
    }
  }
  .option,
  .constraint > legend {
    display: flex;
    align-items: center;
    gap: 0.5em;
  }
  .option {
    min-height: 2.25em;
  }
  .option,
  legend label {
    cursor: pointer;
  }
  .constraint {
    background: var(--_surface-raised);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.75);
    padding: calc(var(--_space) * 0.75);
    display: grid;
    gap: calc(var(--_space) * 0.5);
  }
  .constraint > legend {
    float: left;
    width: 100%;
    min-height: 24px;
  }
  .inputs {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    clear: both;
  }
  @container (min-width: 480px) {
    .inputs {
      grid-template-columns: repeat(auto-fill, minmax(13em, 1fr));
    }
  }
  p,
  ul {
    margin: 0;
  }
  .hint,
  .message {
    font-size: 0.9em;
  }
  .hint {
    color: var(--_text-muted);
  }
  .mode .hint {
    margin-top: 0.35em;
  }
  .message {
    color: var(--_danger);
    display: grid;
    gap: 0.15em;
  }
  .message span::before,
  .problems li::before {
    content: '⚠\\fe0e  ';
  }
  .problems {
    border: 1px solid var(--_danger);
    border-radius: calc(var(--_radius) * 0.75);
    padding: calc(var(--_space) * 0.5) calc(var(--_space) * 0.75);
    column-gap: 1em;
    justify-content: space-between;
  }
  ul {
    padding: 0;
    list-style: none;
  }
  .count-row {
    border-top: 1px solid var(--_border);
    padding-top: calc(var(--_space) * 0.75);
    display: grid;
    gap: 0.5em;
  }
  .count {
    display: flex;
    align-items: center;
    min-height: calc(1lh + 0.6em + 2px);
  }
  .count-line {
    display: flex;
    flex-wrap: wrap;
    align-items: center;
    column-gap: 1em;
  }
  .count:has(+ .error) {
    display: none;
  }
  #watchDate-hint {
    min-height: 1lh;
  }
  .count strong {
    font-size: 1.1em;
    font-variant-numeric: tabular-nums;
  }
`;
