// What the buyer types to find a parcel without a link: the track number (its check digit verified here, so a
// typo is caught before any request) and the recipient's phone, read for the country the track number belongs to.
import { normalizePhone } from '../core/phone.js';
import { isNovaPoshtaTtn, isRussianPostDomestic, isS10 } from '../core/track-number.js';
import type { TrackingMessages } from './messages.js';

export type LookupField = 'trackNumber' | 'phone';

export type LookupCheck =
  | { ok: true; trackNumber: string; phone: string; country: 'RU' | 'UA' }
  | { ok: false; errors: Partial<Record<LookupField, string>> };

const PHONE_EXAMPLE = { RU: '+7 912 345-67-89', UA: '+380 67 123 4567' } as const;

/** Spaces and dashes people copy from an SMS go; letters are upper-cased ("ra 1234 5678 5ru" -> "RA123456785RU"). */
export function cleanTrackNumber(raw: string): string {
  return raw.replace(/[\s-]/g, '').toUpperCase();
}

/** The country whose carrier issued the number, or the message saying what is wrong with it. */
function trackCountry(track: string, m: TrackingMessages): { country: 'RU' | 'UA' } | { error: string } {
  if (!track) return { error: m.trackEmpty };
  // Nova Poshta waybills have no published check digit: 20… / 59… and 14 digits is all there is to check.
  if (isNovaPoshtaTtn(track)) return { country: 'UA' };
  if (isRussianPostDomestic(track) || isS10(track)) return { country: 'RU' };
  // The right shape with a wrong check digit is a typo; say so rather than "wrong format".
  if (/^\d{14}$/.test(track) || /^[A-Z]{2}\d{9}[A-Z]{2}$/.test(track)) return { error: m.trackCheckDigit };
  return { error: m.trackFormat };
}

export function checkLookup(rawTrack: string, rawPhone: string, m: TrackingMessages): LookupCheck {
  const trackNumber = cleanTrackNumber(rawTrack);
  const errors: Partial<Record<LookupField, string>> = {};
  const track = trackCountry(trackNumber, m);
  if ('error' in track) errors.trackNumber = track.error;
  // Without a valid track number the phone is read as Russian or Ukrainian by its own prefix.
  const country = 'country' in track ? track.country : rawPhone.replace(/\D/g, '').startsWith('380') ? 'UA' : 'RU';
  let phone = '';
  if (!rawPhone.trim()) errors.phone = m.phoneEmpty;
  else {
    const p = normalizePhone(rawPhone, country);
    if (p.ok) phone = p.e164;
    else errors.phone = m.phoneInvalid(PHONE_EXAMPLE[country]);
  }
  if (errors.trackNumber || errors.phone) return { ok: false, errors };
  return { ok: true, trackNumber, phone, country };
}
