import type { Messages } from './types.js';
import { countOf, formatNumber } from './plural.js';

const points = { one: 'пункт', few: 'пункти', many: 'пунктів', other: 'пункту' };
const days = { one: 'день', few: 'дні', many: 'днів', other: 'дня' };
const n = (x: number) => formatNumber('uk', x);

export const uk: Messages = {
  lang: 'uk',

  searchLabel: 'Пошук пунктів видачі',
  searchPlaceholder: 'Місто, вулиця, індекс або номер відділення',
  clearSearch: 'Очистити пошук',
  nearMe: 'Поруч зі мною',
  locating: 'Визначаємо місцезнаходження…',
  geolocationDenied: 'Доступ до місцезнаходження заборонено. Знайдіть пункт через пошук або на карті.',
  geolocationUnavailable: 'Не вдалося визначити місцезнаходження. Знайдіть пункт через пошук або на карті.',

  filters: 'Фільтри',
  filterType: 'Тип пункту',
  filterPayment: 'Оплата',
  filterCarrier: 'Служба доставки',
  openNow: 'Відчинено зараз',
  weekends: 'Працює у вихідні',
  resetFilters: 'Скинути фільтри',
  optionWithCount: (label, count) => `${label} (${n(count)})`,
  typeNames: { post_office: 'Відділення', pickup_point: 'Пункт видачі', parcel_locker: 'Поштомат' },
  paymentNames: { card: 'Карткою', cash: 'Готівкою', cod: 'Накладений платіж' },

  openUntil: (time) => `Відчинено до ${time}`,
  openUntilDay: (weekday, time) => `Відчинено до ${time}, ${weekday}`,
  lunch: (from, to) => `обід ${from}–${to}`,
  onBreakUntil: (time) => `Перерва до ${time}`,
  closedNow: 'Зачинено',
  closedOpensToday: (time) => `Зачинено, відчиниться о ${time}`,
  closedOpensTomorrow: (time) => `Зачинено, відчиниться завтра о ${time}`,
  closedOpensOn: (weekday, time) => `Зачинено, відчиниться ${weekday} о ${time}`,
  closedOpensOnDate: (date, time) => `Зачинено, відчиниться ${date} о ${time}`,
  open247: 'Цілодобово',
  temporarilyClosed: 'Тимчасово зачинено',
  permanentlyClosed: 'Зачинено назавжди',

  choose: 'Обрати цей пункт',
  selected: 'Обрано',
  selectedAnnouncement: (name) => `Обрано пункт: ${name}`,
  cannotChoose: (reason) => `Неможливо обрати: ${reason}`,
  unselectableReasons: {
    closed: 'пункт зачинено',
    temporarily_closed: 'пункт тимчасово зачинено',
    denied: 'пункт не приймає замовлення',
    does_not_fit: 'посилка не відповідає обмеженням',
    closed_on_arrival: 'пункт зачинено в день доставки',
  },

  pointsFound: (x) => (x === 0 ? 'Нічого не знайдено' : `Знайдено: ${countOf('uk', x, points)}`),
  clusterLabel: (x) => `Група: ${countOf('uk', x, points)}, наблизити`,
  noResults: 'Нічого не знайдено. Змініть запит або фільтри.',
  loading: 'Завантаження…',

  loadError: 'Не вдалося завантажити пункти видачі',
  retry: 'Повторити',
  tilesUnavailable: 'Карта недоступна, показано спрощену карту',

  showList: 'Списком',
  showMap: 'На карті',
  viewToggleLabel: 'Вигляд',
  mapLabel: 'Карта пунктів видачі',
  listLabel: 'Список пунктів видачі',
  close: 'Закрити',
  back: 'Назад',
  details: 'Докладніше',
  address: 'Адреса',
  hours: 'Графік роботи',
  holidays: 'Святкові дні',
  dayOff: 'вихідний',
  phone: 'Телефон',
  distanceAway: (d) => `${d} від вас`,

  limits: 'Обмеження',
  maxWeight: (kg) => `Вага до ${n(kg)} кг`,
  maxSize: (l, w, h) => `Розмір до ${n(l)}×${n(w)}×${n(h)} см`,
  maxDeclaredValue: (money) => `Оголошена вартість до ${money}`,

  tariffsPlaceholder: 'Вартість і термін доставки з’являться з тарифами',
  cost: 'Вартість',
  deliveryTime: 'Термін доставки',
  deliveryDays: (min, max) =>
    min === max ? countOf('uk', max, days) : `${n(min)}–${countOf('uk', max, days)}`,
  arrivesBy: (date) => `Доставка до ${date}`,
  free: 'Безкоштовно',
  quoteLoading: 'Розраховуємо вартість…',
  quoteUnavailable: 'Вартість недоступна — повторіть',
  tooHeavy: (maxKg) => `Не підходить: важче за ${n(maxKg)} кг`,
  tooLarge: 'Не підходить: завеликі розміри',
  declaredValueTooHigh: 'Не підходить: зависока оголошена вартість',
  closedOnArrival: 'Зачинено в день доставки',
  sortBy: 'Сортування',
  sortNames: { nearest: 'Найближчі', cheapest: 'Дешевші', fastest: 'Швидші', best: 'Оптимальні' },
};
