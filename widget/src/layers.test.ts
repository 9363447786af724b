// Layers point one way: the folders below the element never import it (or its Lit views).
// Checked on every .ts/.js file of those folders, tests included, by reading their import specifiers:
// static `import ... from`, `export ... from`, side-effect `import '...'` and dynamic `import('...')`.
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const SRC = dirname(fileURLToPath(import.meta.url));

/** Folders that sit below element/ and ui/. */
const LOWER = ['core', 'model', 'api', 'map', 'points', 'carriers'];
/** What none of them may import. */
const UPPER = ['element', 'ui'];

function sourceFiles(dir: string): string[] {
  if (!existsSync(dir)) return [];
  return readdirSync(dir, { withFileTypes: true }).flatMap((e) => {
    const p = join(dir, e.name);
    if (e.isDirectory()) return sourceFiles(p);
    return /\.(ts|js)$/.test(e.name) && !e.name.endsWith('.d.ts') ? [p] : [];
  });
}

export function specifiers(code: string): string[] {
  const out: string[] = [];
  const patterns = [
    /\b(?:import|export)\s[^'";]*?\sfrom\s*['"]([^'"]+)['"]/g,
    /\bimport\s*['"]([^'"]+)['"]/g,
    /\bimport\s*\(\s*['"]([^'"]+)['"]\s*\)/g,
  ];
  for (const re of patterns) for (const m of code.matchAll(re)) out.push(m[1]!);
  return out;
}

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
  });

  it(`${LOWER.join('/, ')}/ never import from ${UPPER.join('/ or ')}/`, () => {
    const files = LOWER.flatMap((d) => sourceFiles(join(SRC, d)));
    expect(files.length).toBeGreaterThan(50);
    const offences = files.flatMap((f) => specifiers(readFileSync(f, 'utf8'))
      .filter((s) => UPPER.includes(topOf(f, s) ?? ''))
      .map((s) => `${relative(SRC, f)} -> ${s}`));
    expect(offences).toEqual([]);
  });
});
