// What the buyer is looking at and what they chose: the highlighted point, the committed one, the
// details panel, and the request for a point that is not in the list (a map marker, a search hit,
// `selected`, a restored form). Changes re-render the host.
import type { ReactiveControllerHost } from 'lit';
import { isAbort } from '../api/client.js';
import type { Branch } from '../model/index.js';
import { errorCode, errorMessage } from './error-detail.js';
import type { ErrorDetail } from './events.js';
import { Task } from './task.js';

export interface SelectionOptions {
  fetchPoint(id: string, signal: AbortSignal): Promise<Branch>;
  report(detail: ErrorDetail): void;
}

export class SelectionController {
  /** Highlighted in the list and on the map (details show it). */
  current: Branch | undefined;
  /** Confirmed: the form value and bp-change. */
  committed: Branch | undefined;
  details = false;
  /** The details panel waits for a point that is not in the list. */
  detailsLoading = false;
  /** One point request at a time: the buyer's latest click wins. */
  readonly point: Task<string, Branch>;

  constructor(private readonly host: ReactiveControllerHost, o: SelectionOptions) {
    this.point = new Task(host, (id, signal) => o.fetchPoint(id, signal).catch((e: unknown) => {
      if (!isAbort(e)) o.report({ code: errorCode(e), message: errorMessage(e) });
      throw e;
    }));
  }

  /** A point by id: from the list when there, else from the API (undefined when it failed). */
  async find(id: string, known: readonly Branch[]): Promise<Branch | undefined> {
    return known.find((b) => b.id === id) ?? (await this.point.run(id));
  }

  set(patch: Partial<Pick<SelectionController, 'current' | 'committed' | 'details' | 'detailsLoading'>>): void {
    Object.assign(this, patch);
    this.host.requestUpdate();
  }

  /** A form reset forgets the choice. */
  reset(): void {
    this.set({ current: undefined, committed: undefined, details: false });
  }
}
