/* Story tests fail on any console error a story logs (a broken story must not pass quietly). */
import { afterEach, beforeEach, expect, vi } from 'vitest';

let errors: string[] = [];

beforeEach(() => {
  errors = [];
  vi.spyOn(console, 'error').mockImplementation((...parts: unknown[]) => {
    errors.push(parts.map(String).join(' '));
  });
});

afterEach(() => {
  vi.restoreAllMocks();
  expect(errors, 'console errors logged by the story').toEqual([]);
});
