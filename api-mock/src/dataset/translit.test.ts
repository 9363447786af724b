import { describe, expect, it } from 'vitest';
import { toCyrillic } from './translit.js';

describe('toCyrillic', () => {
  it.each([
    ['Staryy Oskol', 'Старый Оскол'],
    ['Rostov-na-Donu', 'Ростов-на-Дону'],
    ['Irkutsk', 'Иркутск'],
    ['Tsaritsyno', 'Царицыно'],
    ['Maykop', 'Майкоп'],
    ['Yelets', 'Елец'],
    ['Nal’chik', 'Нальчик'],
    ['Orël', 'Орёл'],
    ['Shchelkovo', 'Щелково'],
    ['Zheleznogorsk-Ilimskiy', 'Железногорск-Илимский'],
  ])('Russian rules: %s -> %s', (latin, cyr) => {
    expect(toCyrillic(latin, 'ru')).toBe(cyr);
  });

  it.each([
    ['Bila Tserkva', 'Біла Церква'],
    ['Kyiv', 'Київ'],
    ['Mykolaiv', 'Миколаїв'],
    ['Lutsk', 'Луцьк'],
    ['Ternopil', 'Тернопіль'],
    ['Zaporizhzhia', 'Запоріжжя'],
    ['Kramators’k', 'Краматорськ'],
    ['Yahotyn', 'Яготин'],
    ['Chernivtsi', 'Чернівці'],
    ['Haisyn', 'Гайсин'],
  ])('Ukrainian rules: %s -> %s', (latin, cyr) => {
    expect(toCyrillic(latin, 'uk')).toBe(cyr);
  });

  it('uses Ukrainian letters only under Ukrainian rules', () => {
    expect(toCyrillic('Pereiaslav', 'uk')).toBe('Переяслав');
    expect(toCyrillic('Yegor’yevsk', 'ru')).toBe('Егорьевск');
    expect(toCyrillic('Helen', 'ru')).not.toMatch(/[іїєґ]/);
    expect(toCyrillic('Helen', 'uk')).toMatch(/^Гелен$/);
  });
});
