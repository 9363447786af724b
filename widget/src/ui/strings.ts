// The widget's own UI chrome strings (buttons, labels, announcements), per language.
// Domain formatting (money, distance, hours status) lives in ../i18n; these are the words
// of this component only, kept beside it so adding a control never touches shared files.
import type { BranchType, Lang, PaymentMethod } from '../model/index.js';

export interface UiStrings {
  search: string;
  searchPlaceholder: string;
  suggestions: string;
  suggestionPoints: (n: number) => string;
  nearMe: string;
  locating: string;
  geoDenied: string;
  geoUnavailable: string;
  filters: string;
  openNow: string;
  weekends: string;
  types: Record<BranchType, string>;
  typesPlural: Record<BranchType, string>;
  payment: Record<PaymentMethod, string>;
  map: string;
  points: string;
  found: (n: number) => string;
  nothingHere: string;
  loading: string;
  showMore: string;
  retry: string;
  apiError: string;
  timeoutError: string;
  mapPointsError: string;
  fallbackMap: string;
  zoomInCluster: (n: number) => string;
  back: string;
  confirm: string;
  chosen: string;
  change: string;
  choosePoint: string;
  close: string;
  dialogTitle: string;
  cannotChoose: string;
  hours: string;
  exceptions: string;
  closedDay: string;
  paymentTitle: string;
  phone: string;
  limits: string;
  maxWeight: (kg: string) => string;
  maxSize: (dims: string) => string;
  lockerCells: string;
  selectedAnnounce: (name: string) => string;
  required: string;
  showList: string;
  hideList: string;
  quoteSlot: string;
  allDay: string;
  breakWord: string;
  today: string;
  nothingFound: string;
  everyDay: string;
}

const ru: UiStrings = {
  search: 'Поиск',
  searchPlaceholder: 'Город, улица или индекс',
  suggestions: 'Подсказки',
  suggestionPoints: (n) => `${n} ${plural(n, 'пункт', 'пункта', 'пунктов')}`,
  nearMe: 'Рядом со мной',
  locating: 'Определяем местоположение…',
  geoDenied: 'Доступ к местоположению запрещён. Найдите адрес через поиск.',
  geoUnavailable: 'Не удалось определить местоположение. Найдите адрес через поиск.',
  filters: 'Фильтры',
  openNow: 'Открыто сейчас',
  weekends: 'Работает в выходные',
  types: { post_office: 'Отделение', pickup_point: 'Пункт выдачи', parcel_locker: 'Постамат' },
  typesPlural: { post_office: 'Отделения', pickup_point: 'Пункты выдачи', parcel_locker: 'Постаматы' },
  payment: { card: 'Картой', cash: 'Наличными', cod: 'Наложенный платёж' },
  map: 'Карта пунктов',
  points: 'Пункты',
  found: (n) => (n === 0 ? 'Здесь пунктов нет' : `${plural(n, 'Найден', 'Найдено', 'Найдено')} ${n} ${plural(n, 'пункт', 'пункта', 'пунктов')}`),
  nothingHere: 'Здесь пунктов нет. Сдвиньте карту, уменьшите масштаб или смягчите фильтры.',
  loading: 'Загружаем пункты…',
  showMore: 'Показать ещё',
  retry: 'Повторить',
  apiError: 'Не удалось загрузить пункты.',
  timeoutError: 'Сервер не отвечает.',
  mapPointsError: 'Не удалось загрузить пункты на карте.',
  fallbackMap: 'Упрощённая карта: подложка недоступна',
  zoomInCluster: (n) => `${n} ${plural(n, 'пункт', 'пункта', 'пунктов')}, приблизить`,
  back: 'Все пункты',
  confirm: 'Выбрать этот пункт',
  chosen: 'Выбран',
  change: 'Изменить',
  choosePoint: 'Выбрать пункт выдачи',
  close: 'Закрыть',
  dialogTitle: 'Пункт выдачи',
  cannotChoose: 'Этот пункт сейчас нельзя выбрать.',
  hours: 'Часы работы',
  exceptions: 'Особые дни',
  closedDay: 'выходной',
  paymentTitle: 'Оплата',
  phone: 'Телефон',
  limits: 'Ограничения',
  maxWeight: (kg) => `Вес до ${kg} кг`,
  maxSize: (d) => `Размер до ${d} см`,
  lockerCells: 'Ячейки',
  selectedAnnounce: (name) => `Выбран пункт: ${name}`,
  required: 'Выберите пункт выдачи',
  showList: 'Показать список',
  hideList: 'Свернуть список',
  quoteSlot: 'Стоимость и срок доставки',
  allDay: 'Круглосуточно',
  breakWord: 'перерыв',
  today: 'сегодня',
  nothingFound: 'Ничего не найдено',
  everyDay: 'Ежедневно',
};

