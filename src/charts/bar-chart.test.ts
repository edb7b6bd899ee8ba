import { describe, expect, it } from 'vitest';
import { barChartLayout, type ChartDay } from './bar-chart.ts';

const day = (primary: number | null, secondary: number | null = 0): ChartDay => ({ day: '2026-03-20', primary, secondary });

describe('barChartLayout', () => {
  // Expected positions are d3-scale's scaleBand for the same domain, range and padding.
  it('places the days as d3 scaleBand would (inner padding 0.3, outer 0.1)', () => {
    const layout = barChartLayout([day(2), day(0), day(null)], { width: 240, height: 150, showSecondary: false });
    expect(layout.plot).toEqual({ left: 36, top: 10, right: 232, bottom: 128 });
    expect(layout.bars.map((bar) => bar.x)).toEqual([expect.closeTo(42.7586, 3), expect.closeTo(110.3448, 3), expect.closeTo(177.931, 3)]);
    for (const bar of layout.bars) expect(bar.width).toBeCloseTo(47.3103, 3);
    expect(layout.xLabels[0]?.x).toBeCloseTo(42.7586 + 47.3103 / 2, 3);
  });

  it('packs a month tighter (inner padding 0.2) and halves the bars for the rewatch series', () => {
    const days = Array.from({ length: 31 }, (_, index) => day(index % 3, 1));
    const layout = barChartLayout(days, { width: 600, height: 190, showSecondary: true });
    expect(layout.bars[0]?.x).toBeCloseTo(37.7935, 3);
    expect(layout.bars[30]?.x).toBeCloseTo(575.858, 3);
    const bar = layout.bars[1];
    expect(bar?.width).toBeCloseTo(14.3484 / 2, 3);
    expect(bar?.secondaryX).toBeCloseTo((bar?.x ?? 0) + (bar?.width ?? 0), 6);
  });

  it('scales values to a nice top with whole-number ticks, unreported days full height', () => {
    const layout = barChartLayout([day(2), day(7), day(null)], { width: 240, height: 150, showSecondary: false });
    expect(layout.yTicks.map((tick) => tick.value)).toEqual([0, 2, 4, 6, 8]);
    expect(layout.yTicks.at(-1)?.y).toBe(layout.plot.top);
    expect(layout.bars[1]?.primaryY).toBeCloseTo(128 - (7 / 8) * 118, 6);
    expect(layout.bars[2]).toMatchObject({ reported: false, primaryY: 10, primaryHeight: 118 });
  });

  it('keeps a readable axis for an empty or all-zero range', () => {
    expect(barChartLayout([], { width: 240, height: 150, showSecondary: false }).bars).toEqual([]);
    const zeros = barChartLayout([day(0), day(0)], { width: 240, height: 150, showSecondary: false });
    expect(zeros.yTicks.map((tick) => tick.value)).toEqual([0, 1, 2, 3, 4]);
  });
});

describe('tap targets', () => {
  it('gives every day a hit area of its whole column, edge to edge, at least 24 px high', () => {
    const days = Array.from({ length: 31 }, (_, index) => day(index % 3));
    const layout = barChartLayout(days, { width: 340, height: 190, showSecondary: false });
    for (const [index, bar] of layout.bars.entries()) {
      expect(bar.hitX).toBeLessThanOrEqual(bar.x);
      expect(bar.hitX + bar.hitWidth).toBeGreaterThanOrEqual(bar.x + bar.width);
      const next = layout.bars[index + 1];
      if (next) expect(next.hitX).toBeCloseTo(bar.hitX + bar.hitWidth, 6);
    }
    expect(layout.plot.bottom - layout.plot.top).toBeGreaterThanOrEqual(24);
  });
});

describe('projected days', () => {
  it('places a projected day’s expected bar and range, and makes room on the axis for its high end', () => {
    const projected = { ...day(null), projected: { expected: 5, low: 2, high: 11 } };
    const layout = barChartLayout([day(3), projected], { width: 240, height: 150, showSecondary: false });
    expect(layout.yTicks.at(-1)?.value).toBeGreaterThanOrEqual(11);
    const top = layout.yTicks.at(-1)?.value ?? 1;
    const y = (value: number) => 128 - (value / top) * 118;
    expect(layout.bars[1]?.projected).toEqual({ y: expect.closeTo(y(5), 6), rangeY: expect.closeTo(y(11), 6), rangeHeight: expect.closeTo(y(2) - y(11), 6) });
    expect(layout.bars[0]?.projected).toBeUndefined();
  });

  it('ignores a projection on a reported day (what was counted wins)', () => {
    const layout = barChartLayout([{ ...day(2), projected: { expected: 30, low: 20, high: 40 } }], { width: 240, height: 150, showSecondary: false });
    expect(layout.bars[0]?.projected).toBeUndefined();
    expect(layout.yTicks.at(-1)?.value).toBeLessThan(20);
  });
});
