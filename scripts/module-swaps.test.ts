// The swap plugin of the widget builds (module-swaps.ts): swaps by resolved path, whatever the
// spelling of the import, and fails the build when a declared swap matched nothing.
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { build, type Rolldown } from 'vite';
import { moduleSwaps, type ModuleSwap } from './module-swaps.js';

const dir = mkdtempSync(join(tmpdir(), 'bp-swaps-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

function file(path: string, text: string): string {
  const full = join(dir, path);
  mkdirSync(join(full, '..'), { recursive: true });
  writeFileSync(full, text);
  return full;
}

const target = file('lib/target.js', 'export const who = "original";\n');
const stand = file('lib/target.stub.js', 'export const who = "stub";\n');
file('lib/a.js', 'import { who } from "./target.js";\nexport const a = who;\n');
file('other/b.js', 'import { who } from "../lib/target";\nexport const b = who;\n');
file('node_modules/fake-pkg/package.json', JSON.stringify({ name: 'fake-pkg', main: 'main.js' }));
file('node_modules/fake-pkg/main.js', 'export const pkg = "package";\n');
const pkgStub = file('lib/pkg.stub.js', 'export const pkg = "package stub";\n');
file('other/c.js', 'import { pkg } from "fake-pkg";\nimport { pkg as deep } from "fake-pkg/main.js";\nexport const c = pkg + "|" + deep;\n');
const entry = file('entry.js', [
  'import { a } from "./lib/a.js";',
  'import { b } from "./other/b.js";',
  'import { c } from "./other/c.js";',
  'export const out = [a, b, c].join(",");',
].join('\n'));

async function bundle(swaps: ModuleSwap[]): Promise<string> {
  const result = await build({
    configFile: false,
    logLevel: 'silent',
    root: dir,
    plugins: [moduleSwaps('test', swaps, dir)],
    build: { write: false, minify: false, lib: { entry, formats: ['es'], fileName: 'out' } },
  });
  const outputs = (Array.isArray(result) ? result : [result]) as Rolldown.RolldownOutput[];
  return outputs.flatMap((o) => o.output).map((c) => ('code' in c ? c.code : '')).join('\n');
}

describe('moduleSwaps', () => {
  it('swaps every spelling of an import of the same module', async () => {
    const code = await bundle([{ replace: target, with: stand }]);
    expect(code).toContain('"stub"');
    expect(code).not.toContain('"original"');
  });

  it('swaps a package by what its name resolves to, bare or by path', async () => {
    const code = await bundle([{ replace: 'fake-pkg', with: pkgStub }]);
    expect(code).toContain('"package stub"');
    expect(code).not.toMatch(/"package"/);
  });

  it('fails the build when a declared swap matched no import', async () => {
    const unused = file('lib/unused.js', 'export const nobody = 1;\n');
    await expect(bundle([{ replace: target, with: stand }, { replace: unused, with: stand, why: 'test' }]))
      .rejects.toThrow(/1 module swap\(s\) matched no import[\s\S]*lib\/unused\.js -> lib\/target\.stub\.js \(test\)/);
  });

  it('fails the build when the replaced module does not exist', async () => {
    await expect(bundle([{ replace: join(dir, 'lib/gone.js'), with: stand }])).rejects.toThrow(/lib\/gone\.js does not resolve/);
  });
});
