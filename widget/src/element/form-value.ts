// Form association: the committed point id is the form value (under `name`, and the order the order
// step created under `{name}_order`), and `required`
// makes an empty choice invalid. Synced after each render that changed any of them.
import type { ReactiveController, ReactiveControllerHost } from 'lit';

export interface FormValueOptions {
  value(): string | undefined;
  /** The order the order step created for it, submitted as `{name}_order`. */
  orderId(): string | undefined;
  name(): string;
  required(): boolean;
  /** The "choose a point" message, in the buyer's language. */
  message(): string;
  /** Where the browser points its validation bubble. */
  anchor(): HTMLElement | undefined;
}

export class FormValue implements ReactiveController {
  private last: string | undefined;

  constructor(host: ReactiveControllerHost, private readonly internals: ElementInternals, private readonly o: FormValueOptions) {
    host.addController(this);
  }

  hostUpdated(): void {
    const { o, internals } = this;
    const id = o.value();
    const order = id ? o.orderId() : undefined;
    const key = `${id}|${order}|${o.name()}|${o.required()}|${o.message()}`;
    if (key === this.last) return;
    this.last = key;
    if (id) {
      const data = new FormData();
      data.append(o.name(), id);
      if (order) data.append(`${o.name()}_order`, order);
      internals.setFormValue(data, id);
    } else internals.setFormValue(null);
    if (o.required() && !id) internals.setValidity({ valueMissing: true }, o.message(), o.anchor());
    else internals.setValidity({});
  }
}
