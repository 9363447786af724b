// The order step (order="…"): loads the on-demand step once the shop turns it on, finds an order
// intent a reload or a closed tab left pending (and shows the step to finish it), and keeps whether
// the step is showing and the last order it created. The step itself submits; the element renders it.
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { CreatedOrder } from '../model/order.js';
import type { OrderStepModule } from '../order-step/module.js';
import { errorMessage } from './error-detail.js';
import type { ErrorDetail } from './events.js';

export interface OrderControllerOptions {
  load(): Promise<OrderStepModule>;
  /** The widget orders come through: undefined while the order step is off. */
  configId(): string | undefined;
  report(detail: ErrorDetail): void;
}

export class OrderController implements ReactiveController {
  module: OrderStepModule | undefined;
  /** The step is on screen (after a confirm, or to finish a pending intent). */
  open = false;
  /** It was opened to finish an intent left pending. */
  resume = false;
  /** The last order the step created. */
  created: CreatedOrder | undefined;
  private loadingFor: string | undefined;

  constructor(private readonly host: ReactiveControllerHost, private readonly o: OrderControllerOptions) {
    host.addController(this);
  }

  hostUpdated(): void {
    const id = this.o.configId();
    if (!id || this.loadingFor === id) return;
    this.loadingFor = id;
    this.o.load().then(
      async (m) => {
        m.defineOrderStep();
        this.module = m;
        // A pending intent is finished before anything else: a reload must not lose or repeat an order.
        if (await m.pendingOrder(id)) this.show(true);
        else this.host.requestUpdate();
      },
      (e: unknown) => {
        this.loadingFor = undefined;
        this.o.report({ code: 'network', message: `order step unavailable: ${errorMessage(e)}` });
      },
    );
  }

  show(resume = false): void {
    this.open = true;
    this.resume = resume;
    this.host.requestUpdate();
  }

  hide(): void {
    this.open = false;
    this.resume = false;
    this.host.requestUpdate();
  }

  done(order: CreatedOrder): void {
    this.created = order;
    this.resume = false;
    this.host.requestUpdate();
  }
}
