// The Nova Poshta method registry: "Model.method" -> implementation. Add new methods here.
import type { NpMethod } from './envelope.js';
import { getCities, searchSettlements } from './settlements.js';
import { getWarehouses } from './warehouses.js';
import { INTERNET_DOCUMENT_METHODS } from './internet-document.js';
import { NP_DOCUMENT_METHODS } from './documents.js';

export const NP_METHODS: Record<string, NpMethod> = {
  'Address.getWarehouses': getWarehouses,
  'AddressGeneral.getWarehouses': getWarehouses,
  'Address.getCities': getCities,
  'AddressGeneral.getCities': getCities,
  'Address.searchSettlements': searchSettlements,
  'AddressGeneral.searchSettlements': searchSettlements,
  ...INTERNET_DOCUMENT_METHODS,
  ...NP_DOCUMENT_METHODS,
};
