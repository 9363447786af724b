// The live preview: one <branch-picker> that receives every new valid config through its
// `config` property. Invalid form states never get here, so the last valid config stays.
import type { WidgetConfig } from '../../widget/src/model/config.js';

/** Every event the widget emits; bp-order comes with the order step. */
export const PREVIEW_EVENTS = ['bp-ready', 'bp-select', 'bp-change', 'bp-error', 'bp-open', 'bp-close', 'bp-order'] as const;
export type PreviewEventType = (typeof PREVIEW_EVENTS)[number];

export interface PreviewEvent {
  /** Increasing number, for keyed rendering. */
  seq: number;
  type: PreviewEventType;
  at: Date;
  /** The detail in one line (carrier data included: rendered as text only). */
  summary: string;
  /** bp-close: whether a point was chosen. */
  committed?: boolean;
}

/** The part of the element the preview uses; the widget's own class is not imported here. */
interface PickerLike extends HTMLElement {
  config?: WidgetConfig;
}

const str = (v: unknown): string | undefined => (typeof v === 'string' && v !== '' ? v : undefined);
const rec = (v: unknown): Record<string, unknown> | undefined =>
  typeof v === 'object' && v !== null && !Array.isArray(v) ? (v as Record<string, unknown>) : undefined;

function money(quote: Record<string, unknown> | undefined): string | undefined {
  const total = quote?.total;
  const currency = str(quote?.currency);
  return typeof total === 'number' && currency ? `${(total / 100).toFixed(2)} ${currency}` : undefined;
}

/** One line per event, from an untrusted detail: unknown shapes give an empty summary, never a throw. */
export function summarize(type: PreviewEventType, detail: unknown): Omit<PreviewEvent, 'seq' | 'at' | 'type'> {
  const d = rec(detail);
  if (type === 'bp-close') return { summary: '', committed: d?.committed === true };
  if (type === 'bp-select' || type === 'bp-change') {
    const b = rec(d?.branch);
    const parts = [str(b?.name), str(b?.carrier) && `(${str(b?.carrier)})`, str(b?.id) && `#${str(b?.id)}`].filter(Boolean);
    const price = money(rec(d?.quote));
    return { summary: [parts.join(' '), price].filter(Boolean).join(' · ') };
  }
  if (type === 'bp-error') return { summary: [str(d?.code) && `[${str(d?.code)}]`, str(d?.field), str(d?.message)].filter(Boolean).join(' ') };
  if (type === 'bp-order') {
    return { summary: [str(d?.orderId), str(d?.status), str(d?.trackNumber), money(rec(d?.quote))].filter(Boolean).join(' · ') };
  }
  return { summary: '' };
}

/** The map's starting view: the widget reads it once, so a change needs a fresh element. */
const initialView = (c: WidgetConfig): string => JSON.stringify([c.center ?? null, c.zoom ?? null]);

export class Preview {
  private el: PickerLike | undefined;
  private host: HTMLElement | undefined;
  private applied = '';
  private appliedView = '';
  private pending: WidgetConfig | undefined;
  private seq = 0;

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
    for (const type of PREVIEW_EVENTS) {
      el.addEventListener(type, (e) => {
        this.onEvent({ seq: ++this.seq, type, at: new Date(), ...summarize(type, (e as CustomEvent<unknown>).detail) });
      });
    }
    this.host?.replaceChildren(el);
    return el;
  }

  /**
   * A fresh element with the same config: the widget resolves an automatic language once, when
   * it connects, so a change of the page's language needs a new one.
   */
  recreate(): void {
    if (!this.el) return;
    this.el = this.create();
    if (this.applied) this.el.config = JSON.parse(this.applied) as WidgetConfig;
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
