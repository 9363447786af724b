// 3. Search keystroke -> ranked results at 100k points (every 10th point of `stress`: six countries,
// several carriers). Every prefix (2+ characters) of each query is one keystroke.
// Ours: rankMatches over texts normalised once at load (branchSearchText) with queryVariants.
// Baseline: per keystroke, per item raw.toLowerCase() + includes() for the same variants.
import type { Branch } from '../../widget/src/model/index.js';
import { branchSearchText, queryVariants, rankMatches } from '../../widget/src/core/search-normalize.js';
import { dataset } from '../lib/datasets.js';
import type { Section } from '../lib/section.js';
import { max, median, percentile, timeSync } from '../lib/stats.js';

const N = 100_000;
const LIMIT = 50;
const BUDGET_MS = 50;

export const searchSection: Section = {
  id: 'search',
  title: `3. Search keystroke -> results (${N.toLocaleString('en-US')} points)`,
  async run(report, { quick }) {
    const all = dataset('stress').branches;
    const step = Math.floor(all.length / N);
    const items: Branch[] = [];
    for (let i = 0; i < N; i++) items.push(all[i * step]!);

    const { ms: indexMs, value: texts } = timeSync(() => items.map(branchSearchText));
    const raw = items.map((b) => `${b.name} ${b.addressLine} ${b.address.city} ${b.address.street} ${b.address.house} ${b.address.postcode}`);
    report.note(`one-off index: normalising ${N.toLocaleString('en-US')} texts took ${indexMs.toFixed(0)} ms (at load, not per keystroke)`);

    const queries = pickQueries(items);
    report.note(`queries: ${queries.map((q) => JSON.stringify(q)).join(', ')}`);
    const reps = quick ? 3 : 7;
    const oursMs: number[] = [];
    const baseMs: number[] = [];
    const perQuery: string[] = [];
    for (const q of queries) {
      let oursHits = 0;
      let baseHits = 0;
      for (let len = 2; len <= q.length; len++) {
        const typed = q.slice(0, len);
        const o: number[] = [];
        const b: number[] = [];
        for (let r = 0; r < reps; r++) {
          // Alternate so both get the same CPU weather on a shared machine.
          const ours = timeSync(() => rankMatches(texts, typed, { limit: LIMIT }));
          const base = timeSync(() => naiveSearch(raw, typed, LIMIT));
          o.push(ours.ms);
          b.push(base.ms);
          oursHits = ours.value.length;
          baseHits = base.value.total;
        }
        oursMs.push(median(o));
        baseMs.push(median(b));
      }
      const oursTotal = rankMatches(texts, q).length;
      perQuery.push(`${JSON.stringify(q)}: ours ${oursTotal} found (${oursHits} shown), naive ${baseHits} found`);
    }
    report.note(`last keystroke: ${perQuery.join('; ')}`);
    report.add({
      metric: `keystroke -> ranked top ${LIMIT}, median of ${oursMs.length} keystrokes`, value: median(oursMs), unit: 'ms',
      baseline: { label: 'naive toLowerCase+includes', value: median(baseMs), unit: 'ms' },
      ratio: median(baseMs) / median(oursMs), ratioMeaning: 'faster',
    });
    const p95 = percentile(oursMs, 95);
    report.add({
      metric: 'keystroke -> ranked results, p95', value: p95, unit: 'ms',
      baseline: { label: 'naive', value: percentile(baseMs, 95), unit: 'ms' },
      ratio: percentile(baseMs, 95) / p95, ratioMeaning: 'faster',
      budget: `<= ${BUDGET_MS} ms`, ok: p95 <= BUDGET_MS,
    });
    report.add({
      metric: 'keystroke -> ranked results, worst', value: max(oursMs), unit: 'ms',
      baseline: { label: 'naive', value: max(baseMs), unit: 'ms' },
      ratio: max(baseMs) / max(oursMs), ratioMeaning: 'faster',
    });
  },
};

/** The queries the brief names, with the postcode and street taken from the data itself. */
function pickQueries(items: readonly Branch[]): string[] {
  const ru = items.filter((b) => b.address.country === 'RU' && b.address.street);
  const withPostcode = ru[Math.floor(ru.length / 3)]!;
  const withStreet = ru[Math.floor((ru.length * 2) / 3)]!;
  return ['Москва', 'Vjcrdf', 'Moskva', withPostcode.address.postcode, `${withStreet.address.street} ${withStreet.address.house}`, 'Київ'];
}

/** What a list filter without an index does: lowercase every record on every keystroke. */
function naiveSearch(raw: readonly string[], q: string, limit: number): { total: number; top: number[] } {
  const variants = queryVariants(q);
  const found: number[] = [];
  for (let i = 0; i < raw.length; i++) {
    const s = raw[i]!.toLowerCase();
    for (const v of variants) {
      if (s.includes(v)) {
        found.push(i);
        break;
      }
    }
  }
  return { total: found.length, top: found.slice(0, limit) };
}
