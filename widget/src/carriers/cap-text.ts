// The carrier adapters build Branch objects by hand, so the Branch schema's text caps (model/capped-text.ts) must be
// applied here too: a point from feed="nova-poshta" or a sandbox import reaches the buyer without a Branch parse.
// Per field with capText rather than Branch.safeParse: the same caps, one length check per field when nothing is
// long, no second validation of what the adapter's own wire schema already checked (the whole-list worker maps up
// to ~100k warehouses), and an over-long field still only truncates, never drops the point.
import { capText, TEXT_CAPS } from '../model/capped-text.js';
import type { Branch } from '../model/index.js';

/**
 * Caps the text of a Branch the adapter has just built, IN PLACE (it owns the object), exactly as `Branch.parse`
 * would; returns it. Ids, refs and the time zone are identifiers and are left alone (see capped-text.ts).
 */
export function capBranchText(b: Branch): Branch {
  b.name = capText(b.name, TEXT_CAPS.name);
  b.addressLine = capText(b.addressLine, TEXT_CAPS.addressLine);
  const a = b.address;
  a.region = capText(a.region, TEXT_CAPS.addressLine);
  a.city = capText(a.city, TEXT_CAPS.name);
  a.street = capText(a.street, TEXT_CAPS.addressLine);
  a.house = capText(a.house, TEXT_CAPS.house);
  a.postcode = capText(a.postcode, TEXT_CAPS.postcode);
  if (b.phone !== undefined) b.phone = capText(b.phone, TEXT_CAPS.phone);
  if (b.statusNote !== undefined) b.statusNote = capText(b.statusNote, TEXT_CAPS.note);
  for (const e of b.exceptions) if (e.note !== undefined) e.note = capText(e.note, TEXT_CAPS.note);
  return b;
}
