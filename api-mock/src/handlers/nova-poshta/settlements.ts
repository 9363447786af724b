// Address.getCities and Address.searchSettlements (also under AddressGeneral), answered from the dataset's
// Ukrainian settlements (settlement-directory.ts) in the carrier's shapes (fixtures/real-shapes.ts).
// getCities lists the carrier's delivery cities (settlements with at least one of its points);
// searchSettlements finds any settlement by the start of its name, with how many points it has.
import { z } from '../../../../widget/src/model/zod.js';
import { normalizeText } from '../../shared-logic.js';
import { uuidFromString } from '../../util/hash.js';
import { validate } from '../http.js';
import { npInvalid, npOk, type NpMethod } from './envelope.js';
import { SETTLEMENT_KINDS, npSettlementDirectory, type NpSettlement } from './settlement-directory.js';
import { NpRef, NpText, npInt } from './warehouses.js';

export const NP_CITIES_DEFAULT_LIMIT = 500;
export const NP_SETTLEMENTS_DEFAULT_LIMIT = 50;
const MAX_LIMIT = 1000;

export interface NpCity {
  Description: string;
  DescriptionRu: string;
  Ref: string;
  Delivery1: string; Delivery2: string; Delivery3: string; Delivery4: string; Delivery5: string; Delivery6: string; Delivery7: string;
  Area: string;
  SettlementType: string;
  IsBranch: string;
  PreventEntryNewStreetsUser: string;
  Conglomerates: string[];
  CityID: string;
  SettlementTypeDescription: string;
  SettlementTypeDescriptionRu: string;
  SpecialCashCheck: number;
  Postomat: number;
  AreaDescription: string;
  AreaDescriptionRu: string;
}

export interface NpSettlementAddress {
  Present: string;
  Warehouses: number;
  MainDescription: string;
  Area: string;
  Region: string;
  SettlementTypeCode: string;
  Ref: string;
  DeliveryCity: string;
  AddressDeliveryAllowed: boolean;
  StreetsAvailability: boolean;
  ParentRegionTypes: string;
  ParentRegionCode: string;
  RegionTypes: string;
  RegionTypesCode: string;
}

/** Settlement type refs: derived (stable), like every other sandbox ref. */
const settlementTypeRef = (s: NpSettlement): string => uuidFromString(`np-settlement-type|${s.kind}`);

export function toNpCity(s: NpSettlement): NpCity {
  const kind = SETTLEMENT_KINDS[s.kind];
  const day = (d: number): string => (s.workDays.has(d) ? '1' : '0');
  return {
    Description: s.name,
    DescriptionRu: s.name,
    Ref: s.cityRef,
    Delivery1: day(1), Delivery2: day(2), Delivery3: day(3), Delivery4: day(4), Delivery5: day(5), Delivery6: day(6), Delivery7: day(7),
    Area: s.areaRef,
    SettlementType: settlementTypeRef(s),
    // 1: a branch of the carrier's own network; 0: served through partners' pickup points or lockers only.
    IsBranch: s.points.some((b) => b.type === 'post_office') ? '1' : '0',
    PreventEntryNewStreetsUser: '0',
    Conglomerates: [],
    CityID: String(s.cityId),
    SettlementTypeDescription: kind.uk,
    SettlementTypeDescriptionRu: kind.ru,
    SpecialCashCheck: 1,
    Postomat: s.points.some((b) => b.type === 'parcel_locker') ? 1 : 0,
    AreaDescription: s.area,
    AreaDescriptionRu: s.area,
  };
}

export function toNpSettlementAddress(s: NpSettlement): NpSettlementAddress {
  const kind = SETTLEMENT_KINDS[s.kind];
  const served = s.points.length > 0;
  return {
    Present: `${kind.code} ${s.name}, ${s.area} обл.`,
    Warehouses: s.points.length,
    MainDescription: s.name,
    Area: s.area,
    Region: '',
    SettlementTypeCode: kind.code,
    Ref: s.ref,
    // Only a settlement the carrier serves has a delivery city.
    DeliveryCity: served ? s.cityRef : '',
    AddressDeliveryAllowed: served,
    StreetsAvailability: served && s.kind === 'city',
    ParentRegionTypes: 'область',
    ParentRegionCode: 'обл.',
    RegionTypes: '',
    RegionTypesCode: '',
  };
}

const GetCitiesProps = z.object({
  Ref: z.optional(z.union([NpRef, z.literal('')])),
  FindByString: z.optional(NpText),
  Page: z.optional(npInt(1, 1_000_000)),
  Limit: z.optional(npInt(1, MAX_LIMIT)),
  Warehouse: z.optional(z.union([z.literal('0'), z.literal('1'), z.literal(0), z.literal(1)])),
  Language: z.optional(z.enum(['UA', 'ua', 'RU', 'ru', 'EN', 'en', ''], 'expected UA, RU or EN')),
});

/** Names starting with the text (each word of it), as the carrier's directories search. */
function startsWith(s: NpSettlement, text: string): boolean {
  if (!text) return true;
  return s.key.startsWith(text) || s.key.split(' ').some((w) => w.startsWith(text));
}

export const getCities: NpMethod = (props, { ctx }) => {
  const parsed = validate(GetCitiesProps, props);
  if (!parsed.ok) return npInvalid(parsed.field, parsed.message);
  const p = parsed.data;
  const text = p.FindByString ? normalizeText(p.FindByString) : '';
  const ref = p.Ref?.toLowerCase() ?? '';
  const matched = npSettlementDirectory(ctx).list.filter((s) =>
    s.points.length > 0 && (!ref || s.cityRef === ref) && startsWith(s, text));
  const limit = p.Limit ?? NP_CITIES_DEFAULT_LIMIT;
  const page = p.Page ?? 1;
  return npOk(matched.slice((page - 1) * limit, page * limit).map(toNpCity), { totalCount: matched.length });
};

const SearchSettlementsProps = z.object({
  CityName: z.string().check(z.minLength(1, 'expected a settlement name'), z.maxLength(200, 'at most 200 characters')),
  Page: z.optional(npInt(1, 1_000_000)),
  Limit: z.optional(npInt(1, MAX_LIMIT)),
});

export const searchSettlements: NpMethod = (props, { ctx }) => {
  const parsed = validate(SearchSettlementsProps, props);
  if (!parsed.ok) return npInvalid(parsed.field, parsed.message);
  const p = parsed.data;
  const text = normalizeText(p.CityName);
  if (!text) return npInvalid('CityName', 'expected a settlement name');
  // The exact name first, then settlements the carrier serves, the bigger first.
  const matched = npSettlementDirectory(ctx).list
    .filter((s) => startsWith(s, text))
    .sort((a, b) => Number(b.key === text) - Number(a.key === text)
      || b.points.length - a.points.length || b.population - a.population || a.cityId - b.cityId);
  const limit = p.Limit ?? NP_SETTLEMENTS_DEFAULT_LIMIT;
  const page = p.Page ?? 1;
  const addresses = matched.slice((page - 1) * limit, page * limit).map(toNpSettlementAddress);
  return npOk([{ TotalCount: matched.length, Addresses: addresses }], { totalCount: matched.length });
};
