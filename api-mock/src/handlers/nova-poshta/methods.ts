// The Nova Poshta method registry: "Model.method" -> implementation. Add new methods here.
import type { NpMethod } from './envelope.js';
import { getWarehouses } from './warehouses.js';

export const NP_METHODS: Record<string, NpMethod> = {
  'Address.getWarehouses': getWarehouses,
  'AddressGeneral.getWarehouses': getWarehouses,
};
