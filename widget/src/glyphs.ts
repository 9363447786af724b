// Icon geometry shared by the map markers (built as DOM) and the Lit templates.
// 24x24 viewBox, stroked paths: constants only, never data.
import type { BranchType, PaymentMethod } from './model/index.js';

export const TYPE_GLYPHS: Record<BranchType, readonly string[]> = {
  // Envelope.
  post_office: ['M4 6.5h16v11H4z', 'M4.5 7l7.5 6 7.5-6'],
  // Shop front with a parcel counter.
  pickup_point: ['M4 10l1.5-5h13L20 10', 'M5 10v9h14v-9', 'M4 10h16', 'M10 19v-5h4v5'],
  // Locker bank.
  parcel_locker: ['M5 4h14v16H5z', 'M12 4v16', 'M5 9.5h7', 'M5 15h7', 'M12 12h7', 'M9.5 7h0', 'M16 8h0'],
};

export const PAYMENT_GLYPHS: Record<PaymentMethod, readonly string[]> = {
  card: ['M3 6h18v12H3z', 'M3 10h18', 'M6 15h4'],
  cash: ['M3 7h18v10H3z', 'M12 9.5a2.5 2.5 0 1 0 0 5 2.5 2.5 0 1 0 0-5', 'M6 10v4', 'M18 10v4'],
  cod: ['M4 8h16v11H4z', 'M4 8l2-4h12l2 4', 'M12 11v5', 'M10 14l2 2 2-2'],
};

export const UI_GLYPHS = {
  search: ['M10.5 4a6.5 6.5 0 1 0 0 13 6.5 6.5 0 1 0 0-13', 'M15.5 15.5L20 20'],
  locate: ['M12 3v3', 'M12 18v3', 'M3 12h3', 'M18 12h3', 'M12 7a5 5 0 1 0 0 10 5 5 0 1 0 0-10', 'M12 11a1 1 0 1 0 0 2 1 1 0 1 0 0-2'],
  back: ['M15 5l-7 7 7 7'],
  close: ['M6 6l12 12', 'M18 6L6 18'],
  phone: ['M6 3h3l1.5 5-2 1.5a11 11 0 0 0 6 6l1.5-2 5 1.5v3a2 2 0 0 1-2 2A17 17 0 0 1 4 5a2 2 0 0 1 2-2z'],
  clock: ['M12 3a9 9 0 1 0 0 18 9 9 0 1 0 0-18', 'M12 7v5l3 2'],
  pin: ['M12 21s-7-6.5-7-11.5a7 7 0 0 1 14 0C19 14.5 12 21 12 21z', 'M12 7a2.5 2.5 0 1 0 0 5 2.5 2.5 0 1 0 0-5'],
  check: ['M5 12.5l4.5 4.5L19 7.5'],
  warn: ['M12 3l10 18H2z', 'M12 10v5', 'M12 18v.01'],
  chevron: ['M6 15l6-6 6 6'],
} as const;
