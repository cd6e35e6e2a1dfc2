// Validates Kubernetes manifests with no cluster and no network:
//  1. each object against the API's OpenAPI schema as compiled into kubernetes-models (types, required
//     fields, enums, formats);
//  2. each object against the same package's TypeScript types, whose excess-property check rejects unknown
//     fields (a misspelt key such as `livenesProbe` passes the OpenAPI schema and is silently dropped);
//  3. references between the objects (selectors, names, ports) and the kustomization's resource list.
// Usage: node validate.mjs DIR   (every *.yaml in DIR)
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));
const dir = process.argv[2];
if (!dir) {
  console.error("usage: node validate.mjs DIR");
  process.exit(2);
}

const problems = [];
const objects = []; // { where, doc }
let kustomization = null;

for (const file of readdirSync(dir).filter((f) => /\.ya?ml$/.test(f)).sort()) {
  const path = join(dir, file);
  parseAllDocuments(readFileSync(path, "utf8")).forEach((parsed, i) => {
    const where = `${relative(process.cwd(), path)}#${i + 1}`;
    if (parsed.errors.length > 0) {
      parsed.errors.forEach((e) => problems.push(`${where}: YAML: ${e.message}`));
      return;
    }
    const doc = parsed.toJS();
    if (doc === null) return;
    if (doc.kind === "Kustomization") kustomization = { where, doc, file };
    else objects.push({ where, file, doc });
  });
}

// 1. OpenAPI schemas.
const modelPath = (doc) => `kubernetes-models/${doc.apiVersion}/${doc.kind}`;
for (const { where, doc } of objects) {
  if (typeof doc.apiVersion !== "string" || typeof doc.kind !== "string") {
    problems.push(`${where}: apiVersion and kind are required`);
    continue;
  }
  let model;
  try {
    model = await import(modelPath(doc));
  } catch {
    problems.push(`${where}: unknown apiVersion/kind ${doc.apiVersion} ${doc.kind}`);
    continue;
  }
  try {
    new model[doc.kind](doc).validate();
  } catch (e) {
    for (const err of e.errors ?? [{ instancePath: "", message: e.message }]) {
      problems.push(`${where}: ${doc.kind}${err.instancePath}: ${err.message}`);
    }
  }
}

// 2. Unknown fields, through TypeScript's excess-property check on one object literal per manifest.
const lines = [];
const spans = []; // [firstLine, lastLine, where]
const imported = new Set();
for (const { doc } of objects) {
  const alias = `I_${doc.apiVersion}_${doc.kind}`.replace(/[^A-Za-z0-9_]/g, "_");
  if (!imported.has(alias) && typeof doc.kind === "string") {
    imported.add(alias);
    lines.push(`import type { I${doc.kind} as ${alias} } from "${modelPath(doc)}";`);
  }
}
objects.forEach(({ where, doc }, i) => {
  const alias = `I_${doc.apiVersion}_${doc.kind}`.replace(/[^A-Za-z0-9_]/g, "_");
  const body = `export const m${i}: ${alias} = ${JSON.stringify(doc, null, 2)};`.split("\n");
  spans.push([lines.length + 1, lines.length + body.length, where]);
  lines.push(...body);
});
const work = mkdtempSync(join(here, ".tscheck-"));
try {
  const source = join(work, "manifests.mts");
  writeFileSync(source, lines.join("\n") + "\n");
  const tsc = join(here, "node_modules", "typescript", "bin", "tsc");
  try {
    execFileSync(process.execPath, [tsc, "--noEmit", "--strict", "--module", "nodenext", "--moduleResolution", "nodenext",
      "--target", "es2022", "--pretty", "false", source], { encoding: "utf8", stdio: "pipe" });
  } catch (e) {
    for (const line of String(e.stdout).split("\n").filter((l) => l.includes("error TS"))) {
      const at = Number(/\((\d+),\d+\)/.exec(line)?.[1] ?? 0);
      const span = spans.find(([a, b]) => at >= a && at <= b);
      const field = at > 0 ? lines[at - 1].trim() : "";
      problems.push(`${span?.[2] ?? basename(source)}: ${line.replace(/^.*error (TS\d+): /, "$1 ")} (at: ${field})`);
    }
  }
} finally {
  rmSync(work, { recursive: true, force: true });
}

