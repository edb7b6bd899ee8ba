import { describe, expect, it } from 'vitest';
import { buildScenario, SCENARIO_NAMES, scenarioEvent } from './scenarios.ts';

describe('scenarioEvent', () => {
  it.each(SCENARIO_NAMES.filter((name) => name !== 'huge'))('%s: the event buildScenario generates, without generating', (name) => {
    expect(scenarioEvent(name)).toEqual(buildScenario(name).event);
    const now = new Date('2027-01-05T09:30:00Z');
    expect(scenarioEvent(name, { now })).toEqual(buildScenario(name, { now }).event);
  });

  it('huge: named and timed without generating its 200 000 registrants', () => {
    expect(scenarioEvent('huge')).toMatchObject({ id: 'huge', name: 'Global all-hands (200 000 registrants)', timeZone: 'America/New_York' });
  });
});
