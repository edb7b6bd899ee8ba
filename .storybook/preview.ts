import { setCustomElementsManifest } from '@storybook/web-components';
import type { Preview } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';
import { generateWebinarData } from '../mocks/index.ts';
import { LONG_NAME_EVENT_ID, startStoryBackend } from '../stories/story-kit.ts';
import { publicManifest } from './public-manifest.ts';

// Controls and docs tables come from the elements' JSDoc, via the Custom Elements Manifest:
// its public API only (no private, protected, static or read-only members).
setCustomElementsManifest(publicManifest(manifest));

const longNameEvent = generateWebinarData({
  id: LONG_NAME_EVENT_ID,
  seed: 11,
  registrants: 150,
  noShowRate: 0.5,
  name: 'Quarterly product roadmap deep-dive for enterprise administrators, partners and the extended customer-success organisation (EMEA, APAC and Americas editions)',
  timeZone: 'Europe/Amsterdam',
});

const preview: Preview = {
  // The Service Worker starts once; every rendered story then gets a backend of its own (its
  // clock, fault and latency under its own base URL: see stories/story-kit.ts).
  async beforeAll() {
    await startStoryBackend([longNameEvent]);
  },
  parameters: {
    // Every story is an axe check in the story tests: a violation fails the test.
    a11y: { test: 'error' },
    controls: { expanded: true, sort: 'requiredFirst' },
    layout: 'fullscreen',
    docs: { toc: true },
  },
  tags: ['autodocs'],
};

export default preview;
