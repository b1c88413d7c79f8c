// Checks validate.mjs on the manifests in testdata/: `npm test --prefix tools/validate`.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';

const script = fileURLToPath(new URL('./validate.mjs', import.meta.url));
const data = (f) => fileURLToPath(new URL(`./testdata/${f}`, import.meta.url));
const run = (args, input) => spawnSync(process.execPath, [script, ...args], { input, encoding: 'utf8' });

for (const f of ['deployment.yaml', 'ingressroute.yaml', 'ingress-extensions-v1beta1.yaml']) {
  test(`${f} is valid`, () => {
    const r = run([data(f)]);
    assert.equal(r.status, 0, r.stdout + r.stderr);
    assert.match(r.stdout, /^ok: \d+ documents$/m);
  });
}

test('TraefikService with a negative weight is invalid', () => {
  const r = run([data('traefikservice-negative-weight.yaml')]);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /doc 1 \(TraefikService\/myapp\/myapp-canary\): .*weight must be >= 0/);
});

test('HTTPRoute with weight > 1000000 fails the CRD schema', () => {
  const r = run([data('httproute-weight-too-big.yaml')]);
  assert.equal(r.status, 1);
  assert.match(r.stdout, /CRD schema: \/spec\/rules\/0\/backendRefs\/1\/weight must be <= 1000000/);
});

test('unknown kind and missing name are invalid (stdin)', () => {
  const r = run(['-'], 'apiVersion: example.com/v1\nkind: Widget\nmetadata: {name: w}\n---\napiVersion: v1\nkind: ConfigMap\nmetadata: {}\n');
  assert.equal(r.status, 1);
  assert.match(r.stdout, /^-: doc 1 \(Widget\/-\/w\): unknown apiVersion\/kind/m);
  assert.match(r.stdout, /^-: doc 2 \(ConfigMap\/-\/-\): missing metadata.name/m);
});

test('unreadable input exits 2', () => {
  assert.equal(run(['/nonexistent/manifest.yaml']).status, 2);
});
