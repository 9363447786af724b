// The element's effective settings: attributes and properties over the config (given as a property
// or loaded by config-id) over the defaults, plus the parcel and the origin. Owns the config request;
// the element reads only the validated values kept here.
import type { ReactiveControllerHost } from 'lit';
import { ApiError, isAbort } from '../api/client.js';
import type { Origin, Parcel, WidgetConfig } from '../model/index.js';
import { errorCode, errorMessage } from './error-detail.js';
import type { ErrorDetail } from './events.js';
import { resolveParcel } from './parcel-input.js';
import { ATTRIBUTES, DOM_ATTRIBUTES, PARCEL_ATTRIBUTES, parseConfig, resolveSettings, type Settings } from './settings.js';
import { SPEC, type ParcelAttribute, type SettingAttribute } from './settings-table.js';
import { Task } from './task.js';

/** What the controller reads from the element: its attributes, properties and config. */
export interface SettingsHost extends ReactiveControllerHost {
  getAttribute(name: string): string | null;
  readonly config: WidgetConfig | undefined;
  readonly parcel: Parcel | undefined;
  readonly origin: Origin | string | null | undefined;
  readonly required: boolean;
  readonly order: boolean;
}

export interface SettingsOptions {
  fetchConfig(id: string, signal: AbortSignal): Promise<unknown>;
  report(detail: ErrorDetail): void;
}

export class SettingsController {
  settings: Settings = resolveSettings({}).settings;
  /** The validated config (property, else loaded by config-id); bad fields already left out. */
  config: WidgetConfig | undefined;
  parcel: Parcel | undefined;
  origin: Origin | undefined;
  /** The config loaded by config-id. */
  readonly loaded: Task<string, WidgetConfig | undefined>;
  /** Inputs of the last resolve: nothing is recomputed when none changed. */
  private last: unknown[] = [];

  constructor(private readonly host: SettingsHost, private readonly o: SettingsOptions) {
    this.loaded = new Task(host, async (id, signal) => {
      try {
        const { config, issues } = parseConfig(await o.fetchConfig(id, signal));
        for (const i of issues) o.report({ code: 'invalid-config', message: i.message, field: i.field });
        return config;
      } catch (e) {
        const notFound = e instanceof ApiError && e.code === 'not-found';
        if (!isAbort(e)) {
          o.report({ code: notFound ? 'config-not-found' : errorCode(e), message: notFound ? `config "${id}" not found` : errorMessage(e), field: 'config-id' });
        }
        throw e;
      }
    });
  }

  /** False while a config-id's config loads: the map waits, it may move the centre or change the layout. */
  get ready(): boolean {
    return !(this.settings.configId && !this.host.config && this.loaded.status === 'pending');
  }

  /**
   * Recompute from the element's current inputs; loads a config-id's config when it changed. The
   * element calls it first thing in willUpdate: a controller's hostUpdate would run after willUpdate,
   * and everything the element derives there needs the settings of this update.
   */
  resolve(): void {
    const h = this.host;
    const raw = (a: SettingAttribute | ParcelAttribute): string | null => {
      if (DOM_ATTRIBUTES.includes(a)) return h.getAttribute(a);
      const v = (h as unknown as Record<string, unknown>)[SPEC[a].prop];
      if (SPEC[a].boolean) return v ? '' : null;
      return v == null || typeof v === 'object' ? null : String(v);
    };
    const inputs = [...ATTRIBUTES.map(raw), ...PARCEL_ATTRIBUTES.map(raw), h.config, h.parcel, h.origin, this.loaded.value];
    if (inputs.length === this.last.length && inputs.every((v, i) => v === this.last[i])) return;
    this.last = inputs;
    // A config-id's config was validated (and its bad fields reported) when it loaded.
    const cfg = h.config ? parseConfig(h.config) : { config: this.loaded.value, issues: [] };
    for (const i of cfg.issues) this.o.report({ code: 'invalid-config', message: i.message, field: i.field });
    const attrs: Partial<Record<SettingAttribute, string | null>> = {};
    ATTRIBUTES.forEach((a, i) => (attrs[a] = inputs[i] as string | null));
    const pAttrs: Partial<Record<ParcelAttribute, string | null>> = {};
    PARCEL_ATTRIBUTES.forEach((a, i) => (pAttrs[a] = inputs[ATTRIBUTES.length + i] as string | null));
    const { settings, issues } = resolveSettings(attrs, cfg.config);
    const p = resolveParcel({
      attrs: pAttrs,
      parcelProp: h.parcel,
      originProp: typeof h.origin === 'object' && h.origin ? h.origin : undefined,
      configParcel: cfg.config?.parcel,
      configOrigin: cfg.config?.origin,
    });
    for (const i of [...issues, ...p.issues]) this.o.report({ code: 'invalid-attribute', message: i.message, field: i.field });
    this.settings = settings;
    this.config = cfg.config;
    this.parcel = p.parcel;
    this.origin = p.origin;
    const id = settings.configId;
    if (id && !h.config && this.loaded.args !== id) void this.loaded.run(id);
  }

  /** The config's theme as custom properties (unset ones removed). */
  theme(): Record<string, string | undefined> {
    const t = this.config?.theme;
    return { '--bp-primary': t?.primary, '--bp-radius': t?.radius !== undefined ? `${t.radius}px` : undefined, '--bp-font': t?.font };
  }
}
