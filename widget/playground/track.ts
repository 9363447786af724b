// The tracking page a shop links to from its order e-mail: /widget/track.html#order=<id>&token=<token>
// (or #track=<track number>: the buyer then types the phone). The hash never reaches a server; lang=ru|uk|en
// in the hash picks the language. Without a hash the element shows its lookup form.
import '../src/tracking/define.js';
import type { BpTracking } from '../src/tracking/index.js';

const el = document.querySelector<BpTracking>('#tracking')!;
const title = document.querySelector<HTMLHeadingElement>('#page-title')!;
const note = document.querySelector<HTMLParagraphElement>('#note')!;

const TITLES: Record<string, { page: string; heading: string; note: string }> = {
  ru: { page: 'Отслеживание заказа', heading: 'Ваш заказ', note: 'Страница обновляется сама, пока посылка в пути.' },
  uk: { page: 'Відстеження замовлення', heading: 'Ваше замовлення', note: 'Сторінка оновлюється сама, поки посилка в дорозі.' },
  en: { page: 'Order tracking', heading: 'Your order', note: 'This page refreshes itself while the parcel is on its way.' },
};

function mount(): void {
  const hash = new URLSearchParams(location.hash.slice(1));
  const lang = hash.get('lang');
  if (lang && lang in TITLES) document.documentElement.lang = lang;
  const t = TITLES[document.documentElement.lang] ?? TITLES.ru!;
  document.title = `${t.page} · branch-picker`;
  title.textContent = t.heading;
  note.textContent = t.note;
  const set = (name: string, value: string | null) => (value ? el.setAttribute(name, value) : el.removeAttribute(name));
  set('order-id', hash.get('order'));
  // The token as a property: it stays out of the DOM's attributes (and out of anything that serialises them).
  el.token = hash.get('token');
  set('track-number', hash.get('track'));
  set('poll-interval', hash.get('poll'));
}

mount();
window.addEventListener('hashchange', mount);
