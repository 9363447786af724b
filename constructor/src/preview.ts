// The live preview: one <branch-picker> that receives every new valid config through its
// `config` property. Invalid form states never get here, so the last valid config stays.
import type { WidgetConfig } from '../../widget/src/model/config.js';

export interface PreviewEvent {
  type: string;
  text: string;
}

/** The part of the element the preview uses; the widget's own class is not imported here. */
interface PickerLike extends HTMLElement {
  config?: WidgetConfig;
}

const EVENTS = ['bp-ready', 'bp-select', 'bp-change', 'bp-error'] as const;

function describe(type: string, detail: unknown): string {
  if (typeof detail !== 'object' || detail === null) return type;
  const d = detail as { branch?: { name?: unknown; carrier?: unknown }; message?: unknown; code?: unknown };
  if (d.branch && typeof d.branch.name === 'string') {
    return `${type}: ${d.branch.name}${typeof d.branch.carrier === 'string' ? ` (${d.branch.carrier})` : ''}`;
  }
  if (typeof d.message === 'string') return `${type}: ${typeof d.code === 'string' ? `[${d.code}] ` : ''}${d.message}`;
  return type;
}

/** The map's starting view: the widget reads it once, so a change needs a fresh element. */
const initialView = (c: WidgetConfig): string => JSON.stringify([c.center ?? null, c.zoom ?? null]);

export class Preview {
  private el: PickerLike | undefined;
  private host: HTMLElement | undefined;
  private applied = '';
  private appliedView = '';
  private pending: WidgetConfig | undefined;

  constructor(private readonly onEvent: (e: PreviewEvent) => void) {}

  /** Create the element inside `host` once <branch-picker> is defined. */
  async mount(host: HTMLElement): Promise<void> {
    await customElements.whenDefined('branch-picker');
    this.host = host;
    this.el = this.create();
    if (this.pending) this.apply(this.pending);
  }

  private create(): PickerLike {
    const el = document.createElement('branch-picker') as PickerLike;
    for (const type of EVENTS) {
      el.addEventListener(type, (e) => this.onEvent({ type, text: describe(type, (e as CustomEvent<unknown>).detail) }));
    }
    this.host?.replaceChildren(el);
    return el;
  }

  /** Give the widget a new config; identical configs are skipped so the map is not reset. */
  apply(config: WidgetConfig): void {
    this.pending = config;
    if (!this.el) return;
    const key = JSON.stringify(config);
    if (key === this.applied) return;
    const view = initialView(config);
    if (this.applied && view !== this.appliedView) this.el = this.create();
    this.applied = key;
    this.appliedView = view;
    this.el.config = structuredClone(config);
  }
}
