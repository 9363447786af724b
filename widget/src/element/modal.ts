// mode="modal": the <dialog> around the picker. Keeps whether it is open (the picker and its map
// exist only then), moves focus in (the search box) and back (the trigger), and tells the page.
import type { LitElement, ReactiveController } from 'lit';
import { BpCloseEvent, BpOpenEvent } from './events.js';

export interface ModalOptions {
  /** mode="modal" is set. */
  enabled(): boolean;
  /** The dialog closed: drop what lives only inside it (the map). */
  closed(): void;
  /** A point is committed (bp-close tells the page). */
  chosen(): boolean;
}

export class ModalController implements ReactiveController {
  isOpen = false;

  constructor(private readonly host: LitElement, private readonly o: ModalOptions) {
    host.addController(this);
  }

  hostUpdated(): void {
    // Lets page CSS size the inline and the modal picker apart.
    if (this.o.enabled()) this.host.setAttribute('data-bp-mode', 'modal');
    else this.host.removeAttribute('data-bp-mode');
  }

  async open(): Promise<void> {
    if (!this.o.enabled()) return;
    const { host } = this;
    await host.updateComplete;
    const dialog = this.dialog();
    if (!dialog || dialog.open) return;
    dialog.showModal();
    this.isOpen = true;
    host.requestUpdate();
    host.dispatchEvent(new BpOpenEvent());
    await host.updateComplete;
    // Start where the buyer most likely begins: the search box.
    host.renderRoot.querySelector<HTMLInputElement>('dialog input[role="combobox"]')?.focus();
  }

  close(): void {
    const dialog = this.dialog();
    if (dialog?.open) dialog.close();
  }

  /** The dialog's close event (the close button, Escape, or close()). */
  readonly onClose = (): void => {
    this.isOpen = false;
    this.o.closed();
    this.host.requestUpdate();
    this.host.dispatchEvent(new BpCloseEvent(this.o.chosen()));
    this.host.renderRoot.querySelector<HTMLElement>('.trigger')?.focus();
  };

  private dialog(): HTMLDialogElement | null {
    return this.host.renderRoot.querySelector('dialog');
  }
}
