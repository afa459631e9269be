// Fails when the modules under src/ import each other in a circle. Every import counts, type-only and
// dynamic ones too: a circle of types is still two modules that cannot be understood apart.
// Usage: node scripts/check-import-cycles.mjs [folder]   (default: src)
import { readdirSync, readFileSync, existsSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import ts from 'typescript';

const root = resolve(process.argv[2] ?? 'src');

function sourceFiles(folder) {
  return readdirSync(folder, { withFileTypes: true }).flatMap((entry) => {
    const path = join(folder, entry.name);
    if (entry.isDirectory()) return sourceFiles(path);
    return entry.name.endsWith('.ts') && !entry.name.endsWith('.d.ts') ? [path] : [];
  });
}

/** `./x.js` written in a .ts file means `./x.ts`; only relative imports can form a circle here. */
function resolveImport(from, specifier) {
  if (!specifier.startsWith('.')) return undefined;
  const target = resolve(dirname(from), specifier);
  for (const candidate of [target.replace(/\.js$/, '.ts'), `${target}.ts`, join(target, 'index.ts')]) {
    if (existsSync(candidate)) return candidate;
  }
  return undefined;
}

const files = sourceFiles(root);
const imports = new Map(
  files.map((file) => {
    const { importedFiles } = ts.preProcessFile(readFileSync(file, 'utf8'), true, true);
    const targets = importedFiles.map((i) => resolveImport(file, i.fileName)).filter((t) => t !== undefined);
    return [file, [...new Set(targets)]];
  }),
);

// Tarjan's strongly connected components: every component with more than one module is a circle.
let counter = 0;
const index = new Map();
const low = new Map();
const stack = [];
const onStack = new Set();
const circles = [];

function visit(file) {
  index.set(file, counter);
  low.set(file, counter);
  counter++;
  stack.push(file);
  onStack.add(file);
  for (const next of imports.get(file) ?? []) {
    if (!index.has(next)) {
      visit(next);
      low.set(file, Math.min(low.get(file), low.get(next)));
    } else if (onStack.has(next)) {
      low.set(file, Math.min(low.get(file), index.get(next)));
    }
  }
  if (low.get(file) === index.get(file)) {
    const component = [];
    let member;
    do {
      member = stack.pop();
      onStack.delete(member);
      component.push(member);
    } while (member !== file);
    const selfImport = (imports.get(file) ?? []).includes(file);
    if (component.length > 1 || selfImport) circles.push(component);
  }
}

for (const file of files) if (!index.has(file)) visit(file);

const shown = (file) => relative(process.cwd(), file);
if (circles.length > 0) {
  console.error(`import circles in ${shown(root)}:`);
  for (const circle of circles) console.error(`  ${circle.map(shown).sort().join(', ')}`);
  process.exit(1);
}
console.log(`no import circles among ${files.length} modules in ${shown(root)}`);
