// The carriers' simulated clock: shipments move on it. It runs `speed` times faster than the sandbox clock
// and can be pushed forward (POST /__sandbox/clock), so a demo or a test sees a parcel delivered in seconds.
export interface SimClock {
  now(): Date;
  /** Jump forward (never back: carrier timelines only grow). */
  advance(ms: number): void;
  readonly speed: number;
  setSpeed(speed: number): void;
}

export function createSimClock(base: () => Date, speed = 1): SimClock {
  let anchorReal = base().getTime();
  let anchorSim = anchorReal;
  let factor = speed;
  const now = (): Date => new Date(anchorSim + (base().getTime() - anchorReal) * factor);
  return {
    now,
    advance(ms: number) {
      if (!(ms > 0)) return;
      const current = now().getTime();
      anchorReal = base().getTime();
      anchorSim = current + ms;
    },
    get speed() {
      return factor;
    },
    setSpeed(next: number) {
      if (!(next > 0)) throw new RangeError('speed must be positive');
      anchorSim = now().getTime();
      anchorReal = base().getTime();
      factor = next;
    },
  };
}
