// Tariffs of the carriers served through our open feed (Poczta Polska, InPost, Kazpost, Belpost, Uzpost...):
// one model for all, priced in the destination country's currency. Sandbox numbers, believable structure:
// distance zones, weight steps, insurance share, COD share with a minimum, lockers cheaper, local VAT included.
import { deliveryDays } from './delivery-days.js';
import { zoneOf } from './geo.js';

interface CountryTariff {
  currency: string;
  /** Minor units per euro cent (sandbox fixed rates). */
  perEuroCent: number;
  vatRate: number;
}

const COUNTRIES: Readonly<Record<string, CountryTariff>> = {
  PL: { currency: 'PLN', perEuroCent: 4.3, vatRate: 23 },
  KZ: { currency: 'KZT', perEuroCent: 520, vatRate: 12 },
  BY: { currency: 'BYN', perEuroCent: 3.5, vatRate: 20 },
  UZ: { currency: 'UZS', perEuroCent: 14_000, vatRate: 12 },
  RU: { currency: 'RUB', perEuroCent: 100, vatRate: 20 },
  UA: { currency: 'UAH', perEuroCent: 45, vatRate: 20 },
};
const DEFAULT_COUNTRY: CountryTariff = { currency: 'EUR', perEuroCent: 1, vatRate: 20 };

/** Euro cents without VAT: first kilogram, each further kilogram; zone factors for zones 1..7. */
const BASE = 390;
const PER_KG = 60;
const ZONE_FACTOR = [1, 1.2, 1.45, 1.75, 2.1, 2.6, 3.2] as const;
const LOCKER_FACTOR = 0.85;
export const GENERIC_INSURANCE_RATE = 0.01;
export const GENERIC_COD_RATE = 0.015;
/** Euro cents. */
const GENERIC_COD_MIN = 150;

export function countryTariff(country: string): CountryTariff {
  return COUNTRIES[country] ?? DEFAULT_COUNTRY;
}

export interface GenericTariffInput {
  km: number;
  weightG: number;
  /** Destination country: its currency and VAT apply. */
  country: string;
  toLocker: boolean;
  /** In the destination currency's minor units; other currencies are not insured. */
  declaredValue?: number;
  cashOnDelivery?: number;
}

export interface GenericTariff {
  currency: string;
  vatRate: number;
  /** Minor units, VAT included. */
  delivery: number;
  insurance: number;
  codFee: number;
  total: number;
  vat: number;
  days: { min: number; max: number };
}

export function genericTariff(input: GenericTariffInput): GenericTariff {
  const c = countryTariff(input.country);
  const gross = (net: number): number => Math.round(net * (1 + c.vatRate / 100));
  const kgSteps = Math.max(0, Math.ceil(input.weightG / 1000) - 1);
  const factor = ZONE_FACTOR[zoneOf(input.km) - 1] ?? 3.2;
  const euroCents = (BASE + kgSteps * PER_KG) * factor * (input.toLocker ? LOCKER_FACTOR : 1);
  const delivery = gross(euroCents * c.perEuroCent);
  const insurance = input.declaredValue ? gross(input.declaredValue * GENERIC_INSURANCE_RATE) : 0;
  const codFee = input.cashOnDelivery
    ? gross(Math.max(GENERIC_COD_MIN * c.perEuroCent, input.cashOnDelivery * GENERIC_COD_RATE))
    : 0;
  const total = delivery + insurance + codFee;
  return {
    currency: c.currency,
    vatRate: c.vatRate,
    delivery,
    insurance,
    codFee,
    total,
    vat: Math.round((total * c.vatRate) / (100 + c.vatRate)),
    days: deliveryDays(input.km, 'standard'),
  };
}
