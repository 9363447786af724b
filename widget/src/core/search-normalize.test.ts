import { describe, expect, it } from 'vitest';
import {
  branchSearchText, matches, normalizeText, queryVariants, rankMatches, score, transliterate,
  SCORE_EXACT, SCORE_PREFIX, SCORE_SUBSTRING, SCORE_WORD_PREFIX,
} from './search-normalize.js';

const find = (text: string, q: string) => matches(normalizeText(text), queryVariants(q));

describe('normalizeText', () => {
  it('lowercases, folds ё and strips punctuation into single spaces', () => {
    expect(normalizeText('  Ёлки-Палки,  ул. Щорса д.5/2 ')).toBe('елки палки ул щорса д 5 2');
  });
  it('folds Ukrainian and look-alike letters, drops soft signs and apostrophes', () => {
    expect(normalizeText('Київ')).toBe('киив');
    expect(normalizeText('Ґалаґан Є')).toBe('галаган е');
    expect(normalizeText('Харьков')).toBe(normalizeText('Харків').replace('и', 'о'));
    expect(normalizeText("м'ясокомбінат")).toBe('мясокомбинат');
    expect(normalizeText('Мытищи, Эльдорадо, Подъезд')).toBe('митищи елдорадо подезд');
  });
  it('keeps digits and Latin letters, removes Latin diacritics', () => {
    expect(normalizeText('Branch No.25 (up to 30 kg)')).toBe('branch no 25 up to 30 kg');
    expect(normalizeText('Łódź Straße')).toBe('lodz strasse');
    expect(normalizeText('№ 115162')).toBe('115162');
  });
  it('equals whole-string lowercasing + NFD + folding for every code point, alone and in context', () => {
    // The straightforward definition normalizeText's per-character table must agree with.
    const fold: Record<string, string> = {
      'ы': 'и', 'і': 'и', 'є': 'е', 'э': 'е', 'ґ': 'г', 'ъ': '', 'ь': '', "'": '', '’': '', 'ʼ': '', '`': '',
      'ß': 'ss', 'ø': 'o', 'ł': 'l', 'æ': 'ae', 'œ': 'oe',
    };
    const word = (c: number) => (c >= 97 && c <= 122) || (c >= 48 && c <= 57) || (c >= 0x430 && c <= 0x44f)
      || (c >= 0xdf && c <= 0x24f && c !== 0xf7);
    const reference = (s: string) => {
      const words: string[] = [];
      let cur = '';
      for (const ch of s.toLowerCase().normalize('NFD')) {
        const c = ch.charCodeAt(0);
        if (c >= 0x300 && c <= 0x36f) continue;
        const f = fold[ch] ?? (word(c) ? ch : undefined);
        if (f === undefined) { if (cur) words.push(cur); cur = ''; } else cur += f;
      }
      if (cur) words.push(cur);
      return words.join(' ');
    };
    const mismatches: string[] = [];
    for (let cp = 0; cp <= 0x10ffff; cp += cp < 0x10000 ? 1 : 7) {
      const ch = String.fromCodePoint(cp);
      const s = `Ab${ch}c${ch}${ch}\u0301 ${ch}'Ё`;
      if (normalizeText(s) !== reference(s)) mismatches.push(cp.toString(16));
    }
    expect(mismatches).toEqual([]);
  });
  it('handles long input and reuses no state between calls', () => {
    const long = 'Ёлка ẞ İ, '.repeat(3000);
    const got = normalizeText(long);
    expect(got).toBe('елка ss i '.repeat(3000).trim());
    expect(normalizeText('  ,, ')).toBe('');
    expect(normalizeText('Б')).toBe('б');
  });
});

describe('queryVariants', () => {
  it('fixes the wrong keyboard layout (Latin typed for Russian)', () => {
    expect(queryVariants('Vjcrdf')).toContain('москва');
    expect(queryVariants('Cfyrn-Gtnth,ehu')).toContain('санкт петербург');
  });
  it('fixes the Ukrainian layout, including ї and і keys', () => {
    expect(queryVariants('Rb]d')).toContain(normalizeText('Київ'));
    expect(queryVariants('Sdfyj-AHfyrsdcmr')).toContain(normalizeText('Івано-Франківськ'));
  });
  it('fixes Cyrillic typed for Latin', () => {
    expect(queryVariants('ьщысщц')).toContain('moscow');
  });
  it('transliterates Latin into Cyrillic', () => {
    expect(queryVariants('Moskva')).toContain('москва');
    expect(queryVariants('Yekaterinburg')).toContain('екатеринбург');
    expect(queryVariants('Shchelkovo')).toContain('щелково');
    expect(queryVariants('Chelyabinsk')).toContain('челябинск');
    expect(queryVariants('Zhytomyr')).toContain('житомир');
    expect(queryVariants('Kazan')).toContain(normalizeText('Казань'));
  });
  it('knows exonyms of large cities', () => {
    expect(queryVariants('Moscow')).toContain('москва');
    expect(queryVariants('St Petersburg')).toContain('санкт петербург');
    expect(queryVariants('Kiev')).toContain(normalizeText('Київ'));
    expect(queryVariants('Kyiv')).toEqual(expect.arrayContaining(['киев', normalizeText('Київ')]));
    expect(queryVariants('киев')).toContain(normalizeText('Київ'));
    expect(queryVariants('Kharkov')).toContain(normalizeText('Харків'));
    expect(queryVariants('Lviv')).toContain(normalizeText('Львов'));
    expect(queryVariants('Odessa')).toContain(normalizeText('Одеса'));
  });
  it('passes postcode digits through unchanged', () => {
    expect(queryVariants('115162')).toEqual(['115162']);
  });
  it('returns nothing for an empty or punctuation-only query, and no duplicates', () => {
    expect(queryVariants('  ,. ')).toEqual([]);
    const v = queryVariants('Kiev');
    expect(new Set(v).size).toBe(v.length);
    expect(v[0]).toBe('kiev');
  });
});

