// Layers point one way. Checked by reading import specifiers (static `import ... from`, `export ... from`,
// side-effect `import '...'`, dynamic `import('...')`):
// - the folders below the element (core/, model/, api/, map/, points/, carriers/, quotes/, orders/, i18n/) never
//   import element/ or ui/, in any .ts/.js file, tests included;
// - the standalone elements beside it (order-step/, tracking/) never import element/ (they may share ui/'s views);
// - core/ is pure: its sources (tests aside) import only from core/ and model/ (types included: core never
//   reaches up; `import type` of a package is fine), name no network or DOM global (fetch, XMLHttpRequest,
//   WebSocket, EventSource, AbortController, navigator, document, window, storage, Worker, custom elements,
//   HTML elements) and start no timer (setTimeout, setInterval, animation or idle callbacks).
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = dirname(fileURLToPath(import.meta.url));

/** Folders that sit below element/ and ui/. */
const LOWER = ['core', 'model', 'api', 'map', 'points', 'carriers', 'quotes', 'orders', 'i18n'];
/** What none of them may import. */
const UPPER = ['element', 'ui'];
/** Elements of their own beside element/: they may use ui/'s shared views, never element/'s internals. */
const BESIDE = ['order-step', 'tracking'];

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|js)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

function specifiers(code: string): string[] {
  return imports(code).map((i) => i.spec);
}

interface Import { spec: string; typeOnly: boolean }

function imports(code: string): Import[] {
  const out: Import[] = [];
  for (const m of code.matchAll(/\b(import|export)(\s+type)?\s[^'";]*?\sfrom\s*['"]([^'"]+)['"]/g)) {
    out.push({ spec: m[3]!, typeOnly: Boolean(m[2]) });
  }
  const patterns = [
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of code.matchAll(re)) out.push({ spec: m[1]!, typeOnly: false });
  return out;
}

/** The code without comments, so prose mentioning `document` or `fetch` does not count. */
function stripComments(code: string): string {
  return code.replace(/\/\*[\s\S]*?\*\//g, '').replace(/(^|[^:'"\\])\/\/.*$/gm, '$1');
}

const NETWORK_OR_DOM = /\b(fetch|XMLHttpRequest|WebSocket|EventSource|AbortController|navigator|document|window|localStorage|sessionStorage|indexedDB|Worker|customElements|HTML[A-Za-z]*Element|globalThis)\b/;
/** Timers: code that runs later is not a pure function of its arguments. */
const TIMERS = /\b(setTimeout|setInterval|clearTimeout|clearInterval|setImmediate|requestAnimationFrame|requestIdleCallback)\b/;

/** The top folder (or file) under widget/src a relative specifier lands in; undefined for packages. */
function topOf(file: string, spec: string): string | undefined {
  if (!spec.startsWith('.')) return undefined;
  const rel = relative(SRC, resolve(dirname(file), spec));
  return rel.split(sep)[0];
}

describe('layer imports', () => {
  it('finds imports in every form', () => {
    const code = [
      "import type { A } from '../element/events.js';",
      "import {\n  b,\n} from '../ui/x.js';",
      "export { c } from './c.js';",
      "import './side.js';",
      "const d = await import('../element/lazy.js');",
    ].join('\n');
    expect(specifiers(code).sort()).toEqual(['../element/events.js', '../element/lazy.js', '../ui/x.js', './c.js', './side.js']);
    expect(imports(code).filter((i) => i.typeOnly).map((i) => i.spec)).toEqual(['../element/events.js']);
    expect(NETWORK_OR_DOM.test(stripComments('// fetch the document\n/* window */ const url = "https://x";'))).toBe(false);
    expect(NETWORK_OR_DOM.test(stripComments('const r = await fetch(url);'))).toBe(true);
    expect(TIMERS.test(stripComments('// setTimeout is not used here\nconst delayMs = 5;'))).toBe(false);
    expect(TIMERS.test(stripComments('const t = setTimeout(run, 5);'))).toBe(true);
    expect(TIMERS.test(stripComments('globalThis.setInterval(tick, 1000);'))).toBe(true);
  });

  it(`${LOWER.join('/, ')}/ never import from ${UPPER.join('/ or ')}/`, () => {
    const files = LOWER.flatMap((d) => sourceFiles(join(SRC, d)));
    expect(files.length).toBeGreaterThan(50);
    const offences = files.flatMap((f) => specifiers(readFileSync(f, 'utf8'))
      .filter((s) => UPPER.includes(topOf(f, s) ?? ''))
      .map((s) => `${relative(SRC, f)} -> ${s}`));
    expect(offences).toEqual([]);
  });

  it(`${BESIDE.join('/, ')}/ never import from element/`, () => {
    const files = BESIDE.flatMap((d) => sourceFiles(join(SRC, d)));
    expect(files.length).toBeGreaterThan(20);
    const offences = files.flatMap((f) => specifiers(readFileSync(f, 'utf8'))
      .filter((s) => topOf(f, s) === 'element')
      .map((s) => `${relative(SRC, f)} -> ${s}`));
    expect(offences).toEqual([]);
  });

  it('core/ is pure: imports from core/ and model/ only, no network, DOM or timers', () => {
    const files = sourceFiles(join(SRC, 'core')).filter((f) => !/\.test\.ts$/.test(f));
    expect(files.length).toBeGreaterThan(10);
    const offences = files.flatMap((f) => {
      const code = readFileSync(f, 'utf8');
      const bad = imports(code)
        .filter((i) => {
          const top = topOf(f, i.spec);
          // A package may be named for its types only; our own code only from core/ and model/, types included.
          return top === undefined ? !i.typeOnly : !['core', 'model'].includes(top);
        })
        .map((i) => `${relative(SRC, f)} imports ${i.spec}`);
      const plain = stripComments(code);
      const global = NETWORK_OR_DOM.exec(plain);
      const timer = TIMERS.exec(plain);
      return [
        ...bad,
        ...(global ? [`${relative(SRC, f)} names ${global[1]}`] : []),
        ...(timer ? [`${relative(SRC, f)} starts a timer (${timer[1]})`] : []),
      ];
    });
    expect(offences).toEqual([]);
  });
});
