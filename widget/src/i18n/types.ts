// Every user-visible string of the widget, per language. Anything with a parameter or a
// number is a function, so plural rules and word order stay inside each language file.
// Parameters are already formatted (times "HH:MM", money, dates, weekday names), except
// counts and plain numbers, which each language formats and pluralises itself.
import type { BranchType, PaymentMethod, SortOrder, Lang, QuoteLine } from '../model/index.js';

type QuotePart = QuoteLine['kind'];

export type { Lang };

export type UnselectableReason = 'closed' | 'temporarily_closed' | 'denied' | 'does_not_fit' | 'closed_on_arrival';

export interface Messages {
  lang: Lang;

  // Search and location
  searchLabel: string;
  searchPlaceholder: string;
  clearSearch: string;
  nearMe: string;
  locating: string;
  geolocationDenied: string;
  geolocationUnavailable: string;

  // Filters
  filters: string;
  filterType: string;
  filterPayment: string;
  filterCarrier: string;
  openNow: string;
  weekends: string;
  resetFilters: string;
  /** "Parcel lockers (12)" style option label; the count is formatted by the language. */
  optionWithCount: (label: string, count: number) => string;
  typeNames: Record<BranchType, string>;
  paymentNames: Record<PaymentMethod, string>;

  // Today's status (built from TodayStatus by formatTodayStatus)
  openUntil: (time: string) => string;
  /** Open through several days: "open until Fri 24:00". */
  openUntilDay: (weekday: string, time: string) => string;
  lunch: (from: string, to: string) => string;
  onBreakUntil: (time: string) => string;
  closedNow: string;
  closedOpensToday: (time: string) => string;
  closedOpensTomorrow: (time: string) => string;
  closedOpensOn: (weekday: string, time: string) => string;
  /** Far openings (a week or more away) name the date, not the weekday. */
  closedOpensOnDate: (date: string, time: string) => string;
  open247: string;
  temporarilyClosed: string;
  permanentlyClosed: string;

  // Selection
  choose: string;
  selected: string;
  selectedAnnouncement: (name: string) => string;
  cannotChoose: (reason: string) => string;
  unselectableReasons: Record<UnselectableReason, string>;

  // Counts and states
  pointsFound: (n: number) => string;
  /** Accessible name of a map cluster. */
  clusterLabel: (n: number) => string;
  noResults: string;
  loading: string;

  // Errors
  loadError: string;
  retry: string;
  tilesUnavailable: string;

  // Layout
  showList: string;
  showMap: string;
  viewToggleLabel: string;
  mapLabel: string;
  listLabel: string;
  close: string;
  back: string;
  details: string;
  address: string;
  hours: string;
  holidays: string;
  dayOff: string;
  phone: string;
  /** A distance from the buyer, e.g. "1.2 km away". Distance comes formatted. */
  distanceAway: (distance: string) => string;

  // Limits
  limits: string;
  maxWeight: (kg: number) => string;
  maxSize: (l: number, w: number, h: number) => string;
  maxDeclaredValue: (money: string) => string;

  // Tariffs (filled in by the tariffs helper's modules)
  tariffsPlaceholder: string;
  cost: string;
  deliveryTime: string;
  deliveryDays: (min: number, max: number) => string;
  arrivesBy: (date: string) => string;
  free: string;
  quoteLoading: string;
  quoteUnavailable: string;
  tooHeavy: (maxKg: number) => string;
  tooLarge: string;
  declaredValueTooHigh: string;
  closedOnArrival: string;
  sortBy: string;
  sortNames: Record<SortOrder, string>;

  // Widget chrome (accessible names are listed in widget/README.md: keep them in step)
  search: string;
  suggestions: string;
  suggestionPoints: (n: number) => string;
  /** Short type names for rows and markers ("Отделение"); typeNames is the full one. */
  typeShort: Record<BranchType, string>;
  typesPlural: Record<BranchType, string>;
  /** "этого постамата": the point in the genitive, for fit reasons. */
  thisPoint: Record<BranchType, string>;
  carrierNames: Record<string, string>;
  map: string;
  points: string;
  found: (n: number) => string;
  nothingHere: string;
  nothingFound: string;
  loadingPoints: string;
  showMore: string;
  apiError: string;
  timeoutError: string;
  mapPointsError: string;
  fallbackMap: string;
  zoomInCluster: (n: number) => string;
  zoomTitles: [zoomIn: string, zoomOut: string];
  allPoints: string;
  change: string;
  choosePoint: string;
  dialogTitle: string;
  cannotChooseNow: string;
  specialDays: string;
  lockerCells: string;
  requiredMessage: string;
  expandList: string;
  collapseList: string;
  quoteSlot: string;
  breakWord: string;
  today: string;
  everyDay: string;

  // Tariffs in the list and the details
  onlyFit: string;
  openOnArrival: string;
  doesNotFit: string;
  fitTooHeavy: (type: BranchType, maxKg: number) => string;
  fitTooLarge: (type: BranchType, dims: string) => string;
  fitValueTooHigh: (money: string) => string;
  fitNoCell: string;
  /** Closed on the arrival day; `opens` is the first open day after it, when known. */
  closedOnArrivalDay: (arrival: string, opens: string | undefined) => string;
  priceUnavailable: string;
  /** Banner over the list: "Nova Poshta: prices unavailable". */
  carrierUnavailable: (carrier: string) => string;
  quoteParts: Record<QuotePart, string>;
  total: string;
  priceValidUntil: (time: string) => string;
}
