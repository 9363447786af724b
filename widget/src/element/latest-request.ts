// One request at a time (starting one aborts the last) and one pending debounced run; both
// stop when the element leaves the document.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export class LatestRequest implements ReactiveController {
  private ctrl: AbortController | undefined;
  private timer: ReturnType<typeof setTimeout> | undefined;

  constructor(host: ReactiveControllerHost) {
    host.addController(this);
  }

  hostDisconnected(): void {
    this.abort();
    clearTimeout(this.timer);
  }

  abort(): void {
    this.ctrl?.abort();
  }

  /** Abort the last request; the returned controller is the current one until the next call. */
  next(): AbortController {
    this.abort();
    return (this.ctrl = new AbortController());
  }

  isCurrent(ctrl: AbortController): boolean {
    return this.ctrl === ctrl;
  }

  /** Run `then` after `delay` ms, replacing any run still waiting. */
  debounce(then: () => void, delay: number): void {
    clearTimeout(this.timer);
    this.timer = setTimeout(then, delay);
  }
}
