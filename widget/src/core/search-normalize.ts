// Search text normalisation shared by the sandbox server and client-side filtering.
//
// Both sides of a comparison go through normalizeText, which folds letters that buyers
// mix up or that transliteration cannot tell apart (ё/е, й/ы/і/ї/и, э/є/е, ґ/г, soft and
// hard signs dropped). The folded form is for matching only, never for display.
// queryVariants then expands one query into the few spellings it may stand for (wrong
// keyboard layout, Latin transliteration, exonyms such as Kiev/Kyiv/Київ), and the scan
// (matches/score) is plain indexOf over pre-normalised strings: no regex and no
// allocation per item, so 100k points stay far below the 50 ms keystroke budget.
import type { Branch } from '../model/index.js';

// ---------------------------------------------------------------------------
// Normalisation

/** Letters folded after lowercasing and NFD (which already turns й->и, ё->е, ї->і). */
const FOLD: Record<string, string> = {
  'ы': 'и', 'і': 'и', 'є': 'е', 'э': 'е', 'ґ': 'г', 'ъ': '', 'ь': '',
  // Apostrophes join the word (Ukrainian "м'ясо", "Mar'ina").
  "'": '', '’': '', 'ʼ': '', '`': '',
  'ß': 'ss', 'ø': 'o', 'ł': 'l', 'æ': 'ae', 'œ': 'oe',
};

function isWordChar(c: number): boolean {
  return (c >= 97 && c <= 122) // a-z
    || (c >= 48 && c <= 57) // 0-9
    || (c >= 0x430 && c <= 0x44f) // а-я
    || (c >= 0xdf && c <= 0x24f && c !== 0xf7); // remaining Latin letters
}

// normalizeText runs per code unit over a table (lowercase + NFD + fold, worked out once per
// character on first sight) instead of lowercasing and decomposing every string: a 1M-point index
// normalises ~100M characters. Per-character results equal the whole-string ones because the
// only context-dependent lowercasing (final sigma) and NFD's reordering of marks both land on
// characters that become a separator or vanish either way (the test checks every BMP code point
// and a sample of astral ones). Table values: a code unit to emit, or one of these.
const SEP = 0;
const DROP = 1;
const MULTI = 2; // several actions: see `multi`
const UNSEEN = 0xffff;
const table = new Uint16Array(0x10000).fill(UNSEEN);
/** Action lists of MULTI code units: a string to emit, or '' for a separator. */
const multi = new Map<number, string[]>();

function learn(unit: number): number {
  // Lone surrogates: every astral character lowercases and decomposes to non-word characters.
  if (unit >= 0xd800 && unit <= 0xdfff) return (table[unit] = SEP);
  const acts: string[] = [];
  for (const ch of String.fromCharCode(unit).toLowerCase().normalize('NFD')) {
    const code = ch.charCodeAt(0);
    if (code >= 0x300 && code <= 0x36f) continue; // combining marks left by NFD
    const folded = FOLD[ch] ?? (isWordChar(code) ? ch : '');
    if (folded || FOLD[ch] === undefined) acts.push(folded);
  }
  let v = MULTI;
  if (acts.length === 0) v = DROP;
  else if (acts.length === 1 && (acts[0] as string).length <= 1) v = acts[0] ? (acts[0] as string).charCodeAt(0) : SEP;
  else multi.set(unit, acts);
  return (table[unit] = v);
}

// Output code units of the string being built, reused across calls (a plain array: engines pass it
// to fromCharCode.apply faster than a typed array).
const out: number[] = [];
let len = 0;
let space = false;
const CHUNK = 4096; // fromCharCode.apply argument count stays well under engine limits

/** Append the normalised form of `s` (a separator, if any, before its first word). */
function feed(s: string): void {
  // Module state copied to locals: the loop then runs on registers, not context slots.
  const o = out;
  const t = table;
  let n = len;
  let sp = space;
  for (let i = 0; i < s.length; i++) {
    const unit = s.charCodeAt(i);
    let v = t[unit] as number;
    if (v === UNSEEN) v = learn(unit);
    if (v > MULTI) {
      if (sp) { if (n > 0) o[n++] = 32; sp = false; }
      o[n++] = v;
    } else if (v === SEP) {
      sp = true;
    } else if (v === MULTI) {
      for (const act of multi.get(unit) as string[]) {
        if (!act) { sp = true; continue; }
        if (sp) { if (n > 0) o[n++] = 32; sp = false; }
        for (let k = 0; k < act.length; k++) o[n++] = act.charCodeAt(k);
      }
    }
  }
  len = n;
  space = sp;
}

