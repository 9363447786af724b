/**
 * Reverse transliteration of GeoNames Latin names into Cyrillic. GeoNames romanises Russian places with
 * BGN/PCGN and Ukrainian places with the 2010 national system, so each language gets its own rules.
 * Romanisation loses information (ь, ё/е, й/ї), so this is a best guess for small places; the large ones
 * come from the curated tables in city-names.ts.
 */
export type TranslitLanguage = 'ru' | 'uk';

const VOWELS_LATIN = new Set(['a', 'e', 'i', 'o', 'u', 'y', 'ë']);
const VOWELS_CYR = new Set([...'аеёиоуыэюяієї']);

const COMMON: Record<string, string> = {
  a: 'а', b: 'б', v: 'в', d: 'д', z: 'з', k: 'к', l: 'л', m: 'м', n: 'н', o: 'о', p: 'п', r: 'р', s: 'с',
  t: 'т', u: 'у', f: 'ф', c: 'ц', w: 'в', x: 'кс', q: 'к', j: 'й',
};

function isVowelCyr(ch: string | undefined): boolean {
  return ch !== undefined && VOWELS_CYR.has(ch);
}

function wordRu(w: string): string {
  let out = '';
  let i = 0;
  const at = (k: number): string => w[k] ?? '';
  while (i < w.length) {
    const rest = w.slice(i);
    const prevOut = out[out.length - 1];
    if (rest.startsWith('shch')) { out += 'щ'; i += 4; continue; }
    if (rest.startsWith('yë') || rest.startsWith('yo')) { out += 'ё'; i += 2; continue; }
    if (rest.startsWith('ye')) { out += 'е'; i += 2; continue; }
    if (rest.startsWith('yu')) { out += 'ю'; i += 2; continue; }
    if (rest.startsWith('ya')) { out += 'я'; i += 2; continue; }
    if (rest.startsWith('kh')) { out += 'х'; i += 2; continue; }
    if (rest.startsWith('zh')) { out += 'ж'; i += 2; continue; }
    if (rest.startsWith('ch')) { out += 'ч'; i += 2; continue; }
    if (rest.startsWith('sh')) { out += 'ш'; i += 2; continue; }
    // "tsk" is т+с+к (Bratsk, Irkutsk); otherwise ts is ц.
    if (rest.startsWith('ts') && at(i + 2) !== 'k') { out += 'ц'; i += 2; continue; }
    const ch = at(i);
    if (ch === 'e') {
      out += out.length === 0 || isVowelCyr(prevOut) ? 'э' : 'е';
    } else if (ch === 'ë') {
      out += 'ё';
    } else if (ch === 'y') {
      // y after a vowel (or at the end after a vowel) is й; after a consonant it is ы.
      out += out.length === 0 ? 'и' : isVowelCyr(prevOut) ? 'й' : 'ы';
    } else if (ch === 'i') {
      out += 'и';
    } else if (ch === 'g') {
      out += 'г';
    } else if (ch === 'h') {
      out += 'х';
    } else if (ch === '’' || ch === "'" || ch === 'ʹ') {
      out += 'ь';
    } else if (ch === '”' || ch === 'ʺ') {
      out += 'ъ';
    } else {
      out += COMMON[ch] ?? '';
    }
    i += 1;
  }
  return out;
}

function wordUk(w: string): string {
  let out = '';
  let i = 0;
  const at = (k: number): string => w[k] ?? '';
  const softAfterSk = (k: number): boolean => {
    // -sk / -tsk at the end, or before -yi/-a/-e/-oho: Ukrainian writes ськ/цьк (Луцьк, Кременецький).
    const after = w.slice(k);
    return after === 'k' || after === 'kyi' || after === 'ka' || after === 'ke' || after === 'koho' || after === 'kyy';
  };
  while (i < w.length) {
    const rest = w.slice(i);
    const prevOut = out[out.length - 1];
    const initial = out.length === 0 || prevOut === '’';
    if (rest.startsWith('shch')) { out += 'щ'; i += 4; continue; }
    if (rest.startsWith('zgh')) { out += 'зг'; i += 3; continue; }
    if (initial && rest.startsWith('ye')) { out += 'є'; i += 2; continue; }
    if (initial && rest.startsWith('yi')) { out += 'ї'; i += 2; continue; }
    if (initial && rest.startsWith('yu')) { out += 'ю'; i += 2; continue; }
    if (initial && rest.startsWith('ya')) { out += 'я'; i += 2; continue; }
    if (rest.startsWith('ie')) { out += 'є'; i += 2; continue; }
    if (rest.startsWith('iu')) { out += 'ю'; i += 2; continue; }
    if (rest.startsWith('ia')) { out += 'я'; i += 2; continue; }
    if (rest.startsWith('yu')) { out += 'ю'; i += 2; continue; }
    if (rest.startsWith('ya')) { out += 'я'; i += 2; continue; }
    if (rest.startsWith('ye')) { out += 'є'; i += 2; continue; }
    if (rest === 'yi' || rest === 'yy') { out += 'ий'; i += 2; continue; }
    if (rest.startsWith('kh')) { out += 'х'; i += 2; continue; }
    if (rest.startsWith('zh')) { out += 'ж'; i += 2; continue; }
    if (rest.startsWith('ch')) { out += 'ч'; i += 2; continue; }
    if (rest.startsWith('sh')) { out += 'ш'; i += 2; continue; }
    if (rest.startsWith('ts')) { out += softAfterSk(i + 2) ? 'ць' : 'ц'; i += 2; continue; }
    const ch = at(i);
    if (ch === 's' && softAfterSk(i + 1)) { out += 'сь'; i += 1; continue; }
    if (ch === 'i') {
      // After a vowel, i is ї before v (Київ, Миколаїв) and й elsewhere (Гайсин).
      out += isVowelCyr(prevOut) ? (at(i + 1) === 'v' ? 'ї' : 'й') : 'і';
    } else if (ch === 'y') {
      out += isVowelCyr(prevOut) && !VOWELS_LATIN.has(at(i + 1)) ? 'й' : 'и';
    } else if (ch === 'e') {
      out += 'е';
    } else if (ch === 'h') {
      out += 'г';
    } else if (ch === 'g') {
      out += 'ґ';
    } else if (ch === 'l' && (i === w.length - 1 || (at(i + 1) === 's' && softAfterSk(i + 2)))) {
      out += 'ль';
    } else if (ch === '’' || ch === "'" || ch === 'ʹ') {
      out += VOWELS_LATIN.has(at(i + 1)) ? '’' : 'ь';
    } else {
      out += COMMON[ch] ?? '';
    }
    i += 1;
  }
  return out;
}

function capitalise(word: string): string {
  return word.charAt(0).toUpperCase() + word.slice(1);
}

/** "Staryy Oskol" -> "Старый Оскол" (ru); "Bila Tserkva" -> "Біла Церква" (uk). */
export function toCyrillic(latin: string, lang: TranslitLanguage): string {
  const convert = lang === 'ru' ? wordRu : wordUk;
  // Split into words and separators; words keep apostrophes inside them.
  return latin.replace(/[A-Za-zÀ-ɏ’'ʹ”ʺ]+/g, (word) => {
    const lower = word.normalize('NFC').toLowerCase();
    // Strip accents other than ë, which carries meaning for Russian.
    const plain = lower.replace(/[^a-zë’'ʹ”ʺ]/g, (c) => c.normalize('NFD').replace(/[\u0300-\u036f]/g, ''));
    const cyr = convert(plain);
    const first = word.charAt(0);
    return first !== first.toLowerCase() ? capitalise(cyr) : cyr;
  });
}
