#!/usr/bin/env node
// Validates multi-document Kubernetes YAML manifests.
//
//   node tools/validate/validate.mjs FILE...     (FILE may be "-" for stdin)
//
// Every document must have apiVersion, kind and metadata.name, and its apiVersion/kind must be
// a model in kubernetes-models, @kubernetes-models/traefik or @kubernetes-models/gateway-api;
// the model's validate() is run. Documents of the traefik.io and gateway.networking.k8s.io
// groups are also validated against the openAPIV3Schema of the matching CRD version in the
// vendored schemas/*.yaml (x-kubernetes-* keywords stripped, so CEL rules are not checked).
//
// Output: one line per invalid document, "FILE: doc N (Kind/namespace/name): message".
// Exit 0 when all documents are valid ("ok: N documents"), 1 when any is invalid (or a file
// holds no document), 2 on unreadable input, bad usage or missing node_modules.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

const HERE = path.dirname(fileURLToPath(import.meta.url));
const SCHEMA_DIR = path.resolve(HERE, '../../schemas');
const CRD_FILES = {
  'traefik.io': ['traefik-v3-crds.yaml'],
  // the experimental TCPRoute CRD comes on top of the standard channel, as users install it
  'gateway.networking.k8s.io': ['gateway-api-standard-crds.yaml', 'gateway-api-experimental-tcproutes.yaml'],
};
const MODEL_PACKAGES = ['kubernetes-models', '@kubernetes-models/traefik', '@kubernetes-models/gateway-api'];

let YAML, Ajv, addFormats;
try {
  YAML = await import('yaml');
  Ajv = (await import('ajv')).default;
  addFormats = (await import('ajv-formats')).default;
  // Fail here, not later as "unknown kind", when a model package is missing.
  for (const pkg of MODEL_PACKAGES) import.meta.resolve(pkg);
} catch (e) {
  console.error(`validate: dependencies not installed (${e.message.split('\n')[0]}); run scripts/test or npm ci --prefix tools/validate`);
  process.exit(2);
}

// kubectl reads YAML 1.1 (yes/no/on/off are booleans, 0755 is octal) but keeps timestamps and
// sexagesimal numbers (1:20) as strings.
const YAML_OPTIONS = {
  version: '1.1',
  customTags: (tags) => tags.filter((t) => t.tag !== 'tag:yaml.org,2002:timestamp' && t.format !== 'TIME'),
};

// ---- model lookup (kubernetes-models packages export "<apiVersion>/<Kind>" subpaths) ----

async function findModel(apiVersion, kind) {
  if (!/^([a-z0-9.-]+\/)?v[0-9a-z]+$/.test(apiVersion) || !/^[A-Z][A-Za-z0-9]*$/.test(kind)) return undefined;
  for (const pkg of MODEL_PACKAGES) {
    let mod;
    try {
      mod = await import(`${pkg}/${apiVersion}/${kind}`);
    } catch (e) {
      if (e.code === 'ERR_MODULE_NOT_FOUND' || e.code === 'ERR_PACKAGE_PATH_NOT_EXPORTED') continue;
      throw e;
    }
    const model = mod[kind];
    if (model?.apiVersion === apiVersion && model?.kind === kind) return model;
  }
  return undefined;
}

// ---- CRD schemas ----

const ajv = new Ajv({ strict: false, allErrors: true });
addFormats(ajv);
ajv.addFormat('int32', { type: 'number', validate: (n) => Number.isInteger(n) && n >= -(2 ** 31) && n < 2 ** 31 });
ajv.addFormat('int64', { type: 'number', validate: (n) => Number.isInteger(n) });

/** Turns a Kubernetes structural schema into plain JSON schema: drops x-kubernetes-* keywords. */
function toJsonSchema(s) {
  if (Array.isArray(s)) return s.map(toJsonSchema);
  if (s === null || typeof s !== 'object') return s;
  const out = {};
  for (const [key, value] of Object.entries(s)) {
    if (key.startsWith('x-kubernetes-')) continue;
    if (key === 'properties' || key === 'patternProperties' || key === 'definitions') {
      out[key] = Object.fromEntries(Object.entries(value).map(([k, v]) => [k, toJsonSchema(v)]));
    } else if (['items', 'additionalProperties', 'not', 'allOf', 'anyOf', 'oneOf'].includes(key)) {
      out[key] = toJsonSchema(value);
    } else {
      out[key] = value; // enum, default, example, ...: data, not schema
    }
  }
  if (s['x-kubernetes-int-or-string'] === true) {
    delete out.type;
    if (!out.anyOf) out.anyOf = [{ type: 'integer' }, { type: 'string' }];
  }
  return out;
}

