import type { Messages } from './types.js';
import { countOf, formatNumber } from './plural.js';

const points = { one: 'point', other: 'points' };
const days = { one: 'day', other: 'days' };
const n = (x: number) => formatNumber('en', x);

export const en: Messages = {
  lang: 'en',

  searchLabel: 'Search pickup points',
  searchPlaceholder: 'City, street, postcode or branch number',
  clearSearch: 'Clear search',
  nearMe: 'Near me',
  locating: 'Finding your location…',
  geolocationDenied: 'Location access is blocked. Find a point with the search or on the map.',
  geolocationUnavailable: 'Your location is unavailable. Find a point with the search or on the map.',

  filters: 'Filters',
  filterType: 'Point type',
  filterPayment: 'Payment',
  filterCarrier: 'Carrier',
  openNow: 'Open now',
  weekends: 'Open at weekends',
  resetFilters: 'Reset filters',
  optionWithCount: (label, count) => `${label} (${n(count)})`,
  typeNames: { post_office: 'Post office', pickup_point: 'Pickup point', parcel_locker: 'Parcel locker' },
  paymentNames: { card: 'Card', cash: 'Cash', cod: 'Cash on delivery' },

  openUntil: (time) => `Open until ${time}`,
  openUntilDay: (weekday, time) => `Open until ${weekday} ${time}`,
  lunch: (from, to) => `lunch ${from}–${to}`,
  onBreakUntil: (time) => `On a break until ${time}`,
  closedNow: 'Closed',
  closedOpensToday: (time) => `Closed, opens at ${time}`,
  closedOpensTomorrow: (time) => `Closed, opens tomorrow at ${time}`,
  closedOpensOn: (weekday, time) => `Closed, opens ${weekday} ${time}`,
  closedOpensOnDate: (date, time) => `Closed, opens ${date} at ${time}`,
  open247: 'Open 24/7',
  temporarilyClosed: 'Temporarily closed',
  permanentlyClosed: 'Permanently closed',

  choose: 'Choose this point',
  selected: 'Selected',
  selectedAnnouncement: (name) => `Selected: ${name}`,
  cannotChoose: (reason) => `Cannot be chosen: ${reason}`,
  unselectableReasons: {
    closed: 'the point is closed',
    temporarily_closed: 'the point is temporarily closed',
    denied: 'the point does not accept orders',
    does_not_fit: 'the parcel exceeds its limits',
    closed_on_arrival: 'the point is closed on the delivery day',
  },

  pointsFound: (x) => (x === 0 ? 'Nothing found' : `${countOf('en', x, points)} found`),
  clusterLabel: (x) => `Group of ${countOf('en', x, points)}, zoom in`,
  noResults: 'Nothing found. Change the search or the filters.',
  loading: 'Loading…',

  loadError: 'Could not load pickup points',
  retry: 'Retry',
  tilesUnavailable: 'Map tiles unavailable, showing a simplified map',

  showList: 'List',
  showMap: 'Map',
  viewToggleLabel: 'View',
  mapLabel: 'Map of pickup points',
  listLabel: 'List of pickup points',
  close: 'Close',
  back: 'Back',
  details: 'Details',
  address: 'Address',
  hours: 'Opening hours',
  holidays: 'Holidays',
  dayOff: 'closed',
  phone: 'Phone',
  distanceAway: (d) => `${d} away`,

  limits: 'Limits',
  maxWeight: (kg) => `Max weight ${n(kg)} kg`,
  maxSize: (l, w, h) => `Max size ${n(l)}×${n(w)}×${n(h)} cm`,
  maxDeclaredValue: (money) => `Max declared value ${money}`,

  tariffsPlaceholder: 'Price and delivery time: with the tariffs',
  cost: 'Cost',
  deliveryTime: 'Delivery time',
  deliveryDays: (min, max) =>
    min === max ? countOf('en', max, days) : `${n(min)}–${countOf('en', max, days)}`,
  arrivesBy: (date) => `Arrives by ${date}`,
  free: 'Free',
  quoteLoading: 'Calculating the price…',
  quoteUnavailable: 'Price unavailable — retry',
  tooHeavy: (maxKg) => `Does not fit: heavier than ${n(maxKg)} kg`,
  tooLarge: 'Does not fit: too large',
  declaredValueTooHigh: 'Does not fit: declared value too high',
  closedOnArrival: 'Closed on the delivery day',
  sortBy: 'Sort by',
  sortNames: { nearest: 'Nearest', cheapest: 'Cheapest', fastest: 'Fastest', best: 'Best match' },
};
