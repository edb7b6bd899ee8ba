import { css } from 'lit';

/*
 * Narrow first (everything stacked, full width); wider containers put the kind and mode side by
 * side and the inputs of a constraint on one row. Container queries: the picker adapts to the
 * box a portal gives it, not to the window. The `.card` (cardStyles) is the container.
 */
export const eventModePickerStyles = css`
  .picker {
    display: grid;
    gap: var(--_space);
  }
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
  .field {
    display: grid;
    gap: 0.25em;
    align-content: start;
    min-width: 0;
  }
  .field > label,
  .mode > legend {
    font-weight: 600;
  }
  .mode > legend {
    margin-bottom: 0.25em;
  }
  select,
  input[type='date'],
  input[type='number'] {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.5);
    padding: 0.35em 0.5em;
    min-height: 2.25em;
    width: 100%;
    max-width: 100%;
  }
  input[type='number'] {
    font-variant-numeric: tabular-nums;
  }
  select:disabled,
  input:disabled {
    opacity: 0.6;
    cursor: not-allowed;
  }
  input[type='radio'],
  input[type='checkbox'] {
    accent-color: var(--_accent);
    width: 1.1em;
    height: 1.1em;
    margin: 0;
    flex: none;
  }
  [aria-invalid='true'] {
    border-color: var(--_danger);
    box-shadow: 0 0 0 1px var(--_danger);
  }
  input[type='radio'][aria-invalid='true'],
  input[type='checkbox'][aria-invalid='true'] {
    box-shadow: none;
    outline: 2px solid var(--_danger);
    outline-offset: 1px;
  }
  input[type='radio'][aria-invalid='true']:focus-visible,
  input[type='checkbox'][aria-invalid='true']:focus-visible {
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
  .option {
    display: inline-flex;
    align-items: center;
    gap: 0.5em;
    min-height: 2.25em;
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
  /* The legend sits inside the box, as a normal first row (not on the border). */
  .constraint > legend {
    float: left;
    width: 100%;
    display: flex;
    align-items: center;
    gap: 0.5em;
    min-height: 24px;
    font-weight: 600;
  }
  .constraint > legend label {
    cursor: pointer;
  }
  .inputs {
    display: grid;
    gap: calc(var(--_space) * 0.75);
    clear: both;
  }
  @container (min-width: 480px) {
    .inputs {
      /* Same tracks in both constraints, so their columns line up. */
      grid-template-columns: repeat(auto-fill, minmax(13em, 1fr));
    }
  }
  .hint {
    margin: 0;
    color: var(--_text-muted);
    font-size: 0.9em;
  }
  .mode .hint {
    margin-top: 0.35em;
  }
  .message {
    margin: 0;
    color: var(--_danger);
    font-size: 0.9em;
    display: grid;
    gap: 0.15em;
  }
  .message span::before,
  .problems li::before {
    content: '⚠\\fe0e  ';
  }
  .problems {
    color: var(--_danger);
    border: 1px solid var(--_danger);
    border-radius: calc(var(--_radius) * 0.75);
    padding: calc(var(--_space) * 0.5) calc(var(--_space) * 0.75);
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
    align-items: center;
    justify-content: space-between;
  }
  .problems ul {
    margin: 0;
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
    margin: 0;
    min-height: 1.4em;
  }
  .count:empty {
    display: none;
  }
  .count strong {
    font-size: 1.1em;
    font-variant-numeric: tabular-nums;
  }
`;
