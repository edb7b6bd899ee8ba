import { expect, fixture, html } from '@open-wc/testing';
import { ON_DEMAND_TRACKING_DAYS } from '../../src/core/index.ts';

// Proves the @web/test-runner layer: mocha globals, @open-wc/testing, .ts imports via esbuild.
describe('core in the browser (@web/test-runner)', () => {
  it('loads the core module', () => {
    expect(ON_DEMAND_TRACKING_DAYS).to.equal(30);
    expect(typeof document).to.not.equal('undefined');
  });

  it('renders a fixture with @open-wc/testing', async () => {
    const el = await fixture<HTMLDivElement>(html`<div>x</div>`);
    expect(el.textContent).to.equal('x');
    expect(el.isConnected).to.equal(true);
  });
});
