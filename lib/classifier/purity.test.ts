import { readdirSync, readFileSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import { describe, expect, it } from 'vitest';

const HERE = dirname(fileURLToPath(import.meta.url));
const NETWORK = [
  /fetch\(/,
  /XMLHttpRequest/,
  /WebSocket/,
  /navigator\.sendBeacon/,
  /importScripts/,
  /\bbrowser\./,
  /\bchrome\./,
];
const IMPORT =
  /(?:import|export)\s[^'"]*?from\s*['"]([^'"]+)['"]|import\s*\(?\s*['"]([^'"]+)['"]|require\(\s*['"]([^'"]+)['"]\s*\)/g;

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    if (statSync(path).isDirectory()) return sourceFiles(path);
    return /\.(ts|json)$/.test(name) && !name.endsWith('.test.ts') ? [path] : [];
  });
}

function resolveImport(from: string, specifier: string): string | null {
  if (specifier.startsWith('node:')) return null;
  if (!specifier.startsWith('.')) return createRequire(from).resolve(specifier);
  const base = resolve(dirname(from), specifier);
  for (const candidate of [base, `${base}.ts`, join(base, 'index.ts')]) {
    try {
      if (statSync(candidate).isFile()) return candidate;
    } catch {
      // try the next candidate
    }
  }
  throw new Error(`cannot resolve ${specifier} from ${from}`);
}

/** Every file reachable from lib/classifier through imports, packages included. */
function importGraph(): Set<string> {
  const seen = new Set<string>();
  const queue = sourceFiles(HERE);
  while (queue.length > 0) {
    const file = queue.pop();
    if (!file || seen.has(file)) continue;
    seen.add(file);
    if (file.endsWith('.json')) continue;
    for (const match of readFileSync(file, 'utf8').matchAll(IMPORT)) {
      const target = resolveImport(file, match[1] ?? match[2] ?? match[3] ?? '');
      if (target) queue.push(target);
    }
  }
  return seen;
}

describe('the classifier cannot reach the network', () => {
  it('no file in its import graph uses a network or browser API', () => {
    const files = importGraph();
    expect(files.size).toBeGreaterThan(10);
    const offenders = [...files].flatMap((file) => {
      const source = readFileSync(file, 'utf8');
      return NETWORK.filter((pattern) => pattern.test(source)).map((pattern) => `${file}: ${pattern}`);
    });
    expect(offenders).toEqual([]);
  });

  it('uses no Date, no randomness and no DOM', () => {
    for (const file of sourceFiles(HERE).filter((path) => path.endsWith('.ts'))) {
      const source = readFileSync(file, 'utf8');
      expect(source, file).not.toMatch(/\bDate\b|Math\.random|\bdocument\.|\bwindow\./);
    }
  });
});
