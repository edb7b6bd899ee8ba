/*
 * Storybook's Docs tables and controls come from custom-elements.json through
 * .storybook/public-manifest.ts: each element's public API, never its internals (issue #16,
 * item 9: the tables listed `#size`, `#consumer`, `task`, `draft`, `sourceProblem`, `#internals`).
 */
import { describe, expect, it } from 'vitest';
import manifest from '../../custom-elements.json' with { type: 'json' };
import { publicManifest } from '../../.storybook/public-manifest.ts';

interface Declaration {
  tagName?: string;
  members?: { name: string; kind: string }[];
}

function members(of: object): Map<string, string[]> {
  const byTag = new Map<string, string[]>();
  for (const module of (of as { modules: { declarations?: Declaration[] }[] }).modules) {
    for (const declaration of module.declarations ?? []) {
      if (declaration.tagName) byTag.set(declaration.tagName, (declaration.members ?? []).map((member) => member.name));
    }
  }
  return byTag;
}

describe('the manifest Storybook sees', () => {
  const shown = members(publicManifest(manifest));

  it('lists what a page sets on each element', () => {
    expect(shown.get('odw-data-provider')).toEqual(['adapter', 'eventId', 'now', 'locale']);
    for (const tag of ['odw-event-mode-picker', 'odw-on-demand-statistics', 'odw-on-demand-summary', 'odw-program-funnel', 'odw-audience-list']) {
      expect(shown.get(tag)).toEqual(expect.arrayContaining(['adapter', 'eventId', 'now', 'locale', 'theme', 'strings']));
    }
    expect(shown.get('odw-event-mode-picker')).toEqual(expect.arrayContaining(['name', 'disabled', 'criteria', 'value']));
    expect(shown.get('odw-on-demand-summary')).toEqual(expect.arrayContaining(['from', 'to', 'days', 'showRewatches', 'showTable']));
  });

  it('only public, writable fields: nothing private, protected, static or read-only', () => {
    for (const module of (publicManifest(manifest) as { modules: { declarations?: { members?: Record<string, unknown>[] }[] }[] }).modules) {
      for (const declaration of module.declarations ?? []) {
        for (const member of declaration.members ?? []) {
          expect(member, String(member['name'])).toMatchObject({ kind: 'field' });
          expect(member['privacy'] ?? 'public').toBe('public');
          expect(member['static'] ?? false).toBe(false);
          expect(member['readonly'] ?? false).toBe(false);
          expect(String(member['name'])).not.toMatch(/^#/);
        }
      }
    }
  });

  it('no internals', () => {
    for (const names of shown.values()) {
      for (const internal of ['#size', '#consumer', '#internals', 'task', 'draft', 'sourceProblem', 'context', 'catalog', 'clock', 'source', 'formAssociated']) {
        expect(names).not.toContain(internal);
      }
    }
  });

  it('leaves the rest of the manifest as it is', () => {
    expect(publicManifest(manifest).schemaVersion).toBe(manifest.schemaVersion);
    expect(members(manifest).get('odw-on-demand-summary')).toContain('#size');
  });
});
