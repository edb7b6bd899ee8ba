import { describe, expect, it } from 'vitest';
import { ON_DEMAND_TRACKING_DAYS } from '../../src/core/index.ts';

// Proves the Vitest `browser` project runs in real Chromium and that `core` loads in a browser.
describe('core in the browser (Vitest browser mode)', () => {
  it('runs in Chromium, with a DOM', () => {
    expect(typeof document).not.toBe('undefined');
    expect(navigator.userAgent).toMatch(/Chrome\//);
  });

  it('loads the core module', () => {
    expect(ON_DEMAND_TRACKING_DAYS).toBe(30);
  });
});
