// Server-side search for GET /api/v1/search: settlements by name (population first) and points by
// name, address, city or postcode. Texts are normalized once; a query is a scan over flat strings.
import type { Branch, SearchSuggestion } from '../../widget/src/model/index.js';
import { branchSearchText, normalizeText, queryVariants, score, SCORE_WORD_PREFIX } from './shared-logic.js';
import type { Settlement } from './dataset/index.js';
import { distanceM } from './spatial/geo.js';

/** What search needs of a settlement (the dataset's Settlement without its time zone). */
export type SettlementLike = Omit<Settlement, 'timeZone'>;

export interface SearchOptions {
  limit: number;
  near?: { lat: number; lng: number } | undefined;
}

/** At most this many cities in a mixed answer: the rest of the room goes to points. */
const MAX_CITIES = 5;
/** A match deeper than this many points is not worth ranking for a suggestion list. */
const MAX_POINT_CANDIDATES = 20_000;

interface Scored {
  index: number;
  /** Higher is better (search-normalize's score). */
  score: number;
  distance: number;
}

/** Points normalised per slice before yielding to the event loop (tiles keep flowing meanwhile). */
const PREPARE_CHUNK = 5_000;

export class SearchIndex {
  private readonly branches: readonly Branch[];
  private readonly settlements: readonly SettlementLike[];
  private readonly settlementText: string[];
  private settlementCount: number[] = [];
  private readonly pointText: string[];
  /**
   * Points by postcode as chains: the last point with a postcode, then each point's predecessor
   * (-1 ends). Two flat structures instead of one small array per postcode (~500k at `stress`).
   */
  private readonly postcodeLast = new Map<string, number>();
  private readonly postcodePrev: Int32Array;
  private prepared = 0;
  private preparing: Promise<void> | null = null;

  /** Cheap: the heavy normalisation of every point happens in prepare(). */
  constructor(branches: readonly Branch[], settlements: readonly SettlementLike[]) {
    this.branches = branches;
    // Population order makes "first found" the most likely answer.
    this.settlements = [...settlements].sort((a, b) => b.population - a.population);
    this.settlementText = this.settlements.map((s) => normalizeText(s.name));
    this.pointText = new Array<string>(branches.length);
    this.postcodePrev = new Int32Array(branches.length);
  }

  get ready(): boolean {
    return this.prepared === this.branches.length && this.preparing !== null;
  }

  /**
   * Normalise every point's text (seconds at 100k+ points), in slices that yield to the event loop,
   * so a server stays responsive while it warms up. Idempotent; search() needs it done.
   */
  prepare(): Promise<void> {
    this.preparing ??= new Promise<void>((resolve) => {
      // Points per raw city name, by country: nested maps, so no key string is built per point.
      // City names repeat (thousands of points each): they are normalised once, at the end.
      const rawCityCount = new Map<string, Map<string, number>>();
      const step = () => {
        const end = Math.min(this.branches.length, this.prepared + PREPARE_CHUNK);
        for (let i = this.prepared; i < end; i++) {
          const b = this.branches[i]!;
          let cities = rawCityCount.get(b.address.country);
          if (!cities) rawCityCount.set(b.address.country, (cities = new Map()));
          cities.set(b.address.city, (cities.get(b.address.city) ?? 0) + 1);
          this.pointText[i] = branchSearchText(b);
          const pc = b.address.postcode.trim();
          if (pc) {
            this.postcodePrev[i] = this.postcodeLast.get(pc) ?? -1;
            this.postcodeLast.set(pc, i);
          }
        }
        this.prepared = end;
        if (end < this.branches.length) {
          setTimeout(step, 0);
          return;
        }
        const perCity = new Map<string, number>();
        for (const [country, cities] of rawCityCount) {
          for (const [city, count] of cities) {
            const key = `${country}|${normalizeText(city)}`;
            perCity.set(key, (perCity.get(key) ?? 0) + count);
          }
        }
        this.settlementCount = this.settlements.map((s, i) => perCity.get(`${s.country}|${this.settlementText[i]}`) ?? 0);
        resolve();
      };
      step();
    });
    return this.preparing;
  }

  search(q: string, options: SearchOptions): SearchSuggestion[] {
    if (!this.ready) throw new Error('SearchIndex.search() before prepare() finished');
    const trimmed = q.trim();
    if (/^\d{5,6}$/.test(trimmed)) return this.byPostcodeQuery(trimmed, options);
    // One array for the whole scan: score() caches its tokens by array identity.
    const variants = queryVariants(trimmed);
    if (variants.length === 0) return [];
    const cities = this.searchSettlements(variants, Math.min(MAX_CITIES, options.limit));
    const points = this.searchPoints(variants, options.limit - cities.length, options.near);
    return [...cities, ...points];
  }

  private byPostcodeQuery(postcode: string, options: SearchOptions): SearchSuggestion[] {
    const scored: Scored[] = [];
    for (let i = this.postcodeLast.get(postcode) ?? -1; i >= 0; i = this.postcodePrev[i]!) {
      scored.push({ index: i, score: 0, distance: this.distanceTo(i, options.near) });
    }
    return this.toPointSuggestions(scored, options.limit);
  }

  private searchSettlements(variants: readonly string[], limit: number): SearchSuggestion[] {
    if (limit <= 0) return [];
    const hits: Array<{ index: number; score: number }> = [];
    for (let i = 0; i < this.settlementText.length; i++) {
      const s = score(this.settlementText[i]!, variants);
      if (s >= SCORE_WORD_PREFIX) hits.push({ index: i, score: s });
    }
    // Stable sort: within one score the population order of the scan is kept.
    hits.sort((a, b) => b.score - a.score);
    return hits.slice(0, limit).map(({ index }) => {
      const s = this.settlements[index]!;
      return { kind: 'city', label: s.name, region: s.region, country: s.country, lat: s.lat, lng: s.lng, count: this.settlementCount[index] ?? 0 };
    });
  }

  private searchPoints(variants: readonly string[], limit: number, near: SearchOptions['near']): SearchSuggestion[] {
    if (limit <= 0) return [];
    const scored: Scored[] = [];
    for (let i = 0; i < this.pointText.length && scored.length < MAX_POINT_CANDIDATES; i++) {
      const s = score(this.pointText[i]!, variants);
      if (s >= SCORE_WORD_PREFIX) scored.push({ index: i, score: s, distance: this.distanceTo(i, near) });
    }
    return this.toPointSuggestions(scored, limit);
  }

  private distanceTo(index: number, near: SearchOptions['near']): number {
    if (!near) return 0;
    const b = this.branches[index]!;
    return distanceM(near.lat, near.lng, b.lat, b.lng);
  }

  private toPointSuggestions(scored: Scored[], limit: number): SearchSuggestion[] {
    scored.sort((a, b) => b.score - a.score || a.distance - b.distance || a.index - b.index);
    return scored.slice(0, limit).map(({ index }) => {
      const b = this.branches[index]!;
      return { kind: 'point', label: b.name, id: b.id, addressLine: b.addressLine, lat: b.lat, lng: b.lng };
    });
  }
}
