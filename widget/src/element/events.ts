// Typed events of <branch-picker>. All bubble and are composed (they cross the shadow
// boundary), so a shop can listen on the element, the form or the document.
import type {
  Address,
  Branch,
  BranchLimits,
  BranchStatus,
  BranchType,
  DayHours,
  HoursException,
  PaymentMethod,
  Quote,
} from '../model/index.js';
import type { ErrorCode } from '../model/error-code.js';

/** What a shop receives about the chosen point: a detached copy, safe to keep and mutate. */
export interface BranchDetail {
  id: string;
  carrier: string;
  type: BranchType;
  name: string;
  address: Address;
  addressLine: string;
  city: string;
  postcode: string;
  lat: number;
  lng: number;
  timeZone: string;
  hours: DayHours[];
  exceptions: HoursException[];
  payment: PaymentMethod[];
  limits: BranchLimits;
  phone?: string;
  status: BranchStatus;
  statusNote?: string;
}

export interface SelectionDetail {
  branch: BranchDetail;
  /** Price and delivery time of the parcel to this point, when tariffs are known. */
  quote?: Quote;
}

export type { ErrorCode } from '../model/error-code.js';

export interface ErrorDetail {
  code: ErrorCode;
  message: string;
  /** The attribute or config field at fault, when there is one. */
  field?: string;
}

/** Build the public payload from a validated Branch (deep copy: our cache stays ours). */
export function toBranchDetail(b: Branch): BranchDetail {
  const detail: BranchDetail = {
    id: b.id,
    carrier: b.carrier,
    type: b.type,
    name: b.name,
    address: { ...b.address },
    addressLine: b.addressLine,
    city: b.address.city,
    postcode: b.address.postcode,
    lat: b.lat,
    lng: b.lng,
    timeZone: b.timeZone,
    hours: b.hours.map((d) => ({ ...d, breaks: d.breaks.map((r) => ({ ...r })) })),
    exceptions: b.exceptions.map((e) => ({ ...e })),
    payment: [...b.payment],
    limits: structuredCloneLimits(b.limits),
    status: b.status,
  };
  if (b.phone !== undefined) detail.phone = b.phone;
  if (b.statusNote !== undefined) detail.statusNote = b.statusNote;
  return detail;
}

function structuredCloneLimits(l: BranchLimits): BranchLimits {
  const out: BranchLimits = {};
  if (l.maxWeightG !== undefined) out.maxWeightG = l.maxWeightG;
  if (l.maxDimensionsCm) out.maxDimensionsCm = { ...l.maxDimensionsCm };
  if (l.maxDeclaredValue) out.maxDeclaredValue = { ...l.maxDeclaredValue };
  if (l.lockerCells) out.lockerCells = l.lockerCells.map((c) => ({ ...c, dimensionsCm: { ...c.dimensionsCm } }));
  return out;
}

const BASE = { bubbles: true, composed: true } as const;

/** The buyer picked a point (before commit). Cancel it to veto the choice. */
export class BpSelectEvent extends Event {
  readonly detail: SelectionDetail;
  constructor(detail: SelectionDetail) {
    super('bp-select', { ...BASE, cancelable: true });
    this.detail = detail;
  }
}

/** The committed choice: the form value is now this point's id. */
export class BpChangeEvent extends Event {
  readonly detail: SelectionDetail;
  constructor(detail: SelectionDetail) {
    super('bp-change', BASE);
    this.detail = detail;
  }
}

export class BpErrorEvent extends Event {
  readonly detail: ErrorDetail;
  constructor(detail: ErrorDetail) {
    super('bp-error', BASE);
    this.detail = detail;
  }
}

export class BpReadyEvent extends Event {
  readonly detail: Record<string, never> = {};
  constructor() {
    super('bp-ready', BASE);
  }
}

export class BpOpenEvent extends Event {
  readonly detail: Record<string, never> = {};
  constructor() {
    super('bp-open', BASE);
  }
}

export class BpCloseEvent extends Event {
  readonly detail: { committed: boolean };
  constructor(committed: boolean) {
    super('bp-close', BASE);
    this.detail = { committed };
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'bp-select': BpSelectEvent;
    'bp-change': BpChangeEvent;
    'bp-error': BpErrorEvent;
    'bp-ready': BpReadyEvent;
    'bp-open': BpOpenEvent;
    'bp-close': BpCloseEvent;
  }
}
