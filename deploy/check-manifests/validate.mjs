// Validates Kubernetes manifests with no cluster and no network:
//  1. each object against the API's OpenAPI schema as compiled into kubernetes-models (types, required
//     fields, enums, formats);
//  2. each object against the same package's TypeScript types, whose excess-property check rejects unknown
//     fields (a misspelt key such as `livenesProbe` passes the OpenAPI schema and is silently dropped);
//  3. references between the objects (selectors, names, ports, service accounts, config maps) within each
//     kustomize build: the base, every overlay, and the base with each component; and that every YAML file
//     in a kustomization's folder is listed in it.
// Objects of custom resources (CRDs) have no schema in kubernetes-models: they are skipped by name below, with
// the reason printed, and only their references are checked.
// Usage: node validate.mjs DIR   (DIR holds the base kustomization; overlays/ and components/ below it)
import { execFileSync } from "node:child_process";
import { existsSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from "node:fs";
import { basename, dirname, join, relative, resolve } from "node:path";
import { fileURLToPath } from "node:url";
import { parseAllDocuments } from "yaml";

const here = dirname(fileURLToPath(import.meta.url));
const dir = process.argv[2] && resolve(process.argv[2]);
if (!dir) {
  console.error("usage: node validate.mjs DIR");
  process.exit(2);
}

// apiVersion/kind of custom resources and why they are not schema-checked.
const skippedKinds = new Map([
  ["monitoring.coreos.com/v1/ServiceMonitor", "Prometheus-operator CRD, no schema in kubernetes-models"],
]);

const problems = [];
const parsedFiles = new Map(); // path -> [{ where, file, doc }]

function parseFile(path) {
  if (parsedFiles.has(path)) return parsedFiles.get(path);
  const found = [];
  parseAllDocuments(readFileSync(path, "utf8")).forEach((parsed, i) => {
    const where = `${relative(process.cwd(), path)}#${i + 1}`;
    if (parsed.errors.length > 0) {
      parsed.errors.forEach((e) => problems.push(`${where}: YAML: ${e.message}`));
      return;
    }
    const doc = parsed.toJS();
    if (doc !== null) found.push({ where, file: path, doc });
  });
  parsedFiles.set(path, found);
  return found;
}

// Every folder below DIR with a kustomization.yaml.
const kustomizations = [];
(function walk(folder) {
  const file = join(folder, "kustomization.yaml");
  if (existsSync(file)) {
    const [k] = parseFile(file);
    if (k) kustomizations.push({ dir: folder, ...k });
  }
  for (const entry of readdirSync(folder).sort()) {
    const path = join(folder, entry);
    if (statSync(path).isDirectory() && entry !== "node_modules") walk(path);
  }
})(dir);

// The objects one kustomization builds: its resources (files, or folders with their own kustomization), its
// components, and the ConfigMaps its configMapGenerator makes (as objects, for the reference checks).
function build(k, seen = new Set()) {
  if (seen.has(k.dir)) {
    problems.push(`${k.where}: kustomization cycle`);
    return [];
  }
  seen.add(k.dir);
  const objects = [];
  for (const entry of [...(k.doc.resources ?? []), ...(k.doc.components ?? [])]) {
    const path = resolve(k.dir, entry);
    if (!existsSync(path)) {
      problems.push(`${k.where}: resource ${entry} does not exist`);
    } else if (statSync(path).isDirectory()) {
      const inner = kustomizations.find((o) => o.dir === path);
      if (inner) objects.push(...build(inner, new Set(seen)));
      else problems.push(`${k.where}: ${entry} has no kustomization.yaml`);
    } else {
      objects.push(...parseFile(path));
    }
  }
  for (const generator of k.doc.configMapGenerator ?? []) {
    const data = {};
    for (const f of generator.files ?? []) {
      const path = resolve(k.dir, f.includes("=") ? f.split("=")[1] : f);
      if (existsSync(path)) data[basename(path)] = readFileSync(path, "utf8");
      else problems.push(`${k.where}: configMapGenerator ${generator.name}: file ${f} does not exist`);
    }
    objects.push({ where: `${k.where} configMapGenerator`, file: k.file, generated: true,
      doc: { apiVersion: "v1", kind: "ConfigMap", metadata: { name: generator.name }, data } });
  }
  return objects;
}

// Every YAML file in a kustomization's folder must be used by it.
for (const k of kustomizations) {
  const listed = new Set([...(k.doc.resources ?? [])].map((r) => resolve(k.dir, r)));
  for (const f of readdirSync(k.dir).filter((f) => /\.ya?ml$/.test(f) && f !== "kustomization.yaml")) {
    if (!listed.has(join(k.dir, f))) problems.push(`${k.where}: ${f} is not listed in resources`);
  }
}

const builds = [];
const base = kustomizations.find((k) => k.dir === dir && k.doc.kind === "Kustomization");
if (!base) problems.push(`${dir}: no base kustomization.yaml`);
for (const k of kustomizations) {
  if (k.doc.kind === "Component") {
    if (base) builds.push({ name: `${relative(process.cwd(), base.dir) || "."} + component ${relative(dir, k.dir)}`, objects: [...build(base), ...build(k)] });
  } else {
    builds.push({ name: relative(process.cwd(), k.dir) || ".", objects: build(k) });
  }
}

// Schema and type checks run once per object, whatever builds include it.
const objects = [...parsedFiles.values()].flat().filter((o) => o.doc.kind !== "Kustomization" && o.doc.kind !== "Component");
const skipped = [];
for (const o of objects) {
  const reason = skippedKinds.get(`${o.doc.apiVersion}/${o.doc.kind}`);
  if (reason) skipped.push(`${o.where}: ${o.doc.kind} not schema-checked (${reason})`);
}
const checkable = objects.filter((o) => !skippedKinds.has(`${o.doc.apiVersion}/${o.doc.kind}`));

// 1. OpenAPI schemas.
const modelPath = (doc) => `kubernetes-models/${doc.apiVersion}/${doc.kind}`;
for (const { where, doc } of checkable) {
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
for (const { doc } of checkable) {
  const alias = `I_${doc.apiVersion}_${doc.kind}`.replace(/[^A-Za-z0-9_]/g, "_");
  if (!imported.has(alias) && typeof doc.kind === "string") {
    imported.add(alias);
    lines.push(`import type { I${doc.kind} as ${alias} } from "${modelPath(doc)}";`);
  }
}
checkable.forEach(({ where, doc }, i) => {
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

// 3. References between the objects of each build.
const podTemplate = (o) => (o.doc.kind === "CronJob" ? o.doc.spec?.jobTemplate?.spec?.template : o.doc.spec?.template);
const podLabels = (o) => podTemplate(o)?.metadata?.labels ?? {};
const matches = (selector, labels) => Object.entries(selector ?? {}).every(([k, v]) => labels?.[k] === v);
const containerPorts = (o) => (podTemplate(o)?.spec?.containers ?? []).flatMap((c) => c.ports ?? []);

for (const { name, objects: built } of builds) {
  const at = (o) => `${o.where} (in ${name})`;
  const byKind = (kind) => built.filter((o) => o.doc.kind === kind);
  const named = (kind, n) => byKind(kind).some((o) => o.doc.metadata?.name === n);
  const workloads = [...byKind("Deployment"), ...byKind("Job"), ...byKind("CronJob")];

  for (const o of byKind("Deployment")) {
    if (!matches(o.doc.spec?.selector?.matchLabels, podLabels(o))) problems.push(`${at(o)}: selector does not match the pod template's labels`);
  }
  for (const o of [...byKind("Service"), ...byKind("PodDisruptionBudget")]) {
    const selector = o.doc.kind === "Service" ? o.doc.spec?.selector : o.doc.spec?.selector?.matchLabels;
    const targets = byKind("Deployment").filter((d) => matches(selector, podLabels(d)));
    if (targets.length === 0) problems.push(`${at(o)}: selector matches no Deployment's pods`);
    if (o.doc.kind === "Service") {
      const portNames = targets.flatMap((d) => containerPorts(d).map((p) => p.name));
      for (const p of o.doc.spec?.ports ?? []) {
        if (typeof p.targetPort === "string" && !portNames.includes(p.targetPort)) {
          problems.push(`${at(o)}: targetPort ${p.targetPort} is not a named container port`);
        }
      }
    }
  }
  for (const o of byKind("NetworkPolicy")) {
    const targets = workloads.filter((w) => matches(o.doc.spec?.podSelector?.matchLabels, podLabels(w)));
    if (targets.length === 0) problems.push(`${at(o)}: podSelector matches no workload's pods`);
    const portNames = targets.flatMap((w) => containerPorts(w).map((p) => p.name));
    for (const rule of o.doc.spec?.ingress ?? []) {
      for (const p of rule.ports ?? []) {
        if (typeof p.port === "string" && !portNames.includes(p.port)) problems.push(`${at(o)}: port ${p.port} is not a named container port`);
      }
    }
  }
  for (const o of byKind("ServiceMonitor")) {
    const services = byKind("Service").filter((s) => matches(o.doc.spec?.selector?.matchLabels, s.doc.metadata?.labels));
    const portNames = services.flatMap((s) => (s.doc.spec?.ports ?? []).map((p) => p.name));
    if (services.length === 0) problems.push(`${at(o)}: selector matches no Service`);
    for (const e of o.doc.spec?.endpoints ?? []) {
      if (e.port && !portNames.includes(e.port)) problems.push(`${at(o)}: endpoint port ${e.port} is on no selected Service`);
    }
  }
  for (const o of byKind("HorizontalPodAutoscaler")) {
    const ref = o.doc.spec?.scaleTargetRef;
    if (!named(ref?.kind, ref?.name)) problems.push(`${at(o)}: scaleTargetRef ${ref?.kind}/${ref?.name} not found`);
  }
  for (const o of workloads) {
    const pod = podTemplate(o)?.spec ?? {};
    if (pod.serviceAccountName && !named("ServiceAccount", pod.serviceAccountName)) {
      problems.push(`${at(o)}: ServiceAccount ${pod.serviceAccountName} not found`);
    }
    for (const v of pod.volumes ?? []) {
      const claim = v.persistentVolumeClaim?.claimName;
      if (claim && !named("PersistentVolumeClaim", claim)) problems.push(`${at(o)}: PVC ${claim} not found`);
      const map = v.configMap?.name;
      if (map && !named("ConfigMap", map)) problems.push(`${at(o)}: ConfigMap ${map} not found`);
    }
    const volumeNames = (pod.volumes ?? []).map((v) => v.name);
    for (const c of pod.containers ?? []) {
      for (const ref of c.envFrom ?? []) {
        if (ref.configMapRef && !named("ConfigMap", ref.configMapRef.name)) {
          problems.push(`${at(o)}: ConfigMap ${ref.configMapRef.name} not found`);
        }
      }
      for (const m of c.volumeMounts ?? []) {
        if (!volumeNames.includes(m.name)) problems.push(`${at(o)}: volumeMount ${m.name} has no volume`);
      }
      const ports = (c.ports ?? []).map((p) => p.containerPort);
      for (const probe of ["startupProbe", "livenessProbe", "readinessProbe"]) {
        const port = c[probe]?.grpc?.port ?? c[probe]?.httpGet?.port ?? c[probe]?.tcpSocket?.port;
        if (typeof port === "number" && !ports.includes(port)) problems.push(`${at(o)}: ${probe} port ${port} is not a container port`);
      }
    }
    for (const rule of o.doc.spec?.jobTemplate?.spec?.podFailurePolicy?.rules ?? o.doc.spec?.podFailurePolicy?.rules ?? []) {
      const container = rule.onExitCodes?.containerName;
      if (container && !(pod.containers ?? []).some((c) => c.name === container)) {
        problems.push(`${at(o)}: podFailurePolicy names container ${container}, which the pod lacks`);
      }
    }
  }
}

skipped.forEach((s) => console.log(s));
if (problems.length > 0) {
  problems.forEach((p) => console.error(p));
  console.error(`${problems.length} problem(s) in ${objects.length} manifest(s)`);
  process.exit(1);
}
console.log(`${objects.length} manifest(s) valid (${skipped.length} custom resource(s) by references only), ` +
  `${builds.length} build(s): ${builds.map((b) => b.name).join("; ")}`);