function take(): string {
  out.length = len;
  let text = '';
  if (len <= CHUNK) text = String.fromCharCode.apply(null, out);
  else for (let i = 0; i < len; i += CHUNK) text += String.fromCharCode.apply(null, out.slice(i, i + CHUNK));
  len = 0;
  space = false;
  return text;
}

/**
 * Index/query form: lowercase, letters folded, punctuation -> space, single spaces, trimmed.
 * "Ростов-на-Дону, ул. Ленина 5" -> "ростов на дону ул ленина 5"; "Київ" -> "киив".
 */
export function normalizeText(s: string): string {
  feed(s);
  return take();
}

/**
 * The text a point is found by: name, address, city, postcode. Normalise it once, at load.
 * Same as normalizeText of the parts joined by spaces, without building that string.
 */
export function branchSearchText(b: Pick<Branch, 'name' | 'addressLine' | 'address'>): string {
  const a = b.address;
  feed(b.name);
  space = true;
  feed(b.addressLine);
  space = true;
  feed(a.city);
  space = true;
  feed(a.street);
  space = true;
  feed(a.house);
  space = true;
  feed(a.postcode);
  return take();
}

// ---------------------------------------------------------------------------
// Wrong keyboard layout

const QWERTY = "`qwertyuiop[]asdfghjkl;'zxcvbnm,.~{}:\"<>\\";
const JCUKEN_RU = 'ёйцукенгшщзхъфывапролджэячсмитьбюЁХЪЖЭБЮ\\';
const JCUKEN_UK = "'йцукенгшщзхїфівапролджєячсмитьбю₴ХЇЖЄБЮґ";

function zipMap(from: string, to: string): Map<string, string> {
  const m = new Map<string, string>();
  const a = [...from];
  const b = [...to];
  a.forEach((ch, i) => m.set(ch, b[i] as string));
  return m;
}

const LAT_TO_RU = zipMap(QWERTY, JCUKEN_RU);
const LAT_TO_UK = zipMap(QWERTY, JCUKEN_UK);
const CYR_TO_LAT = (() => {
  const m = zipMap(JCUKEN_UK, QWERTY);
  for (const [k, v] of zipMap(JCUKEN_RU, QWERTY)) m.set(k, v);
  return m;
})();

function swapLayout(s: string, map: Map<string, string>): string {
  let out = '';
  for (const ch of s) out += map.get(ch) ?? ch;
  return out;
}

// ---------------------------------------------------------------------------
// Latin -> Cyrillic transliteration (Russian and Ukrainian national schemes, BGN/PCGN, ISO-ish).
// Some Latin spellings are ambiguous ("ts" is ц in Donetsk but тс in Irkutsk; "h" is х in
// Russian schemes and г in Ukrainian ones): those branch into alternatives.

const TRANSLIT: Array<[string, string[]]> = [
  ['shch', ['щ']], ['sch', ['щ']], ['zh', ['ж']], ['kh', ['х']], ['ch', ['ч']], ['sh', ['ш']],
  ['ts', ['ц', 'тс']], ['tz', ['ц']], ['ck', ['к']],
  ['ya', ['я']], ['ja', ['я']], ['ia', ['я', 'иа']], ['yu', ['ю']], ['ju', ['ю']], ['iu', ['ю']],
  ['yo', ['е', 'йо']], ['jo', ['е']], ['ye', ['е']], ['je', ['е']], ['ie', ['е', 'ие']],
  ['h', ['х', 'г']], ['x', ['кс']], ['w', ['в']], ['q', ['к']], ['j', ['й']], ['y', ['и']],
  ['a', ['а']], ['b', ['б']], ['d', ['д']], ['e', ['е']], ['f', ['ф']], ['g', ['г']], ['i', ['и']],
  ['k', ['к']], ['l', ['л']], ['m', ['м']], ['n', ['н']], ['o', ['о']], ['p', ['п']], ['r', ['р']],
  ['s', ['с']], ['t', ['т']], ['u', ['у']], ['v', ['в']], ['z', ['з']],
];
const MAX_TRANSLIT_VARIANTS = 4;

