/*
 * A small daily bar chart: d3-array's nice/ticks give the value axis, a local band scale places
 * the days, and Lit's `svg` renders it. Geometry lives in SVG attributes, never in style="…",
 * so strict CSP pages work.
 */
import { nice, ticks } from 'd3-array';
import { svg, type SVGTemplateResult } from 'lit';

/** One day of the chart. `null` values are days not reported yet. */
export interface ChartDay {
  day: string;
  primary: number | null;
  secondary: number | null;
  /** A day not reported yet may carry a projection: drawn as a dashed bar over its range. */
  projected?: ProjectedValue | undefined;
}

/** What a projection expects of a day, with its range. */
export interface ProjectedValue {
  expected: number;
  low: number;
  high: number;
}

export interface BarChartLayoutOptions {
  width: number;
  height: number;
  showSecondary: boolean;
}

export interface BarGeometry {
  index: number;
  x: number;
  width: number;
  /** The day's tap and hover area: its whole column, edge to edge with its neighbours. */
  hitX: number;
  hitWidth: number;
  primaryY: number;
  primaryHeight: number;
  secondaryX: number;
  secondaryY: number;
  secondaryHeight: number;
  reported: boolean;
  /** A projected day: the expected bar's top, and its range from `rangeY` (high) down `rangeHeight`. */
  projected?: { y: number; rangeY: number; rangeHeight: number } | undefined;
}

export interface BarChartLayout {
  bars: BarGeometry[];
  yTicks: { value: number; y: number }[];
  xLabels: { index: number; x: number }[];
  plot: { left: number; top: number; right: number; bottom: number };
}

const MARGIN = { left: 36, right: 8, top: 10, bottom: 22 };

/**
 * d3's `scaleBand` arithmetic (centered, unrounded) for the days 0…count−1 between `start` and
 * `stop`. Written here because d3-scale would bundle its ordinal and interpolator machinery
 * for these three lines.
 */
function dayBands(count: number, start: number, stop: number, paddingInner: number, paddingOuter: number) {
  const step = (stop - start) / Math.max(1, count - paddingInner + paddingOuter * 2);
  const first = start + (stop - start - step * (count - paddingInner)) / 2;
  return { x: (index: number) => first + step * index, width: step * (1 - paddingInner), step };
}

/** Pure geometry of the chart for a size; tested without a DOM. */
export function barChartLayout(days: readonly ChartDay[], options: BarChartLayoutOptions): BarChartLayout {
  const plot = { left: MARGIN.left, top: MARGIN.top, right: Math.max(MARGIN.left + 10, options.width - MARGIN.right), bottom: Math.max(MARGIN.top + 10, options.height - MARGIN.bottom) };
  const padding = days.length > 20 ? 0.2 : 0.3;
  const band = dayBands(days.length, plot.left, plot.right, padding, 0.1);
  const highest = Math.max(0, ...days.map((day) => Math.max(day.primary ?? day.projected?.high ?? 0, options.showSecondary ? (day.secondary ?? 0) : 0)));
  const [, top] = nice(0, Math.max(highest, 4), 4);
  const y = (value: number) => plot.bottom - (value / top) * (plot.bottom - plot.top);
  const barWidth = options.showSecondary ? band.width / 2 : band.width;
  const bars = days.map((day, index): BarGeometry => {
    const x = band.x(index);
    const reported = day.primary !== null;
    const primaryY = reported ? y(day.primary ?? 0) : plot.top;
    const secondaryY = y(day.secondary ?? 0);
    const projected = reported ? undefined : day.projected;
    return {
      index,
      x,
      width: barWidth,
      hitX: x - (band.step * padding) / 2,
      hitWidth: band.step,
      primaryY,
      primaryHeight: plot.bottom - primaryY,
      secondaryX: x + barWidth,
      secondaryY,
      secondaryHeight: plot.bottom - secondaryY,
      reported,
      projected: projected && { y: y(projected.expected), rangeY: y(projected.high), rangeHeight: y(projected.low) - y(projected.high) },
    };
  });
  const yTicks = ticks(0, top, 4).filter(Number.isInteger).map((value) => ({ value, y: y(value) }));
  // About one label per 48 px; the last day gets one too unless a label is already near it.
  const every = Math.max(1, Math.ceil(days.length / Math.max(1, Math.floor((plot.right - plot.left) / 48))));
  const labelled: number[] = [];
  for (let index = 0; index < days.length; index += every) labelled.push(index);
  const last = days.length - 1;
  if (last > 0 && last - (labelled.at(-1) ?? 0) >= Math.ceil(every * 0.75)) labelled.push(last);
  const xLabels = labelled.map((index) => ({ index, x: band.x(index) + band.width / 2 }));
  return { bars, yTicks, xLabels, plot };
}

