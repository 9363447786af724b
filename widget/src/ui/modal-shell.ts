// mode="modal": the trigger button (showing the committed point) and the dialog around the picker.
import { html, nothing, type TemplateResult } from 'lit';
import type { Messages } from '../i18n/index.js';
import type { Branch } from '../model/index.js';
import { UI_GLYPHS } from '../glyphs.js';
import { icon } from './icon.js';

export interface ModalShellProps {
  t: Messages;
  committed: Branch | undefined;
  disabled: boolean;
  /** The picker, rendered only while the dialog is open. */
  picker: TemplateResult | typeof nothing;
  live: TemplateResult;
  onOpen: () => void;
  onClose: () => void;
  onDialogClose: () => void;
}

export function renderModalShell(p: ModalShellProps): TemplateResult {
  const { t, committed: c } = p;
  return html`
      <button class="trigger" part="trigger" type="button" aria-haspopup="dialog" ?disabled=${p.disabled} @click=${p.onOpen}>
        ${icon(UI_GLYPHS.pin)}
        <span class="t-main">
          ${c ? html`<span>${c.name}</span><span class="t-sub">${c.addressLine}</span>` : html`<span>${t.choosePoint}</span>`}
        </span>
        <span class="t-act">${c ? t.change : nothing}</span>
      </button>
      <dialog aria-labelledby="bp-dialog-title" @close=${p.onDialogClose}>
        <div class="dlg-head">
          <h2 id="bp-dialog-title">${t.dialogTitle}</h2>
          <button class="btn icon-only" type="button" aria-label=${t.close} @click=${p.onClose}>${icon(UI_GLYPHS.close)}</button>
        </div>
        <div class="root">${p.picker}</div>
      </dialog>
      ${p.live}`;
}
