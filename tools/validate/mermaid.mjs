#!/usr/bin/env node
// Checks every Mermaid diagram of Markdown files with Mermaid's own parser (mermaid.parse), the
// one a browser (GitHub's viewer included) runs before it draws: a diagram it rejects shows as an
// error box instead of a picture.
//
// usage: node mermaid.mjs FILE.md...
// Prints "FILE:LINE: message" for every diagram that does not parse (LINE: its opening fence),
// then "N diagram(s) in M file(s), K failed"; exits 1 when one failed, 2 on bad usage.
//
// Mermaid needs a DOM even to parse (DOMPurify, its sanitiser, binds to a window): jsdom gives
// it one. Only the parser runs; laying a diagram out needs a browser.
import { readFileSync } from 'node:fs';
import { JSDOM } from 'jsdom';

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node mermaid.mjs FILE.md...');
  process.exit(2);
}

const dom = new JSDOM('<!doctype html><html><body></body></html>', { pretendToBeVisual: true });
globalThis.window = dom.window;
globalThis.document = dom.window.document;
const { default: mermaid } = await import('mermaid');
mermaid.initialize({ startOnLoad: false, securityLevel: 'strict' });

/** The ```mermaid blocks of a CommonMark document: [{line, text}], line 1-based. */
function diagrams(markdown) {
  const lines = markdown.split('\n');
  const out = [];
  for (let i = 0; i < lines.length; i++) {
    const open = /^ {0,3}(`{3,}|~{3,})\s*mermaid\s*$/.exec(lines[i]);
    if (!open) continue;
    const fence = open[1];
    const body = [];
    let j = i + 1;
    for (; j < lines.length; j++) {
      const close = new RegExp(`^ {0,3}${fence[0] === '`' ? '`' : '~'}{${fence.length},}\\s*$`);
      if (close.test(lines[j])) break;
      body.push(lines[j]);
    }
    out.push({ line: i + 1, text: body.join('\n') + '\n', closed: j < lines.length });
    i = j;
  }
  return out;
}

let count = 0;
let failed = 0;
for (const file of files) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    console.log(`${file}: cannot read: ${e.message}`);
    failed++;
    continue;
  }
  for (const d of diagrams(text)) {
    count++;
    if (!d.closed) {
      console.log(`${file}:${d.line}: the mermaid block is not closed`);
      failed++;
      continue;
    }
    try {
      await mermaid.parse(d.text);
    } catch (e) {
      console.log(`${file}:${d.line}: ${String(e.message ?? e).replace(/\s+/g, ' ').trim()}`);
      failed++;
    }
  }
}
console.log(`${count} diagram(s) in ${files.length} file(s), ${failed} failed`);
process.exit(failed > 0 ? 1 : 0);