describe('transliterate', () => {
  it('branches on ambiguous spellings (ts, h)', () => {
    expect(transliterate('irkutsk')).toContain('иркутск');
    expect(transliterate('donetsk')).toContain('донецк');
    expect(transliterate('uzhhorod')).toContain('ужгород');
    expect(transliterate('khabarovsk')).toEqual(['хабаровск']);
  });
});

describe('matches', () => {
  it('finds points by word prefix in any order, whatever the spelling', () => {
    const addr = 'Москва, ул. Тверская, 7, 125009';
    expect(find(addr, 'Vjcrdf')).toBe(true);
    expect(find(addr, 'Moskva')).toBe(true);
    expect(find(addr, 'Moscow')).toBe(true);
    expect(find(addr, 'твер моск')).toBe(true);
    expect(find(addr, '125')).toBe(true);
    expect(find(addr, 'верская')).toBe(false); // inside a word: not a prefix
    expect(find(addr, 'тверская 8')).toBe(false);
  });
  it('crosses Russian and Ukrainian names', () => {
    expect(find('Київ, вул. Хрещатик, 22', 'Kyiv')).toBe(true);
    expect(find('Київ, вул. Хрещатик, 22', 'Kiev')).toBe(true);
    expect(find('Київ, вул. Хрещатик, 22', 'киев')).toBe(true);
    expect(find('Киев, ул. Крещатик', 'Київ')).toBe(true);
    expect(find('Ёлки, Новогодняя ул.', 'елки')).toBe(true);
  });
  it('finds English feed texts too', () => {
    expect(find('Branch No.25 (up to 30 kg): 9 M. Tymoshenka St', 'tymosh')).toBe(true);
  });
  it('reuses the split of the same variants array across items', () => {
    const v = queryVariants('ленин 5');
    const texts = ['ул ленина 5', 'ул ленина 6', 'ленинский пр 50'].map(normalizeText);
    expect(texts.map((t) => matches(t, v))).toEqual([true, false, true]);
    expect(matches('ул ленина 5', queryVariants('мира'))).toBe(false);
  });
});

describe('score and rankMatches', () => {
  const v = queryVariants('москва');
  it('orders exact > prefix > word prefix > substring', () => {
    expect(score('москва', v)).toBe(SCORE_EXACT);
    expect(score('москва ул тверская', v)).toBe(SCORE_PREFIX);
    expect(score('г москва ул тверская', v)).toBe(SCORE_WORD_PREFIX);
    expect(score('подмосквание', v)).toBe(SCORE_SUBSTRING);
    expect(score('тверь', v)).toBe(0);
  });
  it('ranks the best matches first, stable within a score, and honours limit', () => {
    const texts = ['г москва', 'подмосквание', 'москва', 'москва центр', 'тверь', 'обл москва'].map(normalizeText);
    expect(rankMatches(texts, 'москва')).toEqual([2, 3, 0, 5]);
    expect(rankMatches(texts, 'москва', { minScore: SCORE_SUBSTRING })).toEqual([2, 3, 0, 5, 1]);
    expect(rankMatches(texts, 'Vjcrdf', { limit: 2 })).toEqual([2, 3]);
    expect(rankMatches(texts, '')).toEqual([]);
  });
});

describe('branchSearchText', () => {
  it('indexes name, address, city and postcode in normalised form', () => {
    const text = branchSearchText({
      name: 'Отделение №25',
      addressLine: 'ул. Тверская, 7',
      address: { country: 'RU', region: 'Москва', city: 'Москва', street: 'Тверская', house: '7', postcode: '125009' },
    });
    expect(text).toContain('отделение 25');
    expect(matches(text, queryVariants('125009'))).toBe(true);
    expect(matches(text, queryVariants('Moscow tverskaya'))).toBe(true);
  });
  it('equals normalizeText of the parts joined by spaces, with empty and punctuation-only parts', () => {
    const samples = [
      { name: "Пункт «Ёж»'", addressLine: '', address: { country: 'UA', region: '', city: 'Київ', street: '-', house: "5'", postcode: ' 01001 ' } },
      { name: '', addressLine: ',,', address: { country: 'RU', region: 'X', city: 'Straße', street: '\u0301ул.', house: '', postcode: '' } },
    ];
    for (const b of samples) {
      const a = b.address;
      expect(branchSearchText(b)).toBe(normalizeText([b.name, b.addressLine, a.city, a.street, a.house, a.postcode].join(' ')));
    }
    expect(branchSearchText(samples[0]!)).toBe('пункт еж киив 5 01001');
  });
});
