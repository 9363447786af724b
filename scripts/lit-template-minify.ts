// Whitespace minification of Lit `css` and `html` tagged templates for the widget builds: the
// bundler minifies code but keeps template text as written, indentation and comments included.
// Only the static parts change (found with the TypeScript parser, so comments, strings and
// nested templates are never mistaken for templates); expressions are left to the bundler.
import ts from 'typescript';

/** CSS: drop comments, collapse whitespace, no spaces around `{ } ; ,` or after `:`, no `;` before `}`.
 * Spaces before `:` (descendant `.a :hover`) and around `+ - > ~` (calc, combinators) are kept. */
export function minifyCss(text: string): string {
  // Quoted strings (content: ' · ', font names) are kept exactly: split them out first.
  return text
    .replace(/\/\*[\s\S]*?\*\//g, '')
    .split(/('[^'\n]*'|"[^"\n]*")/)
    .map((piece, i) => (i % 2 ? piece : piece
      .replace(/\s+/g, ' ')
      .replace(/\s*([{};,])\s*/g, '$1')
      .replace(/:\s+/g, ':')
      .replace(/;}/g, '}')))
    .join('')
    .trim();
}

/** HTML state carried from one static part to the next (an expression can sit inside a tag). */
interface HtmlState {
  inTag: boolean;
  quote: string;
}

/** HTML: a run of whitespace that contains a line break becomes one space (inline spacing is
 * kept); text inside quoted attribute values is left exactly as written. */
export function minifyHtmlPart(text: string, state: HtmlState): string {
  let out = '';
  let i = 0;
  while (i < text.length) {
    const ch = text[i]!;
    if (state.quote) {
      if (ch === state.quote) state.quote = '';
    } else if (/\s/.test(ch)) {
      let j = i;
      while (j < text.length && /\s/.test(text[j]!)) j++;
      const run = text.slice(i, j);
      out += run.includes('\n') ? ' ' : run;
      i = j;
      continue;
    } else if (state.inTag) {
      if (ch === '"' || ch === "'") state.quote = ch;
      else if (ch === '>') state.inTag = false;
    } else if (ch === '<') {
      state.inTag = true;
    }
    out += ch;
    i++;
  }
  return out;
}

type Part = ts.TemplateLiteralLikeNode | ts.NoSubstitutionTemplateLiteral;

/** Source text of a template part without its delimiters (`, ${, }). */
function partSpan(part: Part, source: ts.SourceFile): [number, number] {
  const start = part.getStart(source) + 1; // ` or }
  const end = part.getEnd() - (part.kind === ts.SyntaxKind.TemplateTail || part.kind === ts.SyntaxKind.NoSubstitutionTemplateLiteral ? 1 : 2);
  return [start, end];
}

/** Rewrite the static text of every css`` and html`` template in a TypeScript module. */
export function minifyLitTemplates(code: string, fileName = 'module.ts'): string {
  const source = ts.createSourceFile(fileName, code, ts.ScriptTarget.Latest, true, ts.ScriptKind.TS);
  const edits: { start: number; end: number; text: string }[] = [];
  const visit = (node: ts.Node): void => {
    if (ts.isTaggedTemplateExpression(node) && ts.isIdentifier(node.tag) && (node.tag.text === 'css' || node.tag.text === 'html')) {
      const tpl = node.template;
      const parts: Part[] = ts.isNoSubstitutionTemplateLiteral(tpl) ? [tpl] : [tpl.head, ...tpl.templateSpans.map((s) => s.literal)];
      const state: HtmlState = { inTag: false, quote: '' };
      for (const part of parts) {
        const [start, end] = partSpan(part, source);
        const raw = code.slice(start, end);
        // css with expressions is left alone: trimming could glue a value to its neighbour.
        const text = node.tag.text === 'html' ? minifyHtmlPart(raw, state) : parts.length === 1 ? minifyCss(raw) : raw;
        if (text !== raw) edits.push({ start, end, text });
      }
    }
    ts.forEachChild(node, visit);
  };
  visit(source);
  edits.sort((a, b) => b.start - a.start);
  let out = code;
  for (const e of edits) out = out.slice(0, e.start) + e.text + out.slice(e.end);
  return out;
}
