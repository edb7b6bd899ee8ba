import { css } from 'lit';

// The skeleton's figures (`.figures`, `.figure`, `.label`, `.number`) share the loaded figures' boxes.
// Narrower than 560 px (534 px inside the card) the figures stack: side by side, a figure such as
// "25.3 min" would wrap. The phase hint (first figure) has room for two lines, three where three
// figures are narrow. Each figure's label, value and hint are rows of a subgrid: side by side, a
// label on two lines (Dutch) keeps the values in line. The card fills the height a grid row gives
// the element, so cards side by side end together.
export const onDemandStatisticsStyles = css`
  .card {
    height: 100%;
  }
  .metrics,
  .figures {
    display: grid;
    gap: 0 var(--_space);
    grid-template-columns: repeat(3, minmax(0, 1fr));
    margin: 0;
  }
  .metric,
  .figure {
    display: grid;
    grid-row: span 3;
    grid-template-rows: subgrid;
    align-content: start;
    background: var(--_surface-raised);
    border-radius: calc(var(--_radius) * 0.75);
    padding: calc(var(--_space) * 0.75);
    min-width: 0;
  }
  .metric dt,
  .label {
    color: var(--_text-muted);
    font-weight: 500;
  }
  .metric dd {
    margin: 0;
  }
  @container (width < 534px) {
    .metric + .metric,
    .figure + .figure {
      margin-top: var(--_space);
    }
  }
  .value,
  .number {
    display: block;
    font-size: 1.9em;
    font-weight: 650;
    line-height: 1.15;
    font-variant-numeric: tabular-nums;
    overflow-wrap: anywhere;
  }
  .number {
    height: 1lh;
  }
  .hint {
    display: block;
    color: var(--_text-muted);
    font-size: 0.85em;
  }
  :first-child > .hint {
    min-height: 2lh;
  }
  .metric.closing {
    background: var(--_warning-surface);
    outline: 2px solid var(--_warning);
    outline-offset: -2px;
  }
  .metric.closing .hint {
    color: var(--_warning);
    font-weight: 600;
  }
  .metric.closed .value {
    color: var(--_text-muted);
  }
  .footer {
    display: grid;
    grid-template-columns: auto minmax(0, 1fr);
    align-items: start;
    gap: 0.5em;
    margin-top: calc(var(--_space) * 0.75);
    min-height: 24px;
  }
  .notes {
    align-self: center;
    font-size: 0.85em;
    text-align: end;
  }
  .notes span + span::before {
    content: ' · ';
  }
  @container (534px <= width < 774px) {
    :first-child > .hint {
      min-height: 3lh;
    }
  }
  @container (width < 534px) {
    .metrics,
    .figures {
      grid-template-columns: minmax(0, 1fr);
    }
  }
  /* The projection's line over its invisible widest copy (one grid cell): a constant height. */
  .projection {
    display: grid;
    margin: calc(var(--_space) * 0.75) 0 0;
    font-size: 0.9em;
  }
  .projection > * {
    grid-area: 1 / 1;
  }
  .projection .size {
    visibility: hidden;
  }
  .badge {
    display: inline-block;
    margin-inline-end: 0.25em;
    padding: 0 0.4em;
    border: 1px dashed currentColor;
    border-radius: calc(var(--_radius) * 0.5);
    color: var(--_text-muted);
    font-size: 0.85em;
    font-weight: 600;
  }
  details summary {
    cursor: pointer;
    color: var(--_accent);
    min-height: 24px;
  }
  details dl {
    display: grid;
    grid-template-columns: auto auto;
    gap: 0.25em 1em;
    margin: 0.5em 0 0;
  }
  details dd {
    margin: 0;
    text-align: end;
    font-variant-numeric: tabular-nums;
  }
`;
