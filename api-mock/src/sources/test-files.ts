// Test helpers: temp files and carrier records in the carriers' real shapes (values as Nova Poshta and
// Russian Post send them: NP numbers as strings, RP times with milliseconds).
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

export interface TempDir {
  dir: string;
  /** Writes `content` (JSON-encoded unless a string) and answers the path. */
  write(name: string, content: unknown): string;
  remove(): void;
}

export function tempDir(prefix = 'bp-sources-'): TempDir {
  const dir = mkdtempSync(join(tmpdir(), prefix));
  return {
    dir,
    write(name, content) {
      const path = join(dir, name);
      writeFileSync(path, typeof content === 'string' ? content : JSON.stringify(content));
      return path;
    },
    remove: () => rmSync(dir, { recursive: true, force: true }),
  };
}

/** A Nova Poshta warehouse item; `n` makes Ref and Number unique. */
export function npItem(n: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  const hex = n.toString(16).padStart(12, '0');
  return {
    SiteKey: String(100 + n),
    Description: `Відділення №${n} (до 30 кг): вул. Городоцька, ${n}`,
    ShortAddress: `Львів, Городоцька, ${n}`,
    Phone: '380800500609',
    TypeOfWarehouse: '841339c7-591a-42e2-8233-7a0a00f0ed6f',
    Ref: `16922859-e1c2-11e3-8c4a-${hex}`,
    Number: String(n),
    CityRef: 'db5c88f5-391c-11dd-90d9-001a92567626',
    CityDescription: 'Львів',
    SettlementAreaDescription: 'Львівська',
    Longitude: (24.0 + n / 1000).toFixed(6),
    Latitude: (49.84 + n / 2000).toFixed(6),
    POSTerminal: '1',
    PaymentAccess: '1',
    TotalMaxWeightAllowed: '30',
    PlaceMaxWeightAllowed: '0',
    ReceivingLimitationsOnDimensions: { Width: 120, Height: 120, Length: 120 },
    Schedule: { Monday: '08:00-21:00', Tuesday: '08:00-21:00', Wednesday: '08:00-21:00', Thursday: '08:00-21:00', Friday: '08:00-21:00', Saturday: '09:00-18:00', Sunday: '-' },
    WarehouseStatus: 'Working',
    CategoryOfWarehouse: 'Branch',
    DenyToSelect: '0',
    PostMachineType: '',
    WarehouseIndex: `1/${n}`,
    PostalCodeUA: '79000',
    ...overrides,
  };
}

export function npAnswer(items: unknown[]): Record<string, unknown> {
  return { success: true, data: items, errors: [], warnings: [], info: { totalCount: items.length }, messageCodes: [], errorCodes: [], warningCodes: [], infoCodes: [] };
}

/** A Russian Post office in the postoffice/1.0 shape. */
export function rpOffice(index: string, lat: number, lng: number, overrides: Record<string, unknown> = {}): Record<string, unknown> {
  return {
    'postal-code': index,
    'address-source': 'ул Ленина, 1',
    'type-code': 'GOPS',
    latitude: lat,
    longitude: lng,
    'is-closed': false,
    'is-temporary-closed': false,
    'working-hours': [1, 2, 3, 4, 5].map((d) => ({
      'weekday-id': d, 'begin-worktime': '08:00:00.000', 'end-worktime': '20:00:00.000',
      lunches: [{ 'begin-lunchtime': '13:00:00.000', 'end-lunchtime': '14:00:00.000' }],
    })),
    'works-on-saturdays': false,
    'works-on-sundays': false,
    phones: [{ 'phone-number': '1000000', 'phone-town-code': '800' }],
    settlement: 'Екатеринбург',
    region: 'Свердловская область',
    ...overrides,
  };
}
