// Fault scenarios set through POST /__sandbox/scenario: "the next 3 Nova Poshta calls answer 503".

export interface FaultSpec {
  latencyMs?: number;
  status?: number;
  malformed?: boolean;
  drop?: boolean;
  /** The route runs (the carrier commits), then the connection drops: the caller never learns the outcome. */
  commitThenDrop?: boolean;
}

export interface Scenario extends FaultSpec {
  id: string;
  /** "nova-poshta" | "russian-post" | "feed" | a path prefix such as "/api/v1/tiles". */
  match: string;
  /** Requests still to be affected; undefined = until DELETE. */
  remaining?: number;
  /** Share of matching requests affected (0-1, default 1); only affected requests count towards `remaining`. */
  probability?: number;
  /** How many requests this scenario has affected so far. */
  applied: number;
}

/** Named areas of the sandbox, by path prefix. */
export const FAULT_AREAS: Readonly<Record<string, string>> = {
  'nova-poshta': '/carriers/nova-poshta/',
  'russian-post': '/carriers/russian-post/',
  feed: '/api/v1/',
};

export function matchesArea(match: string, pathname: string): boolean {
  const prefix = FAULT_AREAS[match] ?? match;
  return pathname.startsWith(prefix);
}

export class FaultStore {
  private scenarios: Scenario[] = [];
  private counter = 0;

  constructor(private readonly random: () => number = Math.random) {}

  add(input: FaultSpec & { match: string; times?: number | undefined; probability?: number | undefined }): Scenario {
    const { times, probability, ...rest } = input;
    const scenario: Scenario = { ...rest, id: `s${++this.counter}`, applied: 0 };
    if (times !== undefined) scenario.remaining = times;
    if (probability !== undefined && probability < 1) scenario.probability = probability;
    this.scenarios.push(scenario);
    return scenario;
  }

  /** Remove every scenario, or only those with the given match; returns how many were removed. */
  clear(match?: string): number {
    const before = this.scenarios.length;
    this.scenarios = match === undefined ? [] : this.scenarios.filter((s) => s.match !== match);
    return before - this.scenarios.length;
  }

  list(): Scenario[] {
    return this.scenarios.map((s) => ({ ...s }));
  }

  /** The first scenario matching this path, counted as used (a "times" scenario expires after its last use). */
  take(pathname: string): FaultSpec | null {
    // Each matching scenario in turn rolls its own dice: a 10% drop and a 20% 503 on one area compose.
    const scenario = this.scenarios.find((s) => matchesArea(s.match, pathname) && (s.probability === undefined || this.random() < s.probability));
    if (!scenario) return null;
    scenario.applied += 1;
    if (scenario.remaining !== undefined) {
      scenario.remaining -= 1;
      if (scenario.remaining <= 0) this.scenarios = this.scenarios.filter((s) => s !== scenario);
    }
    const { id: _id, match: _match, remaining: _remaining, probability: _probability, applied: _applied, ...spec } = scenario;
    return spec;
  }
}
