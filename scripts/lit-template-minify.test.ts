import { describe, expect, it } from 'vitest';
import { minifyCss, minifyHtmlPart, minifyLitTemplates } from './lit-template-minify.js';

describe('minifyCss', () => {
  it('drops comments and whitespace around punctuation, keeps meaningful spaces', () => {
    const out = minifyCss(`
      /* the card */
      :host .a :hover ,  .b > .c {
        margin: 0 auto;
        width: calc(100% - 2px);
      }
    `);
    expect(out).toBe(':host .a :hover,.b > .c{margin:0 auto;width:calc(100% - 2px)}');
  });

  it('leaves quoted strings exactly as written', () => {
    expect(minifyCss(`.x::before { content: ' ,  ; '; font-family: 'Segoe UI', Arial; }`))
      .toBe(`.x::before{content:' ,  ; ';font-family:'Segoe UI',Arial}`);
  });
});

describe('minifyHtmlPart', () => {
  it('turns line breaks with indentation into one space and keeps inline spacing', () => {
    const state = { inTag: false, quote: '' };
    expect(minifyHtmlPart('<div>\n    <b>a</b> <i>b</i>\n  </div>', state)).toBe('<div> <b>a</b> <i>b</i> </div>');
  });

  it('never touches quoted attribute values, even across expressions', () => {
    const state = { inTag: false, quote: '' };
    const first = minifyHtmlPart('<p\n   title="one\n   two ', state);
    expect(first).toBe('<p title="one\n   two ');
    expect(state).toEqual({ inTag: true, quote: '"' });
    expect(minifyHtmlPart('\n  three"\n  class="x">\n  text', state)).toBe('\n  three" class="x"> text');
  });
});

describe('minifyLitTemplates', () => {
  it('rewrites css and html templates, not other templates, strings or comments', () => {
    const src = [
      '// a comment with html`  <b>  </b>`',
      "const s = 'css`  a  {  }`';",
      'const t = `\n   keep   me\n`;',
      'const c = css`\n  .a {\n    color: red;\n  }\n`;',
      'const h = html`<ul>\n  ${items.map((i) => html`\n    <li>${i}</li>\n  `)}\n</ul>`;',
    ].join('\n');
    const out = minifyLitTemplates(src);
    expect(out).toContain('// a comment with html`  <b>  </b>`');
    expect(out).toContain("'css`  a  {  }`'");
    expect(out).toContain('`\n   keep   me\n`');
    expect(out).toContain('css`.a{color:red}`');
    expect(out).toContain('html`<ul> ${items.map((i) => html` <li>${i}</li> `)} </ul>`');
  });

  it('leaves css with expressions alone', () => {
    const src = 'const c = css`\n  .a { width: ${w}px; }\n`;';
    expect(minifyLitTemplates(src)).toBe(src);
  });
});
