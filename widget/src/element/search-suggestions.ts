// The search combobox's suggestions: debounced queries (a new one aborts the last), the
// popup's open state and active option, and its keyboard model. Owns that state and re-renders the
// host when it changes; the element decides what picking a suggestion does.
import type { ReactiveControllerHost } from 'lit';
import { isAbort } from '../api/client.js';
import { LatestRequest } from './latest-request.js';
import type { SearchSuggestion } from '../model/index.js';
import type { SearchState } from '../ui/search-combobox.js';

export type { SearchState };

const SEARCH_DEBOUNCE_MS = 150;


export interface SearchSuggestionsOptions {
  search(query: string, signal: AbortSignal): Promise<SearchSuggestion[]>;
  picked(s: SearchSuggestion): void;
}

export class SearchSuggestions {
  state: SearchState = { query: '', suggestions: [], open: false, active: -1, failed: false };
  private readonly request: LatestRequest;

  constructor(private readonly host: ReactiveControllerHost, private readonly o: SearchSuggestionsOptions) {
    this.request = new LatestRequest(host);
  }

  private set(patch: Partial<SearchState>): void {
    const s = this.state;
    if ((Object.keys(patch) as (keyof SearchState)[]).every((k) => s[k] === patch[k])) return;
    this.state = { ...s, ...patch };
    this.host.requestUpdate();
  }

  onInput = (e: Event): void => {
    this.set({ query: (e.target as HTMLInputElement).value });
    this.request.debounce(() => void this.run(), SEARCH_DEBOUNCE_MS);
  };

  onBlur = (): void => this.set({ open: false });

  private async run(): Promise<void> {
    const q = this.state.query.trim();
    if (q.length < 2) {
      this.request.abort();
      this.set({ suggestions: [], open: false });
      return;
    }
    const ctrl = this.request.next();
    let patch: Partial<SearchState>;
    try {
      const items = await this.o.search(q, ctrl.signal);
      if (ctrl.signal.aborted) return;
      patch = { suggestions: items, failed: false };
    } catch (e) {
      if (isAbort(e) || ctrl.signal.aborted) return;
      patch = { suggestions: [], failed: true };
    }
    this.set({ ...patch, active: -1, open: true });
  }

  onKey = (e: KeyboardEvent): void => {
    const { suggestions, open, active, query } = this.state;
    const n = suggestions.length;
    switch (e.key) {
      case 'ArrowDown':
        e.preventDefault();
        if (!open) {
          if (n) this.set({ open: true });
          else void this.run();
          return;
        }
        this.set({ active: n ? (active + 1) % n : -1 });
        break;
      case 'ArrowUp':
        e.preventDefault();
        if (open && n) this.set({ active: active <= 0 ? n - 1 : active - 1 });
        break;
      case 'Enter': {
        const s = open ? suggestions[active >= 0 ? active : 0] : undefined;
        if (s) {
          e.preventDefault();
          this.pick(s);
        }
        break;
      }
      case 'Escape':
        // Keep the dialog open: Escape first closes the popup, then clears the box.
        if (open || query) {
          e.preventDefault();
          e.stopPropagation();
          if (open) this.set({ open: false });
          else this.set({ query: '' });
        }
        break;
    }
  };

  pick = (s: SearchSuggestion): void => {
    this.set({ open: false, query: s.label });
    this.o.picked(s);
  };
}
