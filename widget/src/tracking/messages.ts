// The tracking element's texts in ru / uk / en. The language is resolved exactly as the picker does it
// (i18n/resolveLang: the element's lang, the nearest [lang], the page, the browser); shared words such as
// carrier names and "open until 20:00" come from the picker's own tables.
import type { OrderStatus } from '../model/order.js';
import type { Lang } from '../model/index.js';

export interface TrackingMessages {
  title: string;
  /** What each status means to the buyer. */
  status: Record<OrderStatus, string>;
  /** Announced in the live region when the status changes. */
  statusNow: (status: string) => string;
  trackNumber: string;
  carrier: string;
  eta: string;
  storageUntil: string;
  timeline: string;
  noEvents: string;
  point: string;
  today: string;
  updatedAt: (time: string) => string;
  refresh: string;
  loading: string;
  notFoundLink: string;
  notFoundLookup: string;
  tooManyAttempts: string;
  offline: string;
  offlineStale: string;
  error: string;
  errorStale: string;
  retry: string;
  lookupTitle: string;
  lookupHint: string;
  trackLabel: string;
  phoneLabel: string;
  find: string;
  anotherParcel: string;
  /** After a wrong link: the way to the lookup form. */
  findByTrack: string;
  trackEmpty: string;
  trackCheckDigit: string;
  trackFormat: string;
  phoneEmpty: string;
  phoneInvalid: (example: string) => string;
  /** Screen-reader name of the local time's zone offset, e.g. "местное время, UTC+5". */
  localTime: (offset: string) => string;
}

const ru: TrackingMessages = {
  title: 'Отслеживание посылки',
  status: {
    created: 'Заказ оформлен',
    registered: 'Передан в службу доставки',
    in_transit: 'В пути',
    arrived_at_point: 'Ждёт в пункте выдачи',
    delivered: 'Получен',
    returning: 'Возвращается отправителю',
    returned: 'Возвращён отправителю',
    cancelled: 'Отменён',
    rejected: 'Служба доставки не приняла заказ',
  },
  statusNow: (s) => `Статус посылки: ${s}`,
  trackNumber: 'Трек-номер',
  carrier: 'Служба доставки',
  eta: 'Ожидаемая дата прибытия',
  storageUntil: 'Хранится в пункте до',
  timeline: 'История',
  noEvents: 'Событий пока нет: служба доставки сообщит, когда посылка отправится в путь.',
  point: 'Пункт выдачи',
  today: 'Сегодня',
  updatedAt: (t) => `Обновлено в ${t}`,
  refresh: 'Обновить',
  loading: 'Загружаем статус посылки…',
  notFoundLink: 'Заказ не найден: ссылка неверна или устарела.',
  notFoundLookup: 'Посылка не найдена. Проверьте трек-номер и телефон получателя.',
  tooManyAttempts: 'Слишком много попыток для этого трек-номера. Попробуйте через 10 минут.',
  offline: 'Нет соединения с интернетом. Статус загрузится, когда связь появится.',
  offlineStale: 'Нет соединения с интернетом: показан последний известный статус.',
  error: 'Не удалось загрузить статус посылки.',
  errorStale: 'Не удалось обновить статус: показан последний известный.',
  retry: 'Повторить',
  lookupTitle: 'Где моя посылка?',
  lookupHint: 'Трек-номер есть в письме или СМС о заказе.',
  trackLabel: 'Трек-номер',
  phoneLabel: 'Телефон получателя',
  find: 'Найти посылку',
  anotherParcel: 'Другая посылка',
  findByTrack: 'Найти по трек-номеру',
  trackEmpty: 'Трек-номер: введите номер из письма о заказе.',
  trackCheckDigit: 'Трек-номер: контрольная цифра не сходится, проверьте номер.',
  trackFormat: 'Трек-номер: нужно 14 цифр или номер вида RA123456785RU.',
  phoneEmpty: 'Телефон получателя: введите номер, указанный в заказе.',
  phoneInvalid: (e) => `Телефон получателя: нужен номер вида ${e}.`,
  localTime: (o) => `местное время, ${o}`,
};

