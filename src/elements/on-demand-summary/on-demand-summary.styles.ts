import { css } from 'lit';

// The skeleton shares the loaded boxes: `.sum` is the total's line, `.plot` the chart's (or the
// table's, or the empty state's) height, `.legend` one line (two with rewatches), `.notes` three
// lines for the notes paragraph (four where the card is phone-narrow, two where it is wide). The
// chart's height is set here, not by the drawing; its width is `.plot`'s, so it is drawn unscaled.
// The card fills the height a grid row gives the element, so cards side by side end together.

export const onDemandSummaryStyles = css`
  .card {
    height: 100%;
  }
  .controls {
    display: flex;
    flex-wrap: wrap;
    gap: 0.5em 1em;
    align-items: center;
    margin-bottom: calc(var(--_space) * 0.75);
  }
  .controls label {
    display: inline-flex;
    align-items: center;
    gap: 0.4em;
    min-height: 24px;
  }
  select,
  input {
    font: inherit;
    color: var(--_text);
    background: var(--_surface);
    border: 1px solid var(--_border);
    border-radius: calc(var(--_radius) * 0.5);
    padding: 0.2em 0.4em;
    min-height: 24px;
  }
  input[type='checkbox'] {
    accent-color: var(--_accent);
  }
  .problem {
    color: var(--_danger);
  }
  .actions {
    display: flex;
    gap: 0.5em;
    margin-inline-start: auto;
  }
  .total,
  .sum {
    margin: 0 0 0.5em;
    font-weight: 600;
  }
  .total .value,
  .sum :first-child {
    font-size: 1.4em;
    font-variant-numeric: tabular-nums;
  }
  .chart {
    position: relative;
    border-radius: calc(var(--_radius) * 0.5);
  }
  .chart svg {
    display: block;
    width: 100%;
    overflow: visible;
  }
  .chart svg,
  .plot,
  .empty {
    height: 190px;
  }
  :host([show-table]) :is(.plot, .empty) {
    height: 22em;
  }
  .empty {
    margin: 0;
    display: grid;
    place-items: center;
    padding: var(--_space);
    text-align: center;
    color: var(--_text-muted);
    border: 1px dashed var(--_border);
    border-radius: calc(var(--_radius) * 0.5);
  }
  .grid line {
    stroke: var(--_border);
    stroke-dasharray: 2 3;
  }
  .axis line {
    stroke: var(--_text-muted);
  }
  .tick {
    fill: var(--_text-muted);
    font-size: 10px;
  }
  .bar {
    fill: var(--_accent);
  }
  .hit {
    fill: transparent;
    cursor: pointer;
  }
  .zero {
    fill: var(--_text-muted);
  }
  .bar.rewatch {
    fill: var(--_rewatch);
  }
  .bar.unreported {
    fill: var(--_unreported);
    fill-opacity: 0.35;
    stroke: var(--_text-muted);
    stroke-dasharray: 2 2;
  }
  .bar.projected {
    fill: var(--_accent);
    fill-opacity: 0.12;
    stroke: var(--_accent);
    stroke-width: 1.5px;
    stroke-dasharray: 4 2;
  }
  /* The band: a pale fill (1.4:1) alone would not show where it starts and ends; its edges do (≥ 3:1). */
  .range {
    fill: var(--_accent);
    fill-opacity: 0.22;
    stroke: var(--_accent);
    stroke-width: 1px;
  }
  .bar.focused {
    stroke: var(--_text);
    stroke-width: 2px;
  }
  .tooltip rect {
    fill: var(--_text);
  }
  .tooltip text {
    fill: var(--_surface);
    font-size: 11px;
  }
  :host([show-rewatches]) .legend {
    min-height: 2lh;
  }
  .legend {
    min-height: 1lh;
    display: flex;
    flex-wrap: wrap;
    gap: 0 1em;
    margin-top: 0.4em;
    font-size: 0.85em;
    color: var(--_text-muted);
  }
  .swatch {
    display: inline-block;
    width: 0.8em;
    height: 0.8em;
    border-radius: 2px;
    margin-inline-end: 0.3em;
    vertical-align: -0.05em;
    background: var(--_accent);
  }
  .swatch.rewatch {
    background: var(--_rewatch);
  }
  .swatch.projected {
    background: color-mix(in srgb, var(--_accent) 22%, transparent);
    border: 1.5px dashed var(--_accent);
  }
  /* The projection's key over its invisible copy (one grid cell): a constant height. */
  .projection-key {
    display: grid;
    margin-top: 0.2em;
    font-size: 0.85em;
    color: var(--_text-muted);
  }
  .projection-key > * {
    grid-area: 1 / 1;
  }
  .projection-key .size {
    visibility: hidden;
  }
  .swatch.unreported {
    background: var(--_surface);
    border: 1px dashed var(--_text-muted);
  }
  table {
    width: 100%;
    border-collapse: collapse;
    font-variant-numeric: tabular-nums;
  }
  caption {
    text-align: start;
    color: var(--_text-muted);
    padding-bottom: 0.3em;
  }
  th,
  td {
    text-align: end;
    padding: 0.25em 0.5em;
    border-bottom: 1px solid var(--_border);
  }
  tbody th {
    white-space: nowrap;
  }
  thead th {
    position: sticky;
    top: 0;
    background: var(--_surface);
    vertical-align: bottom;
  }
  td.projected {
    font-style: italic;
  }
  th:first-child,
  td:first-child {
    text-align: start;
  }
  .table-scroll {
    max-height: 22em;
    overflow: auto;
  }
  .note,
  .notes {
    margin: 0.6em 0 0;
    font-size: 0.9em;
  }
  .notes {
    height: 3lh;
  }
  @container (width < 400px) {
    .notes {
      height: 4lh;
    }
  }
  @container (width >= 734px) {
    .notes {
      height: 2lh;
    }
  }
`;