// 3. References between the objects.
const byKind = (kind) => objects.filter((o) => o.doc.kind === kind);
const named = (kind, name) => byKind(kind).some((o) => o.doc.metadata?.name === name);
const matches = (selector, labels) => Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);
const workloads = [...byKind("Deployment"), ...byKind("Job")];
const podLabels = (o) => o.doc.spec?.template?.metadata?.labels ?? {};

for (const o of byKind("Deployment")) {
  if (!matches(o.doc.spec?.selector?.matchLabels, podLabels(o))) {
    problems.push(`${o.where}: selector does not match the pod template's labels`);
  }
}
for (const o of [...byKind("Service"), ...byKind("PodDisruptionBudget")]) {
  const selector = o.doc.kind === "Service" ? o.doc.spec?.selector : o.doc.spec?.selector?.matchLabels;
  const targets = byKind("Deployment").filter((d) => matches(selector, podLabels(d)));
  if (targets.length === 0) problems.push(`${o.where}: selector matches no Deployment's pods`);
  if (o.doc.kind === "Service") {
    const portNames = targets.flatMap((d) => d.doc.spec.template.spec.containers.flatMap((c) => (c.ports ?? []).map((p) => p.name)));
    for (const p of o.doc.spec?.ports ?? []) {
      if (typeof p.targetPort === "string" && !portNames.includes(p.targetPort)) {
        problems.push(`${o.where}: targetPort ${p.targetPort} is not a named container port`);
      }
    }
  }
}
for (const o of byKind("HorizontalPodAutoscaler")) {
  const ref = o.doc.spec?.scaleTargetRef;
  if (!named(ref?.kind, ref?.name)) problems.push(`${o.where}: scaleTargetRef ${ref?.kind}/${ref?.name} not found`);
}
for (const o of workloads) {
  const pod = o.doc.spec?.template?.spec ?? {};
  for (const v of pod.volumes ?? []) {
    const claim = v.persistentVolumeClaim?.claimName;
    if (claim && !named("PersistentVolumeClaim", claim)) problems.push(`${o.where}: PVC ${claim} not found`);
  }
  const volumeNames = (pod.volumes ?? []).map((v) => v.name);
  for (const c of pod.containers ?? []) {
    for (const ref of c.envFrom ?? []) {
      if (ref.configMapRef && !named("ConfigMap", ref.configMapRef.name)) {
        problems.push(`${o.where}: ConfigMap ${ref.configMapRef.name} not found`);
      }
    }
    for (const m of c.volumeMounts ?? []) {
      if (!volumeNames.includes(m.name)) problems.push(`${o.where}: volumeMount ${m.name} has no volume`);
    }
    const ports = (c.ports ?? []).map((p) => p.containerPort);
    for (const probe of ["startupProbe", "livenessProbe", "readinessProbe"]) {
      const port = c[probe]?.grpc?.port ?? c[probe]?.httpGet?.port ?? c[probe]?.tcpSocket?.port;
      if (typeof port === "number" && !ports.includes(port)) problems.push(`${o.where}: ${probe} port ${port} is not a container port`);
    }
  }
}
if (kustomization) {
  const listed = new Set(kustomization.doc.resources ?? []);
  const present = new Set(objects.map((o) => o.file));
  for (const f of present) if (!listed.has(f)) problems.push(`${kustomization.where}: ${f} is not listed in resources`);
  for (const f of listed) if (!present.has(f)) problems.push(`${kustomization.where}: resource ${f} does not exist`);
}

if (problems.length > 0) {
  problems.forEach((p) => console.error(p));
  console.error(`${problems.length} problem(s) in ${objects.length} manifest(s)`);
  process.exit(1);
}
console.log(`${objects.length} manifest(s) valid: schema, known fields, references`);
