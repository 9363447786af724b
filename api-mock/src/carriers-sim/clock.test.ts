import { describe, expect, it } from 'vitest';
import { createSandboxContext } from '../context.js';
import { FIXTURE_DATASET } from '../test-support/fixture.js';
import { createSimClock, type SimClockState } from './clock.js';
import { memoryJournal } from './journal.js';

const MIN = 60_000;

describe('SimClock', () => {
  it('runs speed times faster than its base and only jumps forward', () => {
    let real = Date.parse('2026-12-01T00:00:00Z');
    const clock = createSimClock(() => new Date(real), 60);
    real += MIN;
    expect(clock.now().toISOString()).toBe('2026-12-01T01:00:00.000Z');
    clock.advance(24 * 60 * MIN);
    expect(clock.now().toISOString()).toBe('2026-12-02T01:00:00.000Z');
    clock.advance(-5 * MIN);
    expect(clock.now().toISOString()).toBe('2026-12-02T01:00:00.000Z');
    clock.setSpeed(1);
    real += MIN;
    expect(clock.now().toISOString()).toBe('2026-12-02T01:01:00.000Z');
  });

  it('continues its timeline after a restart, as if it had kept running', () => {
    let real = Date.parse('2026-12-01T00:00:00Z');
    const saved: SimClockState[] = [];
    const first = createSimClock(() => new Date(real), 60, undefined, (s) => saved.push(s));
    real += 10 * MIN; // 10 real minutes = 10 simulated hours
    first.advance(2 * 24 * 60 * MIN);
    expect(first.now().toISOString()).toBe('2026-12-03T10:00:00.000Z');
    real += MIN; // down for a minute
    const second = createSimClock(() => new Date(real), 60, saved.at(-1));
    expect(second.now().toISOString()).toBe('2026-12-03T11:00:00.000Z');
  });

  it('is restored from the sandbox journal by a new context', () => {
    const journal = memoryJournal();
    let real = Date.parse('2026-12-01T00:00:00Z');
    const a = createSandboxContext({ dataset: FIXTURE_DATASET, now: () => new Date(real), journal, carrierSpeed: 1 });
    a.carrierClock.advance(3 * 24 * 60 * MIN);
    real += MIN;
    const b = createSandboxContext({ dataset: FIXTURE_DATASET, now: () => new Date(real), journal, carrierSpeed: 1 });
    expect(b.carrierClock.now().toISOString()).toBe('2026-12-04T00:01:00.000Z');
  });
});
