// The toolbar's search row: a combobox with its suggestion listbox, and the "near me" button.
import { html, nothing, type TemplateResult } from 'lit';
import type { Messages } from '../i18n/index.js';
import type { SearchSuggestion } from '../model/index.js';
import { TYPE_GLYPHS, UI_GLYPHS } from '../glyphs.js';
import { icon } from './icon.js';

/** The combobox's state (owned by element/search-suggestions.ts). */
export interface SearchState {
  query: string;
  suggestions: SearchSuggestion[];
  open: boolean;
  /** Index of the highlighted option, -1 for none. */
  active: number;
  failed: boolean;
}

export interface SearchComboboxProps {
  t: Messages;
  state: SearchState;
  onInput: (e: Event) => void;
  onKey: (e: KeyboardEvent) => void;
  onBlur: () => void;
  onPick: (s: SearchSuggestion) => void;
  onLocate: () => void;
}

export function renderSearchCombobox(p: SearchComboboxProps): TemplateResult {
  const { t, state } = p;
  const { open, active } = state;
  return html`
      <div class="search-row">
        <div class="combo">
          ${icon(UI_GLYPHS.search)}
          <input
            part="search"
            type="text"
            role="combobox"
            aria-label=${t.search}
            aria-autocomplete="list"
            aria-controls="bp-suggest"
            aria-expanded=${open ? 'true' : 'false'}
            aria-activedescendant=${open && active >= 0 ? `bp-sug-${active}` : nothing}
            autocomplete="off"
            spellcheck="false"
            placeholder=${t.searchPlaceholder}
            .value=${state.query}
            @input=${p.onInput}
            @keydown=${p.onKey}
            @blur=${p.onBlur}
          />
          <ul id="bp-suggest" class="suggest" role="listbox" aria-label=${t.suggestions} ?hidden=${!open}>
            ${state.suggestions.map(
              (sg, i) => html`<li id="bp-sug-${i}" role="option" aria-selected=${i === active ? 'true' : 'false'}
                @mousedown=${(e: Event) => e.preventDefault()} @click=${() => p.onPick(sg)}>
                <span class="s-icon">${icon(sg.kind === 'city' ? UI_GLYPHS.pin : TYPE_GLYPHS.pickup_point)}</span>
                <span><div class="s-main">${sg.label}</div>
                <div class="s-sub">${sg.kind === 'city' ? [sg.region, t.suggestionPoints(sg.count)].filter(Boolean).join(' · ') : sg.addressLine}</div></span>
              </li>`,
            )}
            ${open && !state.suggestions.length
              ? html`<li class="empty" role="presentation">${state.failed ? t.apiError : t.nothingFound}</li>` : nothing}
          </ul>
        </div>
        <button class="btn icon-only" type="button" aria-label=${t.nearMe} title=${t.nearMe} @click=${p.onLocate}>${icon(UI_GLYPHS.locate)}</button>
      </div>`;
}
