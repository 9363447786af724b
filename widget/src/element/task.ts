// A host-bound async task (after Lit's @lit/task, kept to what the picker needs): run(args) aborts
// the previous run, keeps status / value / error, and asks the host to render when it settles.
// A run aborted by a newer one or by the host leaving the page leaves no trace.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { isAbort } from '../api/client.js';

export type TaskStatus = 'initial' | 'pending' | 'complete' | 'error';

export class Task<A, R> implements ReactiveController {
  status: TaskStatus = 'initial';
  value: R | undefined;
  error: unknown;
  /** The arguments of the last run (undefined before the first and after an abort). */
  args: A | undefined;
  private ctrl: AbortController | undefined;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly fn: (args: A, signal: AbortSignal) => Promise<R>,
  ) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.abort();
  }

  /** Stop the run in flight; the next run() starts afresh. */
  abort(): void {
    if (!this.ctrl) return;
    this.ctrl.abort();
    this.ctrl = undefined;
    this.args = undefined;
    if (this.status === 'pending') this.status = 'initial';
  }

  /** Resolves with the value, or undefined when the run failed or was superseded (see status / error). */
  async run(args: A): Promise<R | undefined> {
    this.ctrl?.abort();
    const ctrl = (this.ctrl = new AbortController());
    this.args = args;
    this.status = 'pending';
    this.host.requestUpdate();
    try {
      const value = await this.fn(args, ctrl.signal);
      if (this.ctrl !== ctrl) return undefined;
      this.value = value;
      this.error = undefined;
      this.status = 'complete';
      return value;
    } catch (e) {
      if (this.ctrl !== ctrl) return undefined;
      if (isAbort(e)) {
        this.status = 'initial';
        return undefined;
      }
      this.error = e;
      this.status = 'error';
      return undefined;
    } finally {
      if (this.ctrl === ctrl) {
        this.ctrl = undefined;
        this.host.requestUpdate();
      }
    }
  }
}