const crdsByGroup = new Map(); // group -> Map("version/Kind" -> compiled validator)

function crdValidator(group, version, kind) {
  if (!crdsByGroup.has(group)) {
    const byKey = new Map();
    for (const name of CRD_FILES[group]) {
      const file = path.join(SCHEMA_DIR, name);
      for (const doc of YAML.parseAllDocuments(readFileSync(file, 'utf8'))) {
        const crd = doc.toJS();
        if (crd?.kind !== 'CustomResourceDefinition' || crd.spec?.group !== group) continue;
        for (const v of crd.spec.versions ?? []) {
          const schema = v.schema?.openAPIV3Schema;
          if (schema) byKey.set(`${v.name}/${crd.spec.names.kind}`, { schema, served: v.served });
        }
      }
    }
    crdsByGroup.set(group, byKey);
  }
  const entry = crdsByGroup.get(group).get(`${version}/${kind}`);
  if (!entry) return undefined;
  entry.validate ??= ajv.compile(toJsonSchema(entry.schema));
  return entry;
}

function ajvMessages(errors) {
  return errors
    .filter((e) => e.keyword !== 'anyOf' && e.keyword !== 'oneOf') // their branches already explain
    .map((e) => `${e.instancePath || '/'} ${e.message}${e.keyword === 'enum' ? ` (${e.params.allowedValues.join(', ')})` : ''}`);
}

// ---- one document ----

async function problemsOf(obj) {
  if (obj === null || typeof obj !== 'object' || Array.isArray(obj)) return ['document is not a YAML mapping'];
  const { apiVersion, kind } = obj;
  const problems = [];
  if (typeof apiVersion !== 'string' || !apiVersion) problems.push('missing apiVersion');
  if (typeof kind !== 'string' || !kind) problems.push('missing kind');
  if (typeof obj.metadata?.name !== 'string' || !obj.metadata.name) problems.push('missing metadata.name');
  if (problems.some((p) => p !== 'missing metadata.name')) return problems;

  const model = await findModel(apiVersion, kind);
  if (!model) return [...problems, `unknown apiVersion/kind ${apiVersion} ${kind}`];
  try {
    new model(obj).validate();
  } catch (e) {
    problems.push(e.message);
  }

  const [group, version] = apiVersion.includes('/') ? apiVersion.split('/') : ['', apiVersion];
  if (CRD_FILES[group]) {
    const crd = crdValidator(group, version, kind);
    if (!crd) {
      problems.push(`no CRD for ${apiVersion} ${kind} in schemas/${CRD_FILES[group].join(', ')}`);
    } else {
      if (!crd.served) problems.push(`${apiVersion} ${kind} is not served by schemas/${CRD_FILES[group].join(', ')}`);
      if (!crd.validate(obj)) problems.push(...ajvMessages(crd.validate.errors).map((m) => `CRD schema: ${m}`));
    }
  }
  return [...new Set(problems)];
}

// ---- main ----

const files = process.argv.slice(2);
if (files.length === 0) {
  console.error('usage: node tools/validate/validate.mjs FILE... (- for stdin)');
  process.exit(2);
}

let exitCode = 0;
let valid = 0;
for (const file of files) {
  let text;
  try {
    text = readFileSync(file === '-' ? 0 : file, 'utf8');
  } catch (e) {
    console.error(`${file}: cannot read: ${e.message}`);
    exitCode = 2;
    continue;
  }
  const docs = YAML.parseAllDocuments(text, YAML_OPTIONS);
  let seen = 0;
  for (const [i, doc] of docs.entries()) {
    let problems;
    let obj;
    if (doc.errors.length > 0) {
      problems = doc.errors.map((e) => `YAML: ${e.message.split('\n')[0].replace(/:$/, '')}`);
    } else {
      obj = doc.toJS();
      if (obj === null || obj === undefined) continue; // empty document ("---" alone, comments)
      problems = await problemsOf(obj);
    }
    seen++;
    if (problems.length === 0) {
      valid++;
      continue;
    }
    const m = obj?.metadata ?? {};
    const id = `${obj?.kind ?? '-'}/${m.namespace ?? '-'}/${m.name ?? '-'}`;
    console.log(`${file}: doc ${i + 1} (${id}): ${problems.join('; ')}`);
    exitCode ||= 1;
  }
  if (seen === 0) {
    console.log(`${file}: no documents`);
    exitCode ||= 1;
  }
}
if (exitCode === 0) console.log(`ok: ${valid} documents`);
process.exit(exitCode);
