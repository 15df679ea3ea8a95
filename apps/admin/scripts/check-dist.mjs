#!/usr/bin/env node
// Checks the production build (run after `vite build`):
//  1. both pages exist: dist/index.html (the admin app) and dist/graphiql.html (GraphiQL);
//  2. nothing is loaded from another host: no external src/href in HTML, no external url() or
//     @import in CSS, no script, worker or module loaded from an http(s) URL in JS, no known CDN;
//  3. the admin app's initial JS (its entry plus the chunks index.html preloads) stays within
//     budget, gzipped. GraphiQL has its own page and bundle, so it is not counted.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { gzipSync } from 'node:zlib';

const INITIAL_JS_BUDGET_BYTES = 250 * 1024;
const dist = fileURLToPath(new URL('../dist/', import.meta.url));
const problems = [];

for (const page of ['index.html', 'graphiql.html']) {
  if (!existsSync(join(dist, page))) problems.push(`dist/${page} is missing`);
}

const external = String.raw`(?:https?:)?//`;
const rules = [
  {
    ext: '.html',
    pattern: new RegExp(String.raw`\b(?:src|href)\s*=\s*["']?${external}`, 'gi'),
    what: 'external src/href',
  },
  {
    ext: '.css',
    pattern: new RegExp(String.raw`url\(\s*["']?${external}`, 'gi'),
    what: 'external url()',
  },
  {
    ext: '.css',
    pattern: new RegExp(String.raw`@import\s+(?:url\()?\s*["']?${external}`, 'gi'),
    what: 'external @import',
  },
  {
    ext: '.js',
    pattern: new RegExp(
      String.raw`(?:\bimport\s*\(|importScripts\s*\(|new\s+(?:Shared)?Worker\s*\()\s*["'\x60]${external}`,
      'g',
    ),
    what: 'script loaded from a URL',
  },
  {
    ext: '',
    pattern:
      /fonts\.googleapis\.com|fonts\.gstatic\.com|cdn\.jsdelivr\.net|unpkg\.com|esm\.sh\/|cdnjs\.cloudflare\.com/g,
    what: 'CDN host',
  },
];

function filesIn(directory) {
  return readdirSync(directory, { withFileTypes: true }).flatMap((entry) =>
    entry.isDirectory() ? filesIn(join(directory, entry.name)) : [join(directory, entry.name)],
  );
}

for (const file of filesIn(dist).filter((name) => /\.(html|css|js)$/.test(name))) {
  const text = readFileSync(file, 'utf8');
  for (const rule of rules) {
    if (!file.endsWith(rule.ext)) continue;
    for (const match of text.matchAll(rule.pattern)) {
      problems.push(
        `${file.slice(dist.length)}: ${rule.what}: …${text.slice(match.index, match.index + 80)}…`,
      );
    }
  }
}

let initialBytes = 0;
if (existsSync(join(dist, 'index.html'))) {
  const html = readFileSync(join(dist, 'index.html'), 'utf8');
  const scripts = [
    ...html.matchAll(/<(?:script[^>]+src|link[^>]+rel="modulepreload"[^>]+href)="\/([^"]+\.js)"/g),
  ].map((match) => match[1]);
  console.log('Admin app initial JS (gzip):');
  for (const script of scripts) {
    const size = gzipSync(readFileSync(join(dist, script)), { level: 9 }).length;
    initialBytes += size;
    console.log(`  ${(size / 1024).toFixed(1).padStart(7)} KB  ${script}`);
  }
  console.log(
    `  ${(initialBytes / 1024).toFixed(1).padStart(7)} KB  total (budget ${INITIAL_JS_BUDGET_BYTES / 1024} KB)`,
  );
  if (initialBytes > INITIAL_JS_BUDGET_BYTES)
    problems.push('the admin app’s initial JS is over budget');
  if (scripts.some((script) => /graphiql|monaco/i.test(script)))
    problems.push('index.html loads GraphiQL code');
}

if (problems.length > 0) {
  console.error(
    `\n✗ dist check failed:\n${problems.map((problem) => `  - ${problem}`).join('\n')}`,
  );
  process.exit(1);
}
console.log('✓ dist: both pages present, nothing loaded from another host');
