/**
 * Mock data and a mock backend: a seeded dataset generator, named scenarios, MSW handlers for
 * the REST contract and fault handlers. Works in Node tests, the browser, Storybook and the demo.
 *
 * @example
 * import { setupServer } from 'msw/node';
 * import { faultHandlers, restHandlers } from 'on-demand-webinar-widgets/mocks';
 * const server = setupServer(...restHandlers({ baseUrl: 'https://api.example.test' }));
 * server.use(...faultHandlers('unavailable-then-ok', { baseUrl: 'https://api.example.test' }));
 */
export { generateWebinarData, REFERENCE_NOW, reportedThroughAt, startOfDay, type GeneratedWebinar, type GenerateOptions } from './generate.ts';
export { buildScenario, isScenarioName, SCENARIO_NAMES, scenarioData, type ScenarioName, type ScenarioOptions } from './scenarios.ts';
export { problem, problemResponse, restHandlers, type RestHandlerOptions } from './handlers.ts';
export { faultHandlers, FAULTS, type Fault, type FaultOptions } from './faults.ts';
export { seededRandom, seedOf, type Random } from './random.ts';