/** Cyrillic spellings of a normalised Latin string (non-Latin characters pass through). */
export function transliterate(s: string, maxVariants = MAX_TRANSLIT_VARIANTS): string[] {
  let outs = [''];
  let i = 0;
  while (i < s.length) {
    let alts: string[] | undefined;
    let len = 1;
    const ch = s[i] as string;
    if (ch === 'c') {
      // Latin convention: c is ц before e/i/y, otherwise к ("Moscow").
      const next = s[i + 1];
      if (next === 'h' || next === 'k') { /* handled by digraphs below */ } else {
        alts = next === 'e' || next === 'i' || next === 'y' ? ['ц'] : ['к'];
      }
    }
    if (!alts) {
      for (const [lat, cyr] of TRANSLIT) {
        if (s.startsWith(lat, i)) { alts = cyr; len = lat.length; break; }
      }
    }
    if (!alts) alts = [ch];
    if (alts.length === 1 || outs.length * alts.length > maxVariants) {
      const only = alts[0] as string;
      outs = outs.map((o) => o + only);
    } else {
      const next: string[] = [];
      for (const o of outs) for (const a of alts) next.push(o + a);
      outs = next;
    }
    i += len;
  }
  return outs;
}

// ---------------------------------------------------------------------------
// Exonyms: names that no transliteration links (Kiev <-> Київ, Moscow <-> Москва).

const EXONYM_GROUPS: string[][] = [
  ['moscow', 'moskva', 'москва'],
  ['saint petersburg', 'st petersburg', 'petersburg', 'sankt peterburg', 'санкт петербург', 'петербург', 'питер'],
  ['kiev', 'kyiv', 'киев', 'київ'],
  ['kharkov', 'kharkiv', 'харьков', 'харків'],
  ['odessa', 'odesa', 'одесса', 'одеса'],
  ['lvov', 'lviv', 'lwow', 'lemberg', 'львов', 'львів'],
  ['nizhny novgorod', 'nizhniy novgorod', 'нижний новгород'],
  ['dnipro', 'dnepr', 'dnipropetrovsk', 'dnepropetrovsk', 'днепр', 'дніпро', 'днепропетровск'],
  ['zaporizhzhia', 'zaporizhia', 'zaporozhye', 'запорожье', 'запоріжжя'],
  ['rostov on don', 'rostov na donu', 'ростов на дону'],
  ['yekaterinburg', 'ekaterinburg', 'екатеринбург'],
  ['mykolaiv', 'nikolaev', 'nikolayev', 'николаев', 'миколаїв'],
  ['vinnytsia', 'vinnitsa', 'винница', 'вінниця'],
  ['chernihiv', 'chernigov', 'чернигов', 'чернігів'],
  ['chernivtsi', 'chernovtsy', 'черновцы', 'чернівці'],
  ['zhytomyr', 'zhitomir', 'житомир'],
  ['rivne', 'rovno', 'ровно', 'рівне'],
  ['ternopil', 'ternopol', 'тернополь', 'тернопіль'],
  ['ivano frankivsk', 'ivano frankovsk', 'ивано франковск', 'івано франківськ'],
  ['kryvyi rih', 'krivoy rog', 'кривой рог', 'кривий ріг'],
  ['uzhhorod', 'uzhgorod', 'ужгород'],
  ['luhansk', 'lugansk', 'луганск', 'луганськ'],
  ['kropyvnytskyi', 'kirovograd', 'кировоград', 'кропивницкий', 'кропивницький'],
].map((g) => [...new Set(g.map(normalizeText))]);

const EXONYM_MIN_PREFIX = 3;

function isLatin(c: number): boolean {
  return c < 0x400;
}

function addExonyms(v: string, out: Set<string>): void {
  for (const group of EXONYM_GROUPS) {
    for (const name of group) {
      if (name === v || (v.length >= EXONYM_MIN_PREFIX && name.startsWith(v))) {
        for (const alias of group) out.add(alias);
        break;
      }
      if (v.startsWith(name) && v.charCodeAt(name.length) === 32) {
        // Keep one script per variant ("kharkiv sumska" -> "kharkov sumska", not "харьков sumska").
        const rest = v.slice(name.length);
        const restLatin = isLatin(rest.charCodeAt(1));
        for (const alias of group) if (isLatin(alias.charCodeAt(0)) === restLatin) out.add(alias + rest);
        break;
      }
    }
  }
}

// ---------------------------------------------------------------------------
// Query variants

const HAS_LATIN = /[a-z]/;
const HAS_CYRILLIC = /[\u0400-\u04ff]/;

/**
 * Distinct normalised spellings a query may stand for, the typed one first.
 * "Vjcrdf" -> [..., "москва"]; "Moskva" -> [..., "москва"]; "Kyiv" -> [..., "киив", "киев"].
 */
