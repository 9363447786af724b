// What the script-tag file lends its order file (branch-picker.order.js) so that Lit, zod, the model schemas and
// the Intl formatters ship once. Only what the order step calls is listed: handing over whole namespaces would
// defeat tree-shaking in the main file. shared-deps.test.ts fails when the step starts calling something missing.
import { css, html, LitElement, nothing } from 'lit';
import { formatDate, formatMoney, resolveLang, toLang } from '../i18n/index.js';
import { BranchType, DayHours, HoursException } from '../model/branch.js';
import { CarrierId, Money } from '../model/common.js';
import { Origin } from '../model/config.js';
import { Parcel } from '../model/parcel.js';
import { Quote } from '../model/quote.js';
import { z } from '../model/zod.js';

export const orderLit = { LitElement, css, html, nothing };

export const orderZod = {
  array: z.array,
  enum: z.enum,
  extend: z.extend,
  int: z.int,
  // Only the builder used: the whole z.iso namespace would put date/time/duration validators into the main file.
  iso: { datetime: z.iso.datetime },
  looseObject: z.looseObject,
  maxLength: z.maxLength,
  minLength: z.minLength,
  number: z.number,
  object: z.object,
  optional: z.optional,
  // model/capped-text.ts (carrier text in order and tracking answers); the main file has it already for Branch.
  overwrite: z.overwrite,
  regex: z.regex,
  string: z.string,
  trim: z.trim,
};

/** Model schemas model/order.ts and model/tracking-point.ts (the order client's answers) build on; everything else
 * the step imports from the model is types only. */
export const orderModel = { BranchType, CarrierId, DayHours, HoursException, Money, Origin, Parcel, Quote };

export const orderI18n = { formatDate, formatMoney, resolveLang, toLang };

export interface OrderDeps {
  lit: typeof orderLit;
  z: typeof orderZod;
  model: typeof orderModel;
  i18n: typeof orderI18n;
}

export function orderDeps(): OrderDeps {
  return { lit: orderLit, z: orderZod, model: orderModel, i18n: orderI18n };
}
