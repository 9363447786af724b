// Branches need an IANA zone (hours are local to it); sources that lack one get it from the coordinate.
import tzlookup from '@photostructure/tz-lookup';
import { normaliseZone } from '../dataset/bounds.js';

/** The zone at a coordinate, with tz-lookup's pre-2022 Ukrainian names mapped to Europe/Kyiv. */
export function timeZoneAt(lat: number, lng: number): string {
  return normaliseZone(tzlookup(lat, lng));
}