export function queryVariants(q: string): string[] {
  const typed = normalizeText(q);
  if (!typed) return [];
  const out = new Set<string>([typed]);
  const raw = q.toLowerCase().trim();
  const latin = HAS_LATIN.test(typed);
  if (latin) {
    out.add(normalizeText(swapLayout(raw, LAT_TO_RU)));
    out.add(normalizeText(swapLayout(raw, LAT_TO_UK)));
  }
  if (HAS_CYRILLIC.test(raw)) out.add(normalizeText(swapLayout(raw, CYR_TO_LAT)));
  for (const v of [...out]) addExonyms(v, out);
  if (latin) {
    // Transliterate what the buyer typed (all readings) and the Latin exonym rewrites
    // ("moscow tverskaya" -> "moskva tverskaya" -> "москва тверская"; first reading only).
    // Layout swaps are never transliterated: that only produces noise.
    const latinExonyms = [...out].filter((v) => v !== typed && HAS_LATIN.test(v) && v.includes(' '));
    const translits = transliterate(typed);
    for (const v of latinExonyms) translits.push(...transliterate(v, 1));
    for (const t of translits) {
      const n = normalizeText(t);
      if (!out.has(n)) { out.add(n); addExonyms(n, out); }
    }
  }
  out.delete('');
  return [...out];
}

// ---------------------------------------------------------------------------
// Matching and ranking

// The same variants array is passed for every item of a scan: split it once.
let lastVariants: readonly string[] | null = null;
let lastTokens: string[][] = [];

function tokensOf(variants: readonly string[]): string[][] {
  if (variants !== lastVariants) {
    lastVariants = variants;
    lastTokens = variants.map((v) => v.split(' '));
  }
  return lastTokens;
}

/** Does `token` start a word of `text` (text is normalised: words separated by one space)? */
function startsWord(text: string, token: string): boolean {
  let i = text.indexOf(token);
  while (i >= 0) {
    if (i === 0 || text.charCodeAt(i - 1) === 32) return true;
    i = text.indexOf(token, i + 1);
  }
  return false;
}

function allTokens(text: string, tokens: string[], wordStart: boolean): boolean {
  for (const t of tokens) {
    if (wordStart ? !startsWord(text, t) : text.indexOf(t) < 0) return false;
  }
  return true;
}

/** Every word of some variant begins a word of the indexed text (any order). */
export function matches(indexed: string, variants: readonly string[]): boolean {
  const tokens = tokensOf(variants);
  for (const t of tokens) if (allTokens(indexed, t, true)) return true;
  return false;
}

export const SCORE_EXACT = 4;
export const SCORE_PREFIX = 3;
export const SCORE_WORD_PREFIX = 2;
export const SCORE_SUBSTRING = 1;

/**
 * Rank of the best variant: exact 4 > whole text starts with it 3 > every word starts a word 2 >
 * every word found inside 1 > no match 0. `matches` is exactly score >= 2.
 */
export function score(indexed: string, variants: readonly string[]): number {
  const tokens = tokensOf(variants);
  let best = 0;
  for (let k = 0; k < variants.length; k++) {
    const t = tokens[k] as string[];
    // Most items miss every token: one indexOf each rules them out.
    if (!allTokens(indexed, t, false)) continue;
    const v = variants[k] as string;
    if (indexed === v) return SCORE_EXACT;
    if (indexed.startsWith(v)) best = SCORE_PREFIX;
    else if (best < SCORE_WORD_PREFIX && allTokens(indexed, t, true)) best = SCORE_WORD_PREFIX;
    else if (best < SCORE_SUBSTRING) best = SCORE_SUBSTRING;
  }
  return best;
}

/**
 * Indices of the texts that match (score >= minScore), best first, stable within a score.
 * Texts must already be normalised (branchSearchText / normalizeText).
 */
export function rankMatches(
  texts: readonly string[], q: string, opts: { limit?: number; minScore?: number } = {},
): number[] {
  const variants = queryVariants(q);
  if (variants.length === 0) return [];
  const min = opts.minScore ?? SCORE_WORD_PREFIX;
  // Bucket by score instead of sorting: scores are 1..4.
  const buckets: number[][] = [[], [], [], [], []];
  for (let i = 0; i < texts.length; i++) {
    const s = score(texts[i] as string, variants);
    if (s >= min) (buckets[s] as number[]).push(i);
  }
  const out: number[] = [];
  for (let s = SCORE_EXACT; s >= min; s--) out.push(...(buckets[s] as number[]));
  return opts.limit !== undefined ? out.slice(0, opts.limit) : out;
}