const uk: TrackingMessages = {
  title: 'Відстеження посилки',
  status: {
    created: 'Замовлення оформлено',
    registered: 'Передано службі доставки',
    in_transit: 'У дорозі',
    arrived_at_point: 'Чекає у пункті видачі',
    delivered: 'Отримано',
    returning: 'Повертається відправнику',
    returned: 'Повернуто відправнику',
    cancelled: 'Скасовано',
    rejected: 'Служба доставки не прийняла замовлення',
  },
  statusNow: (s) => `Статус посилки: ${s}`,
  trackNumber: 'Трек-номер',
  carrier: 'Служба доставки',
  eta: 'Очікувана дата прибуття',
  storageUntil: 'Зберігається у пункті до',
  timeline: 'Історія',
  noEvents: 'Подій поки немає: служба доставки повідомить, коли посилка вирушить у дорогу.',
  point: 'Пункт видачі',
  today: 'Сьогодні',
  updatedAt: (t) => `Оновлено о ${t}`,
  refresh: 'Оновити',
  loading: 'Завантажуємо статус посилки…',
  notFoundLink: 'Замовлення не знайдено: посилання неправильне або застаріле.',
  notFoundLookup: 'Посилку не знайдено. Перевірте трек-номер і телефон отримувача.',
  tooManyAttempts: 'Забагато спроб для цього трек-номера. Спробуйте за 10 хвилин.',
  offline: 'Немає з’єднання з інтернетом. Статус завантажиться, коли зв’язок з’явиться.',
  offlineStale: 'Немає з’єднання з інтернетом: показано останній відомий статус.',
  error: 'Не вдалося завантажити статус посилки.',
  errorStale: 'Не вдалося оновити статус: показано останній відомий.',
  retry: 'Повторити',
  lookupTitle: 'Де моя посилка?',
  lookupHint: 'Трек-номер є в листі або SMS про замовлення.',
  trackLabel: 'Трек-номер',
  phoneLabel: 'Телефон отримувача',
  find: 'Знайти посилку',
  anotherParcel: 'Інша посилка',
  findByTrack: 'Знайти за трек-номером',
  trackEmpty: 'Трек-номер: введіть номер з листа про замовлення.',
  trackCheckDigit: 'Трек-номер: контрольна цифра не збігається, перевірте номер.',
  trackFormat: 'Трек-номер: потрібно 14 цифр або номер на кшталт RA123456785RU.',
  phoneEmpty: 'Телефон отримувача: введіть номер, вказаний у замовленні.',
  phoneInvalid: (e) => `Телефон отримувача: потрібен номер на кшталт ${e}.`,
  localTime: (o) => `місцевий час, ${o}`,
};

const en: TrackingMessages = {
  title: 'Parcel tracking',
  status: {
    created: 'Order placed',
    registered: 'Handed to the carrier',
    in_transit: 'On its way',
    arrived_at_point: 'Waiting at the pickup point',
    delivered: 'Collected',
    returning: 'Returning to the sender',
    returned: 'Returned to the sender',
    cancelled: 'Cancelled',
    rejected: 'Refused by the carrier',
  },
  statusNow: (s) => `Parcel status: ${s}`,
  trackNumber: 'Track number',
  carrier: 'Carrier',
  eta: 'Expected arrival',
  storageUntil: 'Kept at the point until',
  timeline: 'History',
  noEvents: 'No events yet: the carrier will report when the parcel sets off.',
  point: 'Pickup point',
  today: 'Today',
  updatedAt: (t) => `Updated at ${t}`,
  refresh: 'Refresh',
  loading: 'Loading the parcel status…',
  notFoundLink: 'Order not found: the link is wrong or has expired.',
  notFoundLookup: 'No parcel found. Check the track number and the recipient’s phone.',
  tooManyAttempts: 'Too many attempts for this track number. Try again in 10 minutes.',
  offline: 'You are offline. The status will load when the connection is back.',
  offlineStale: 'You are offline: showing the last known status.',
  error: 'Could not load the parcel status.',
  errorStale: 'Could not refresh the status: showing the last known one.',
  retry: 'Try again',
  lookupTitle: 'Where is my parcel?',
  lookupHint: 'The track number is in the order e-mail or text message.',
  trackLabel: 'Track number',
  phoneLabel: 'Recipient’s phone',
  find: 'Find parcel',
  anotherParcel: 'Another parcel',
  findByTrack: 'Find by track number',
  trackEmpty: 'Track number: enter the number from the order e-mail.',
  trackCheckDigit: 'Track number: the check digit does not match; check the number.',
  trackFormat: 'Track number: expected 14 digits or a number like RA123456785RU.',
  phoneEmpty: 'Recipient’s phone: enter the number given with the order.',
  phoneInvalid: (e) => `Recipient’s phone: expected a number like ${e}.`,
  localTime: (o) => `local time, ${o}`,
};

const TABLES: Record<Lang, TrackingMessages> = { ru, uk, en };

export function trackingMessages(lang: Lang): TrackingMessages {
  return TABLES[lang] ?? ru;
}
