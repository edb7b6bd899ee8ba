import { css } from 'lit';

// The skeleton shares the loaded boxes: `.sum` is the total's line, `.plot` the chart's (or the
// table's) height, `.legend` one line (two with rewatches), `.notes` two lines for the notes
// paragraph (one where the card is wide). The chart's height is set here, not by the drawing
// (which follows the width a frame late): the SVG scales into it.

export const onDemandSummaryStyles = css`
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
  .plot {
    height: 190px;
  }
  :host([show-table]) .plot {
    height: 22em;
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
    cursor: pointer;
    transition: opacity var(--_transition);
  }
  .bar.rewatch {
    fill: var(--_rewatch);
  }
  .bar.unreported {
    fill: var(--_unreported);
    opacity: 0.3;
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
  .swatch.unreported {
    background: var(--_unreported);
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
    height: 2lh;
  }
  @container (width >= 734px) {
    .notes {
      height: 1lh;
    }
  }
`;
