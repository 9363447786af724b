import type { Messages } from './types.js';
import { countOf, formatNumber } from './plural.js';

const points = { one: 'пункт', few: 'пункта', many: 'пунктов', other: 'пункта' };
const days = { one: 'день', few: 'дня', many: 'дней', other: 'дня' };
const n = (x: number) => formatNumber('ru', x);

export const ru: Messages = {
  lang: 'ru',

  searchLabel: 'Поиск пунктов выдачи',
  searchPlaceholder: 'Город, улица, индекс или номер отделения',
  clearSearch: 'Очистить поиск',
  nearMe: 'Рядом со мной',
  locating: 'Определяем местоположение…',
  geolocationDenied: 'Доступ к местоположению запрещён. Найдите пункт через поиск или на карте.',
  geolocationUnavailable: 'Не удалось определить местоположение. Найдите пункт через поиск или на карте.',

  filters: 'Фильтры',
  filterType: 'Тип пункта',
  filterPayment: 'Оплата',
  filterCarrier: 'Служба доставки',
  openNow: 'Открыто сейчас',
  weekends: 'Работает в выходные',
  resetFilters: 'Сбросить фильтры',
  optionWithCount: (label, count) => `${label} (${n(count)})`,
  typeNames: { post_office: 'Отделение почты', pickup_point: 'Пункт выдачи', parcel_locker: 'Постамат' },
  paymentNames: { card: 'Картой', cash: 'Наличными', cod: 'Наложенный платёж' },

  openUntil: (time) => `Открыто до ${time}`,
  openUntilDay: (weekday, time) => `Открыто до ${time}, ${weekday}`,
  lunch: (from, to) => `обед ${from}–${to}`,
  onBreakUntil: (time) => `Перерыв до ${time}`,
  closedNow: 'Закрыто',
  closedOpensToday: (time) => `Закрыто, откроется в ${time}`,
  closedOpensTomorrow: (time) => `Закрыто, откроется завтра в ${time}`,
  closedOpensOn: (weekday, time) => `Закрыто, откроется ${weekday} в ${time}`,
  closedOpensOnDate: (date, time) => `Закрыто, откроется ${date} в ${time}`,
  open247: 'Круглосуточно',
  temporarilyClosed: 'Временно закрыто',
  permanentlyClosed: 'Закрыто навсегда',

  choose: 'Выбрать этот пункт',
  selected: 'Выбран',
  selectedAnnouncement: (name) => `Выбран пункт: ${name}`,
  cannotChoose: (reason) => `Нельзя выбрать: ${reason}`,
  unselectableReasons: {
    closed: 'пункт закрыт',
    temporarily_closed: 'пункт временно закрыт',
    denied: 'пункт не принимает заказы',
    does_not_fit: 'посылка не подходит по ограничениям',
    closed_on_arrival: 'пункт закрыт в день доставки',
  },

  pointsFound: (x) => (x === 0 ? 'Ничего не найдено' : `Найдено: ${countOf('ru', x, points)}`),
  clusterLabel: (x) => `Группа: ${countOf('ru', x, points)}, приблизить`,
  noResults: 'Ничего не найдено. Измените запрос или фильтры.',
  loading: 'Загрузка…',

  loadError: 'Не удалось загрузить пункты выдачи',
  retry: 'Повторить',
  tilesUnavailable: 'Карта недоступна, показана упрощённая карта',

  showList: 'Списком',
  showMap: 'На карте',
  viewToggleLabel: 'Вид',
  mapLabel: 'Карта пунктов выдачи',
  listLabel: 'Список пунктов выдачи',
  close: 'Закрыть',
  back: 'Назад',
  details: 'Подробнее',
  address: 'Адрес',
  hours: 'Часы работы',
  holidays: 'Праздничные дни',
  dayOff: 'выходной',
  phone: 'Телефон',
  distanceAway: (d) => `${d} от вас`,

  limits: 'Ограничения',
  maxWeight: (kg) => `Вес до ${n(kg)} кг`,
  maxSize: (l, w, h) => `Размер до ${n(l)}×${n(w)}×${n(h)} см`,
  maxDeclaredValue: (money) => `Объявленная ценность до ${money}`,

  tariffsPlaceholder: 'Стоимость и срок доставки появятся с тарифами',
  cost: 'Стоимость',
  deliveryTime: 'Срок доставки',
  deliveryDays: (min, max) =>
    min === max ? countOf('ru', max, days) : `${n(min)}–${countOf('ru', max, days)}`,
  arrivesBy: (date) => `Доставка до ${date}`,
  free: 'Бесплатно',
  quoteLoading: 'Считаем стоимость…',
  quoteUnavailable: 'Стоимость недоступна — повторите',
  tooHeavy: (maxKg) => `Не подходит: тяжелее ${n(maxKg)} кг`,
  tooLarge: 'Не подходит: слишком большие размеры',
  declaredValueTooHigh: 'Не подходит: слишком высокая объявленная ценность',
  closedOnArrival: 'Закрыто в день доставки',
  sortBy: 'Сортировка',
  sortNames: { nearest: 'Ближайшие', cheapest: 'Дешевле', fastest: 'Быстрее', best: 'Оптимальные' },
};
