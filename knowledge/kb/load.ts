import { readdirSync, readFileSync } from 'node:fs';
import { basename, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { LineCounter, parseDocument } from 'yaml';
import type { z } from 'zod';
import { DEFAULT_CACHE_DIR, digestOf, readCached, writeCached } from '../cache';
import { SeedRegistry, Unit, type SeedDocument } from '../schema/unit';
import { KnowledgeBase, MAIN_UNIT_ID } from './knowledge-base';

/** The knowledge base shipped with Frontdoor. */
export const DEFAULT_KB_DIR = fileURLToPath(new URL('../data', import.meta.url));

/** One thing wrong with the knowledge base: the file, the path inside it, and what is wrong. */
export interface Problem {
  readonly file: string;
  readonly path: string;
  readonly message: string;
}

export type LoadResult = { ok: true; kb: KnowledgeBase } | { ok: false; problems: Problem[] };

export function formatProblem(p: Problem): string {
  return `${p.file}: ${p.path || '(file)'}: ${p.message}`;
}

/** `hours.versions[0].weekly.thu[1]` */
function formatPath(path: readonly PropertyKey[]): string {
  return path
    .map((k, i) => (typeof k === 'number' ? `[${k}]` : `${i === 0 ? '' : '.'}${String(k)}`))
    .join('');
}

function zodProblems(file: string, error: z.ZodError): Problem[] {
  return error.issues.flatMap((issue): Problem[] => {
    // One line per unknown key, its path ending in the key, so a typo at the top level is not "(file)".
    if (issue.code === 'unrecognized_keys') {
      return issue.keys.map((k) => ({ file, path: formatPath([...issue.path, k]), message: `unknown field "${k}"` }));
    }
    if (issue.code === 'invalid_type' && /received undefined$/.test(issue.message)) {
      return [{ file, path: formatPath(issue.path), message: `missing (expected ${issue.expected})` }];
    }
    return [{ file, path: formatPath(issue.path), message: issue.message }];
  });
}

function readYaml(path: string, file: string): { ok: true; data: unknown } | { ok: false; problems: Problem[] } {
  let text: string;
  try {
    text = readFileSync(path, 'utf8');
  } catch (error) {
    return { ok: false, problems: [{ file, path: '', message: `cannot read file (${(error as NodeJS.ErrnoException).code ?? 'error'})` }] };
  }
  // Parsing is most of a start's reading (some 150 ms): a file parsed before is read back as JSON.
  const key = digestOf(YAML_CACHE_VERSION, text);
  const cached = readCached(DEFAULT_CACHE_DIR, 'kb-yaml', key);
  if (cached !== undefined) return { ok: true, data: cached };
  // yaml fills in `linePos` only with prettyErrors (which also rewrites the message), so count lines ourselves.
  const lines = new LineCounter();
  const doc = parseDocument(text, { prettyErrors: false, uniqueKeys: true, lineCounter: lines });
  if (doc.errors.length > 0) {
    return {
      ok: false,
      problems: doc.errors.map((e) => ({
        file,
        path: `line ${lines.linePos(e.pos[0]).line}`,
        message: `unparseable YAML: ${e.message.split('\n')[0]}`,
      })),
    };
  }
  const data: unknown = doc.toJS();
  writeCached(DEFAULT_CACHE_DIR, 'kb-yaml', key, data, 200);
  return { ok: true, data };
}

/** Bumped if the parse options change: files parsed before are then parsed again. */
const YAML_CACHE_VERSION = '1';

/**
 * Reads and validates a knowledge-base directory: `seeds.yaml` and `units/*.yaml`.
 * Checks each file against the schema, then what spans files: ids match file names and are
 * unique, parents and `same-as` targets exist (no cycles), every source names a registered seed,
 * and no unit gives a named person's direct line as its public number.
 */
export function loadKnowledgeBase(dir: string = DEFAULT_KB_DIR): LoadResult {
  const problems: Problem[] = [];
  const seedsFile = 'seeds.yaml';
  let seeds: SeedDocument[] = [];
  let seedsKnown = false;
  const seedYaml = readYaml(join(dir, seedsFile), seedsFile);
  if (!seedYaml.ok) problems.push(...seedYaml.problems);
  else {
    const parsed = SeedRegistry.safeParse(seedYaml.data);
    if (parsed.success) {
      seeds = parsed.data.seeds;
      seedsKnown = true;
    } else problems.push(...zodProblems(seedsFile, parsed.error));
  }

  let files: string[];
  try {
    files = readdirSync(join(dir, 'units')).filter((f) => /\.ya?ml$/.test(f)).sort();
  } catch {
    return { ok: false, problems: [...problems, { file: 'units/', path: '', message: 'cannot read the units directory' }] };
  }

  const units: { file: string; unit: Unit }[] = [];
  // Ids of files already reported as broken: references to them are not reported again.
  const broken = new Set<string>();
  for (const name of files) {
    const file = `units/${name}`;
    const yaml = readYaml(join(dir, 'units', name), file);
    if (!yaml.ok) {
      problems.push(...yaml.problems);
      broken.add(name.replace(/\.ya?ml$/, ''));
      continue;
    }
    const parsed = Unit.safeParse(yaml.data);
    if (!parsed.success) {
      problems.push(...zodProblems(file, parsed.error));
      broken.add(name.replace(/\.ya?ml$/, ''));
      continue;
    }
    units.push({ file, unit: parsed.data });
  }

  problems.push(...crossCheck(units, seedsKnown ? seeds : undefined, broken));
  if (problems.length > 0) return { ok: false, problems };
  return { ok: true, kb: new KnowledgeBase(units.map((u) => u.unit), seeds) };
}

/** `seeds` is undefined when the registry itself is broken: then sources are not checked against it. */
function crossCheck(
  units: readonly { file: string; unit: Unit }[],
  seeds: readonly SeedDocument[] | undefined,
  broken: ReadonlySet<string>,
): Problem[] {
  const problems: Problem[] = [];
  const byId = new Map<string, { file: string; unit: Unit }>();
  for (const entry of units) {
    const { file, unit } = entry;
    if (basename(file).replace(/\.ya?ml$/, '') !== unit.id) {
      problems.push({ file, path: 'id', message: `id "${unit.id}" does not match the file name` });
    }
    const seen = byId.get(unit.id);
    if (seen) problems.push({ file, path: 'id', message: `duplicate id "${unit.id}" (also in ${seen.file})` });
    else byId.set(unit.id, entry);
  }

  const seedFiles = new Set((seeds ?? []).map((s) => s.file));
  const personal = new Map((seeds ?? []).flatMap((s) => s.personalNumbers.map((n) => [n, s.file] as const)));
  for (const { file, unit } of units) {
    if (unit.parent === null && unit.id !== MAIN_UNIT_ID) {
      problems.push({ file, path: 'parent', message: `only ${MAIN_UNIT_ID} has no parent` });
    }
    if (unit.parent !== null && !byId.has(unit.parent) && !broken.has(unit.parent)) {
      problems.push({ file, path: 'parent', message: `unknown parent "${unit.parent}"` });
    }
    if (unit.hours.kind === 'same-as') {
      const target = unit.hours.unit;
      if (!byId.has(target) && !broken.has(target)) problems.push({ file, path: 'hours.unit', message: `unknown unit "${target}"` });
      else if (sameAsCycle(unit.id, byId)) problems.push({ file, path: 'hours.unit', message: 'same-as hours form a cycle' });
    }
    unit.contacts.phones.forEach((phone, i) => {
      const owner = personal.get(phone.number);
      if (owner) {
        problems.push({
          file,
          path: `contacts.phones[${i}].number`,
          message: `${phone.number} is a named person's direct line in ${owner}, not a unit's public number`,
        });
      }
    });
    for (const { path, seed } of sourcesOf(unit)) {
      if (seeds !== undefined && !seedFiles.has(seed)) problems.push({ file, path: `${path}.seed`, message: `unknown seed "${seed}" (not in seeds.yaml)` });
    }
  }
  return problems;
}

function sameAsCycle(start: string, byId: ReadonlyMap<string, { unit: Unit }>): boolean {
  const seen = new Set<string>();
  let id: string | undefined = start;
  while (id !== undefined) {
    if (seen.has(id)) return true;
    seen.add(id);
    const hours: Unit['hours'] | undefined = byId.get(id)?.unit.hours;
    id = hours?.kind === 'same-as' ? hours.unit : undefined;
  }
  return false;
}

/** Every `source` object anywhere in a unit, with its path. */
function sourcesOf(unit: Unit): { path: string; seed: string }[] {
  const out: { path: string; seed: string }[] = [];
  const walk = (value: unknown, path: PropertyKey[]): void => {
    if (Array.isArray(value)) value.forEach((v, i) => walk(v, [...path, i]));
    else if (value !== null && typeof value === 'object') {
      const record = value as Record<string, unknown>;
      if (typeof record.seed === 'string' && typeof record.date === 'string') out.push({ path: formatPath(path), seed: record.seed });
      for (const [k, v] of Object.entries(record)) walk(v, [...path, k]);
    }
  };
  walk(unit, []);
  return out;
}
