// Every string the order step shows, per language (ru, uk, en). Strings with a parameter are functions so word
// order and plurals stay inside each language's table.
import type { Lang } from '../model/config.js';
import type { OrderStatus } from '../model/order.js';
import type { RecipientField } from './recipient-fields.js';
import { en } from './messages-en.js';
import { ru } from './messages-ru.js';
import { uk } from './messages-uk.js';

export interface OrderStepMessages {
  heading: string;
  recipientHeading: string;
  fieldLabels: Record<RecipientField, string>;
  optional: string;
  /** Hint under the phone field: "+7 912 345-67-89". */
  phoneHint: (example: string) => string;
  required: (field: string) => string;
  tooLong: (field: string) => string;
  /** The point's country as an adjective of "number" ("российский"), for the phone error; others: undefined. */
  phoneCountry: Readonly<Record<string, string>>;
  phoneWrongCountry: (field: string, country: string | undefined, example: string) => string;
  phoneBadChars: (field: string) => string;
  emailInvalid: (field: string) => string;
  /** Announced when the form has errors: "2 fields need attention". */
  fixFields: (n: number) => string;
  next: string;
  back: string;
  reviewHeading: string;
  point: string;
  recipient: string;
  price: string;
  priceOnOrder: string;
  delivery: string;
  deliveryDays: (min: number, max: number) => string;
  deliveryBy: (date: string) => string;
  cod: string;
  codNone: string;
  edit: string;
  confirm: (price: string | undefined) => string;
  sending: string;
  offline: string;
  stalled: string;
  retry: string;
  priceChanged: (was: string, now: string) => string;
  confirmNewPrice: (price: string) => string;
  refused: string;
  /** A refusal about one field: "Phone: <server's words>". */
  refusedField: (field: string, detail: string) => string;
  failed: string;
  pendingHeading: string;
  pendingNothing: string;
  orderNumber: string;
  doneHeading: string;
  status: string;
  statusNames: Record<OrderStatus, string>;
  trackNumber: string;
  trackNumberSoon: string;
  trackParcel: string;
}

const TABLES: Record<Lang, OrderStepMessages> = { ru, uk, en };

export function orderMessages(lang: Lang): OrderStepMessages {
  return TABLES[lang] ?? ru;
}
