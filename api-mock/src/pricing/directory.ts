// What the tariff handlers need to know about places. The sandbox context adapts its dataset to this,
// so the price model stays independent of how branches and settlements are stored.
import type { Coord } from './geo.js';

export interface TariffPlace extends Coord {
  name: string;
  /** Destination point kind, when the place is a point: lockers are priced and limited differently. */
  type?: 'post_office' | 'pickup_point' | 'parcel_locker';
  status?: 'open' | 'temporarily_closed' | 'closed';
  maxWeightG?: number;
  /** IANA zone of the place; the RP deadline is local time there. */
  timeZone?: string;
}

export interface TariffDirectory {
  /** A Russian Post office (or any place) by 6-digit postcode. */
  byPostcode(index: string): TariffPlace | undefined;
  /** A Nova Poshta city by CityRef. */
  npCity(ref: string): (TariffPlace & { ref: string }) | undefined;
  /** A Nova Poshta warehouse by Ref (optional: lets the price know the recipient point is a locker). */
  npWarehouse?(ref: string): (TariffPlace & { cityRef: string }) | undefined;
}
