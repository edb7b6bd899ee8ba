import { setCustomElementsManifest } from '@storybook/web-components';
import type { Preview } from '@storybook/web-components-vite';
import manifest from '../custom-elements.json';
import { generateWebinarData, type Fault } from '../mocks/index.ts';
import { startMockBackend, type MockBackend } from '../mocks/mock-backend.ts';
import { LONG_NAME_EVENT_ID, storyNow, type StoryArgs } from '../stories/story-kit.ts';

// Controls and docs tables come from the elements' JSDoc, via the Custom Elements Manifest.
setCustomElementsManifest(manifest);

let backend: MockBackend | undefined;

const longNameEvent = generateWebinarData({
  id: LONG_NAME_EVENT_ID,
  seed: 11,
  registrants: 150,
  noShowRate: 0.5,
  name: 'Quarterly product roadmap deep-dive for enterprise administrators, partners and the extended customer-success organisation (EMEA, APAC and Americas editions)',
  timeZone: 'Europe/Amsterdam',
});

const preview: Preview = {
  // The Service Worker starts once; each story then sets the backend's clock and fault.
  async beforeAll() {
    backend = await startMockBackend({ baseUrl: '/api', events: [longNameEvent] });
  },
  beforeEach({ args }) {
    const storyArgs = args as Partial<StoryArgs>;
    backend?.setNow(storyNow({ clockDays: storyArgs.clockDays ?? 0 }));
    const fault = storyArgs.fault && storyArgs.fault !== 'none' ? (storyArgs.fault as Fault) : undefined;
    backend?.setFault(fault, fault === 'slow' ? { delayMs: 60_000 } : {});
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
