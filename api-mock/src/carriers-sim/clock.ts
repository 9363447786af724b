// The carriers' simulated clock: shipments move on it. It runs `speed` times faster than the sandbox clock
// and can be pushed forward (POST /__sandbox/clock), so a demo or a test sees a parcel delivered in seconds.
export interface SimClock {
  now(): Date;
  /** Jump forward (never back: carrier timelines only grow). */
  advance(ms: number): void;
  readonly speed: number;
  setSpeed(speed: number): void;
}

/** What a clock needs to carry on after a restart as if it had kept running. */
export interface SimClockState {
  anchorReal: number;
  anchorSim: number;
  speed: number;
}

/**
 * `restore`: the last saved state (the simulated time continues from it; a new `speed` applies from now).
 * `persist`: called with the new state after every advance or speed change.
 */
export function createSimClock(base: () => Date, speed = 1, restore?: SimClockState, persist?: (s: SimClockState) => void): SimClock {
  let anchorReal = base().getTime();
  let anchorSim = anchorReal;
  let factor = speed;
  if (restore) {
    // Continue the old timeline: carriers' shipments must never move back in time across a restart.
    anchorSim = Math.max(anchorReal, restore.anchorSim + (anchorReal - restore.anchorReal) * restore.speed);
  }
  const save = () => persist?.({ anchorReal, anchorSim, speed: factor });
  // Saved at once, so a restart continues even a clock that was never pushed (it ran `speed` times faster).
  save();
  const now = (): Date => new Date(anchorSim + (base().getTime() - anchorReal) * factor);
  return {
    now,
    advance(ms: number) {
      if (!(ms > 0)) return;
      const current = now().getTime();
      anchorReal = base().getTime();
      anchorSim = current + ms;
      save();
    },
    get speed() {
      return factor;
    },
    setSpeed(next: number) {
      if (!(next > 0)) throw new RangeError('speed must be positive');
      anchorSim = now().getTime();
      anchorReal = base().getTime();
      factor = next;
      save();
    },
  };
}
