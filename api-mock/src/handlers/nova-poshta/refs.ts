// Nova Poshta "Ref"s: UUIDs derived from our ids, stable across restarts and machines.
import type { BranchType } from '../../../../widget/src/model/index.js';
import { uuidFromString } from '../../util/hash.js';

export type NpCategory = 'Branch' | 'Postomat' | 'Store';

/** Warehouse type refs as published by the carrier (Address.getWarehouseTypes). */
export const NP_WAREHOUSE_TYPE_REFS: Readonly<Record<BranchType, string>> = {
  post_office: '841339c7-591a-42e2-8233-7a0a00f0ed6f',
  parcel_locker: 'f9316480-5f2d-425d-bc2c-ac7cd29decf0',
  pickup_point: '6f8c7162-4b72-4b0a-88e5-906948c6a92f',
};

export const NP_CATEGORY: Readonly<Record<BranchType, NpCategory>> = {
  post_office: 'Branch',
  parcel_locker: 'Postomat',
  pickup_point: 'Store',
};

export function warehouseRef(branchId: string): string {
  return uuidFromString(`np-warehouse|${branchId}`);
}

export function cityRef(address: { country: string; region: string; city: string }): string {
  return uuidFromString(`np-city|${address.country}|${address.region}|${address.city}`);
}

export function settlementRef(address: { country: string; region: string; city: string }): string {
  return uuidFromString(`np-settlement|${address.country}|${address.region}|${address.city}`);
}
