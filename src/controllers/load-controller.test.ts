import { LitElement } from 'lit';
import { afterEach, describe, expect, it } from 'vitest';
import { cleanup, mount } from '../../test/fixtures/dom.ts';
import { LoadController } from './load-controller.ts';

interface Pending {
  input: string;
  signal: AbortSignal;
  resolve: (value: string) => void;
  reject: (error: unknown) => void;
}

class LoadProbe extends LitElement {
  input: string | undefined;
  readonly runs: Pending[] = [];
  readonly load = new LoadController(
    this,
    ([input], signal) =>
      input === undefined
        ? undefined
        : new Promise<string>((resolve, reject) => this.runs.push({ input, signal, resolve, reject })),
    () => [this.input] as const,
  );
}
customElements.define('odw-load-probe', LoadProbe);

afterEach(cleanup);

async function probe(input?: string): Promise<LoadProbe> {
  const element = document.createElement('odw-load-probe') as LoadProbe;
  element.input = input;
  mount(element);
  await element.updateComplete;
  return element;
}

describe('LoadController', () => {
  it('stays initial while there is nothing to load', async () => {
    const element = await probe();
    expect(element.load.status).toBe('initial');
    expect(element.runs).toHaveLength(0);
  });

  it('runs when its inputs change, aborts the run they replaced, and ignores its late answer', async () => {
    const element = await probe('a');
    expect(element.load.status).toBe('pending');
    element.input = 'b';
    element.requestUpdate();
    await element.updateComplete;
    const [first, second] = element.runs;
    expect(first?.signal.aborted).toBe(true);
    expect(second?.signal.aborted).toBe(false);
    second?.resolve('B');
    first?.resolve('A');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(element.load.status).toBe('complete');
    expect(element.load.value).toBe('B');
  });

  it('does not run again for the same inputs', async () => {
    const element = await probe('a');
    element.requestUpdate();
    await element.updateComplete;
    expect(element.runs).toHaveLength(1);
  });

  it('keeps the last value while a new run is pending, and reports a failure', async () => {
    const element = await probe('a');
    element.runs[0]?.resolve('A');
    await new Promise((resolve) => setTimeout(resolve, 0));
    void element.load.run();
    expect(element.load.status).toBe('pending');
    expect(element.load.value).toBe('A');
    element.runs[1]?.reject(new Error('down'));
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(element.load.status).toBe('error');
    expect((element.load.error as Error).message).toBe('down');
    expect(element.load.render({ initial: () => 'i', pending: () => 'p', complete: (value) => value, error: () => 'e' })).toBe('e');
  });

  it('abort() aborts a pending run', async () => {
    const element = await probe('a');
    element.load.abort();
    expect(element.runs[0]?.signal.aborted).toBe(true);
  });

  it('abort() after a run completed stops what it left going (its signal), and keeps its value', async () => {
    const element = await probe('a');
    element.runs[0]?.resolve('A');
    await new Promise((resolve) => setTimeout(resolve, 0));
    expect(element.load.status).toBe('complete');
    element.load.abort();
    expect(element.runs[0]?.signal.aborted).toBe(true);
    expect(element.load.status).toBe('complete');
    expect(element.load.value).toBe('A');
  });
});
