// Test samples for the Nova Poshta order sandbox and its connector, over the hand-made fixture dataset
// (test-support/fixture.ts). Test-only: nothing at runtime imports this file.
import { cityRef, warehouseRef } from './refs.js';

export const KYIV = cityRef({ country: 'UA', region: 'Київська', city: 'Київ' });
export const LVIV = cityRef({ country: 'UA', region: 'Львівська', city: 'Львів' });
export const WH_25 = warehouseRef('np-kyiv-25'); // branch, cash on delivery
export const WH_1 = warehouseRef('np-kyiv-1'); // branch, cash only (no cod)
export const WH_PM = warehouseRef('np-kyiv-pm'); // postomat, card only
export const UUID = (n: number) => `00000000-0000-4000-8000-${String(n).padStart(12, '0')}`;

/** A save shaped like the doc's sample (text form of the recipient). */
export const SAMPLE: Record<string, unknown> = {
  PayerType: 'Sender',
  PaymentMethod: 'NonCash',
  DateTime: '25.11.2026',
  CargoType: 'Parcel',
  Weight: '1.5',
  ServiceType: 'WarehouseWarehouse',
  SeatsAmount: '1',
  Description: 'Order 1001',
  Cost: '1500',
  CitySender: LVIV,
  Sender: UUID(1),
  SenderAddress: UUID(2),
  ContactSender: UUID(3),
  SendersPhone: '380441234567',
  CityRecipient: KYIV,
  RecipientAddress: WH_25,
  NewAddress: '1',
  RecipientCityName: 'Київ',
  RecipientType: 'PrivatePerson',
  RecipientName: 'Шевченко Тарас',
  RecipientsPhone: '380671234567',
  VolumeGeneral: '0.004',
  InfoRegClientBarcodes: 'ord_1',
};

export const POSTOMAT: Record<string, unknown> = {
  ...SAMPLE,
  ServiceType: 'WarehousePostomat',
  RecipientAddress: WH_PM,
  VolumeGeneral: undefined,
  OptionsSeat: [{ volumetricWidth: '30', volumetricLength: '40', volumetricHeight: '20', weight: '1.5' }],
};