export interface BarChartRenderOptions {
  layout: BarChartLayout;
  days: readonly ChartDay[];
  showSecondary: boolean;
  focusedIndex: number | null;
  label: (day: ChartDay) => string;
  tick: (value: number) => string;
  tooltip: (day: ChartDay) => string;
  onSelect: (index: number) => void;
  onHover: (index: number | null) => void;
}

/** The chart's SVG content (the caller provides the `<svg>` with its role and label). */
export function renderBarChart(options: BarChartRenderOptions): SVGTemplateResult {
  const { layout, days, focusedIndex } = options;
  const { plot } = layout;
  const focused = focusedIndex === null ? undefined : layout.bars[focusedIndex];
  const focusedDay = focusedIndex === null ? undefined : days[focusedIndex];
  return svg`
    <g class="grid" aria-hidden="true">
      ${layout.yTicks.map(
        (tick) => svg`
          <line x1=${plot.left} x2=${plot.right} y1=${tick.y} y2=${tick.y}></line>
          <text class="tick" x=${plot.left - 6} y=${tick.y} dy="0.32em" text-anchor="end">${options.tick(tick.value)}</text>`,
      )}
    </g>
    <g class="bars" aria-hidden="true">
      ${layout.bars.map(
        (bar) => bar.projected
          ? // A projected day: its range as a light band, the expected count as a dashed bar (at least a sliver, for 0).
            svg`<rect class="range" x=${bar.x} y=${bar.projected.rangeY} width=${Math.max(1, bar.width)} height=${bar.projected.rangeHeight}></rect>
              <rect part="projected-bar" class="bar projected ${bar.index === focusedIndex ? 'focused' : ''}"
                x=${bar.x} y=${Math.min(bar.projected.y, plot.bottom - 2)} width=${Math.max(1, bar.width)} height=${Math.max(2, plot.bottom - bar.projected.y)}></rect>`
          : svg`
          <rect part="bar" class="bar ${bar.reported ? '' : 'unreported'} ${bar.index === focusedIndex ? 'focused' : ''}"
            x=${bar.x} y=${bar.primaryY} width=${Math.max(1, bar.width)} height=${Math.max(bar.reported ? 0 : 1, bar.primaryHeight)}></rect>
          ${days[bar.index]?.primary === 0 ? svg`<rect class="zero" x=${bar.x} y=${plot.bottom - 2} width=${Math.max(1, bar.width)} height="2"></rect>` : ''}
          ${options.showSecondary && bar.reported
            ? svg`<rect part="bar rewatch-bar" class="bar rewatch" x=${bar.secondaryX} y=${bar.secondaryY} width=${Math.max(1, bar.width)} height=${bar.secondaryHeight}></rect>`
            : ''}`,
      )}
    </g>
    <g class="hits" aria-hidden="true">
      ${layout.bars.map(
        (bar) => svg`<rect class="hit" x=${bar.hitX} y=${plot.top} width=${bar.hitWidth} height=${plot.bottom - plot.top}
          @click=${() => options.onSelect(bar.index)} @pointerenter=${() => options.onHover(bar.index)} @pointerleave=${() => options.onHover(null)}></rect>`,
      )}
    </g>
    <g class="axis" aria-hidden="true">
      <line x1=${plot.left} x2=${plot.right} y1=${plot.bottom} y2=${plot.bottom}></line>
      ${layout.xLabels.map((label) => svg`<text class="tick" x=${label.x} y=${plot.bottom + 15} text-anchor="middle">${options.label(days[label.index] as ChartDay)}</text>`)}
    </g>
    ${focused && focusedDay ? renderTooltip(focused, options.tooltip(focusedDay), plot) : ''}
  `;
}

function renderTooltip(bar: BarGeometry, text: string, plot: BarChartLayout['plot']): SVGTemplateResult {
  const width = Math.min(plot.right - plot.left, text.length * 6.6 + 16);
  const center = bar.x + bar.width / 2;
  const x = Math.min(Math.max(center - width / 2, plot.left), plot.right - width);
  const y = Math.max(0, Math.min(bar.projected?.rangeY ?? bar.primaryY, plot.bottom) - 30);
  return svg`
    <g class="tooltip" aria-hidden="true" transform="translate(${x} ${y})">
      <rect width=${width} height="24" rx="4"></rect>
      <text x=${width / 2} y="12" dy="0.32em" text-anchor="middle">${text}</text>
    </g>
  `;
}
