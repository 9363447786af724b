// Rewrites widget/README.md's attribute table from the attribute table's doc comments
// (widget/src/element/settings-table.ts). widget-manifest.test.ts fails when they differ.
// Usage: npx tsx scripts/readme-attributes.ts
import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { readmeAttributeSection, readmeAttributeTable } from './widget-manifest.js';

const path = resolve(import.meta.dirname, '../widget/README.md');
const readme = readFileSync(path, 'utf8');
const section = readmeAttributeSection(readme);
if (!section) throw new Error('widget/README.md has no "| Attribute | Default | Meaning |" table');
writeFileSync(path, readme.replace(section, readmeAttributeTable()));
console.log('widget/README.md: attribute table written');