const uk: UiStrings = {
  search: 'Пошук',
  searchPlaceholder: 'Місто, вулиця або індекс',
  suggestions: 'Підказки',
  suggestionPoints: (n) => `${n} ${plural(n, 'пункт', 'пункти', 'пунктів')}`,
  nearMe: 'Поруч зі мною',
  locating: 'Визначаємо місцезнаходження…',
  geoDenied: 'Доступ до місцезнаходження заборонено. Знайдіть адресу через пошук.',
  geoUnavailable: 'Не вдалося визначити місцезнаходження. Знайдіть адресу через пошук.',
  filters: 'Фільтри',
  openNow: 'Відчинено зараз',
  weekends: 'Працює у вихідні',
  types: { post_office: 'Відділення', pickup_point: 'Пункт видачі', parcel_locker: 'Поштомат' },
  typesPlural: { post_office: 'Відділення', pickup_point: 'Пункти видачі', parcel_locker: 'Поштомати' },
  payment: { card: 'Карткою', cash: 'Готівкою', cod: 'Накладений платіж' },
  map: 'Мапа пунктів',
  points: 'Пункти',
  found: (n) => (n === 0 ? 'Тут пунктів немає' : `Знайдено ${n} ${plural(n, 'пункт', 'пункти', 'пунктів')}`),
  nothingHere: 'Тут пунктів немає. Посуньте мапу, зменште масштаб або пом’якште фільтри.',
  loading: 'Завантажуємо пункти…',
  showMore: 'Показати ще',
  retry: 'Повторити',
  apiError: 'Не вдалося завантажити пункти.',
  timeoutError: 'Сервер не відповідає.',
  mapPointsError: 'Не вдалося завантажити пункти на мапі.',
  fallbackMap: 'Спрощена мапа: підкладка недоступна',
  zoomInCluster: (n) => `${n} ${plural(n, 'пункт', 'пункти', 'пунктів')}, наблизити`,
  back: 'Усі пункти',
  confirm: 'Обрати цей пункт',
  chosen: 'Обрано',
  change: 'Змінити',
  choosePoint: 'Обрати пункт видачі',
  close: 'Закрити',
  dialogTitle: 'Пункт видачі',
  cannotChoose: 'Цей пункт зараз не можна обрати.',
  hours: 'Графік роботи',
  exceptions: 'Особливі дні',
  closedDay: 'вихідний',
  paymentTitle: 'Оплата',
  phone: 'Телефон',
  limits: 'Обмеження',
  maxWeight: (kg) => `Вага до ${kg} кг`,
  maxSize: (d) => `Розмір до ${d} см`,
  lockerCells: 'Комірки',
  selectedAnnounce: (name) => `Обрано пункт: ${name}`,
  required: 'Оберіть пункт видачі',
  showList: 'Показати список',
  hideList: 'Згорнути список',
  quoteSlot: 'Вартість і термін доставки',
  allDay: 'Цілодобово',
  breakWord: 'перерва',
  today: 'сьогодні',
  nothingFound: 'Нічого не знайдено',
  everyDay: 'Щодня',
};

const en: UiStrings = {
  search: 'Search',
  searchPlaceholder: 'City, street or postcode',
  suggestions: 'Suggestions',
  suggestionPoints: (n) => `${n} ${n === 1 ? 'point' : 'points'}`,
  nearMe: 'Near me',
  locating: 'Finding your location…',
  geoDenied: 'Location access was denied. Use the search instead.',
  geoUnavailable: 'Your location is unavailable. Use the search instead.',
  filters: 'Filters',
  openNow: 'Open now',
  weekends: 'Open on weekends',
  types: { post_office: 'Post office', pickup_point: 'Pickup point', parcel_locker: 'Parcel locker' },
  typesPlural: { post_office: 'Post offices', pickup_point: 'Pickup points', parcel_locker: 'Parcel lockers' },
  payment: { card: 'Card', cash: 'Cash', cod: 'Cash on delivery' },
  map: 'Map of points',
  points: 'Points',
  found: (n) => (n === 0 ? 'No points here' : `${n} ${n === 1 ? 'point' : 'points'} found`),
  nothingHere: 'No points here. Move the map, zoom out or relax the filters.',
  loading: 'Loading points…',
  showMore: 'Show more',
  retry: 'Retry',
  apiError: 'Could not load the points.',
  timeoutError: 'The server is not responding.',
  mapPointsError: 'Could not load the points on the map.',
  fallbackMap: 'Simplified map: map tiles unavailable',
  zoomInCluster: (n) => `${n} points, zoom in`,
  back: 'All points',
  confirm: 'Choose this point',
  chosen: 'Chosen',
  change: 'Change',
  choosePoint: 'Choose a pickup point',
  close: 'Close',
  dialogTitle: 'Pickup point',
  cannotChoose: 'This point cannot be chosen right now.',
  hours: 'Opening hours',
  exceptions: 'Special days',
  closedDay: 'closed',
  paymentTitle: 'Payment',
  phone: 'Phone',
  limits: 'Limits',
  maxWeight: (kg) => `Up to ${kg} kg`,
  maxSize: (d) => `Up to ${d} cm`,
  lockerCells: 'Cells',
  selectedAnnounce: (name) => `Selected: ${name}`,
  required: 'Choose a pickup point',
  showList: 'Show list',
  hideList: 'Collapse list',
  quoteSlot: 'Delivery cost and time',
  allDay: 'Open 24/7',
  breakWord: 'break',
  today: 'today',
  nothingFound: 'Nothing found',
  everyDay: 'Every day',
};

const TABLE: Record<Lang, UiStrings> = { ru, uk, en };

export function uiStrings(lang: Lang): UiStrings {
  return TABLE[lang];
}

/** East Slavic plural: one (1, 21), few (2-4, 22-24), many (0, 5-20, 25-30). */
function plural(n: number, one: string, few: string, many: string): string {
  const m10 = n % 10;
  const m100 = n % 100;
  if (m10 === 1 && m100 !== 11) return one;
  if (m10 >= 2 && m10 <= 4 && (m100 < 12 || m100 > 14)) return few;
  return many;
}

const CARRIERS: Record<string, Record<Lang, string>> = {
  'russian-post': { ru: 'Почта России', uk: 'Пошта Росії', en: 'Russian Post' },
  'nova-poshta': { ru: 'Новая Почта', uk: 'Нова Пошта', en: 'Nova Poshta' },
};

/** Display name of a carrier slug; unknown carriers show their slug. */
export function carrierName(slug: string, lang: Lang): string {
  return CARRIERS[slug]?.[lang] ?? slug;
}
