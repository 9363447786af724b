// What the picker tells the buyer and the page about itself: the polite live region, the notice
// under the search row, and bp-error. Owns that state and re-renders the host when it changes.
import type { ReactiveControllerHost } from 'lit';
import type { Messages } from '../i18n/index.js';
import { BpErrorEvent, type ErrorDetail } from './events.js';

export interface Notice {
  text: string;
  warn: boolean;
}

export class Feedback {
  /** The live region's text. */
  announcement = '';
  notice: Notice | undefined;
  /** Settings are re-resolved on every update: each bad value is reported once. */
  private readonly reported = new Set<string>();

  constructor(private readonly host: ReactiveControllerHost & EventTarget, private readonly messages: () => Messages) {}

  say(text: string): void {
    // Toggling a trailing no-break space makes a repeated message announce again.
    this.announcement = this.announcement === text ? `${text}\u00a0` : text;
    this.host.requestUpdate();
  }

  setNotice(notice: Notice | undefined): void {
    this.notice = notice;
    if (notice) this.say(notice.text);
    else this.host.requestUpdate();
  }

  /** bp-error; an API failure is also announced (in the buyer's words), a bad setting is warned once. */
  readonly report = (detail: ErrorDetail, announce = true): void => {
    if (detail.code === 'invalid-attribute' || detail.code === 'invalid-config') {
      const key = `${detail.code}|${detail.field ?? ''}|${detail.message}`;
      if (this.reported.has(key)) return;
      this.reported.add(key);
      console.warn(`[branch-picker] ${detail.message}; using the default`);
    } else if (announce) {
      const t = this.messages();
      this.say(detail.code === 'timeout' ? t.timeoutError : t.apiError);
    }
    this.host.dispatchEvent(new BpErrorEvent(detail));
  };
}
