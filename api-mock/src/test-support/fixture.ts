// A tiny hand-made dataset for handler tests: every value a test asserts is visible here.
import type { Branch, DayHours } from '../../../widget/src/model/index.js';
import type { SandboxDataset } from '../context.js';

const weekdays = (open: string, close: string, breaks: DayHours['breaks'] = []): DayHours[] =>
  [1, 2, 3, 4, 5].map((day) => ({ day, open, close, breaks }));
const everyDay = (open: string, close: string): DayHours[] =>
  [1, 2, 3, 4, 5, 6, 7].map((day) => ({ day, open, close, breaks: [] }));

function branch(p: Partial<Branch> & Pick<Branch, 'id' | 'carrier' | 'type' | 'name' | 'lat' | 'lng'> & { city: string; street: string; house: string; postcode: string; country?: string; region?: string }): Branch {
  const country = p.country ?? (p.carrier === 'nova-poshta' ? 'UA' : 'RU');
  const { city, street, house, postcode, region, country: _c, ...rest } = p;
  return {
    address: { country, region: region ?? city, city, street, house, postcode },
    addressLine: `${street}, ${house}, ${city}, ${postcode}`,
    timeZone: country === 'UA' ? 'Europe/Kyiv' : 'Europe/Moscow',
    hours: weekdays('09:00', '18:00'),
    exceptions: [],
    payment: ['card', 'cash'],
    limits: {},
    status: 'open',
    ...rest,
  };
}

export const FIXTURE_BRANCHES: Branch[] = [
  branch({
    id: 'rp-101000', carrier: 'russian-post', type: 'post_office', name: 'Москва 101000', lat: 55.7622, lng: 37.6339,
    city: 'Москва', street: 'Мясницкая ул', house: '26', postcode: '101000', phone: '+7 (800) 100-00-00',
    hours: [...weekdays('08:00', '20:00', [{ from: '13:00', to: '14:00' }]), { day: 6, open: '09:00', close: '18:00', breaks: [] }],
    payment: ['card', 'cash', 'cod'],
  }),
  branch({
    id: 'rp-pm-101000', carrier: 'russian-post', type: 'parcel_locker', name: 'Почтомат на Мясницкой', lat: 55.7625, lng: 37.6345,
    city: 'Москва', street: 'Мясницкая ул', house: '24', postcode: '101000', hours: everyDay('00:00', '24:00'), payment: ['card'],
    limits: { maxWeightG: 15000 },
  }),
  branch({
    id: 'rp-115551', carrier: 'russian-post', type: 'post_office', name: 'Москва 115551', lat: 55.612772, lng: 37.704862,
    city: 'Москва', street: 'Домодедовская ул', house: '20 к3', postcode: '115551', hours: everyDay('08:00', '20:00'),
  }),
  branch({
    id: 'rp-190000', carrier: 'russian-post', type: 'post_office', name: 'Санкт-Петербург 190000', lat: 59.9311, lng: 30.3609,
    city: 'Санкт-Петербург', street: 'Почтамтская ул', house: '9', postcode: '190000',
  }),
  branch({
    id: 'rp-690000', carrier: 'russian-post', type: 'post_office', name: 'Владивосток 690000', lat: 43.1155, lng: 131.8855,
    city: 'Владивосток', street: 'Светланская ул', house: '41', postcode: '690000', timeZone: 'Asia/Vladivostok',
    status: 'temporarily_closed', statusNote: 'ремонт',
  }),
  branch({
    id: 'np-kyiv-25', carrier: 'nova-poshta', type: 'post_office', name: 'Відділення №25 (до 30 кг)', lat: 50.509762, lng: 30.490456,
    city: 'Київ', region: 'Київська', street: 'вул. М. Тимошенка', house: '9', postcode: '04212', phone: '380800500609',
    hours: [...weekdays('08:00', '21:00'), { day: 6, open: '09:00', close: '18:00', breaks: [] }],
    payment: ['card', 'cash', 'cod'], limits: { maxWeightG: 30000 },
  }),
  branch({
    id: 'np-kyiv-1', carrier: 'nova-poshta', type: 'post_office', name: 'Відділення №1', lat: 50.3802, lng: 30.4728,
    city: 'Київ', region: 'Київська', street: 'вул. Пирогівський шлях', house: '135', postcode: '03045', payment: ['cash'],
  }),
  branch({
    id: 'np-kyiv-pm', carrier: 'nova-poshta', type: 'parcel_locker', name: 'Поштомат №3001', lat: 50.4501, lng: 30.5234,
    city: 'Київ', region: 'Київська', street: 'вул. Хрещатик', house: '22', postcode: '01001', hours: everyDay('00:00', '24:00'),
    payment: ['card'],
    limits: { lockerCells: [{ size: 'S', dimensionsCm: { length: 60, width: 40, height: 10 }, maxWeightG: 20000 }, { size: 'L', dimensionsCm: { length: 60, width: 40, height: 30 }, maxWeightG: 20000 }] },
  }),
  branch({
    id: 'np-lviv-1', carrier: 'nova-poshta', type: 'pickup_point', name: 'Пункт видачі №1', lat: 49.8397, lng: 24.0297,
    city: 'Львів', region: 'Львівська', street: 'пл. Ринок', house: '1', postcode: '79000', status: 'closed',
  }),
];

export const FIXTURE_DATASET: SandboxDataset = {
  size: 'small',
  seed: 1,
  branches: FIXTURE_BRANCHES,
  settlements: [
    { id: 's-msk', name: 'Москва', region: 'Москва', country: 'RU', lat: 55.7558, lng: 37.6173, population: 12_600_000, timeZone: 'Europe/Moscow' },
    { id: 's-mytishchi', name: 'Мытищи', region: 'Московская область', country: 'RU', lat: 55.9116, lng: 37.7308, population: 235_000, timeZone: 'Europe/Moscow' },
    { id: 's-moskovsky', name: 'Московский', region: 'Москва', country: 'RU', lat: 55.5991, lng: 37.3547, population: 60_000, timeZone: 'Europe/Moscow' },
    { id: 's-spb', name: 'Санкт-Петербург', region: 'Санкт-Петербург', country: 'RU', lat: 59.9386, lng: 30.3141, population: 5_400_000, timeZone: 'Europe/Moscow' },
    { id: 's-vvo', name: 'Владивосток', region: 'Приморский край', country: 'RU', lat: 43.1155, lng: 131.8855, population: 600_000, timeZone: 'Asia/Vladivostok' },
    { id: 's-kyiv', name: 'Київ', region: 'Київська', country: 'UA', lat: 50.4501, lng: 30.5234, population: 2_950_000, timeZone: 'Europe/Kyiv' },
    { id: 's-lviv', name: 'Львів', region: 'Львівська', country: 'UA', lat: 49.8397, lng: 24.0297, population: 720_000, timeZone: 'Europe/Kyiv' },
  ],
};

/** Wednesday 25 Nov 2026, 12:00 in Moscow (09:00 UTC), 11:00 in Kyiv, 19:00 in Vladivostok. */
export const FIXTURE_NOW = new Date('2026-11-25T09:00:00Z');
