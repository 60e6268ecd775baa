import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { z } from 'zod';
import { DEFAULT_CACHE_DIR, digestOf, readCached, writeCached } from '../cache';
import type { Unit } from '../schema/unit';
import { fold } from './normalize';
import { danishStemmer } from './stem';

/**
 * The second net under the emergency lexicon (emergency.ts): a logistic regression over the words and
 * word pairs of labelled messages — emergencies written the way people in panic write, hard negatives
 * (idioms, danger words in everyday matters, things that already happened), and ordinary questions to
 * the municipality. The lexicon knows the phrases; the model knows the company words keep ("reb" +
 * "garagen", "piller" + "nu", "swallowed" + "battery") and catches phrasings no pattern has. Either
 * one raises the alarm (triage.ts); and the model may stand a lexicon alarm down when the words around
 * the danger phrase speak strongly against it (`evidence`: a course, a policy, a story). Figures on
 * messages neither had seen: see the issue-3 note and emergency-model.test.ts.
 *
 * Logistic rather than naive Bayes (natural's BayesClassifier, measured first): Bayes over the same
 * features caught as many emergencies but raised the alarm on one ordinary question in ten once plain
 * questions were among its negatives; the regression weighs the words against each other. Trained in
 * the process (a few milliseconds, deterministic), so the model is always the one its examples give.
 */
export interface EmergencyExample {
  readonly text: string;
  readonly emergency: boolean;
}

export interface EmergencyModelOptions {
  /** Passes over the examples. */
  readonly epochs: number;
  /** L2 penalty per update. */
  readonly l2: number;
  /** An emergency example counts this many times a negative one: recall first (issue 3). */
  readonly positiveWeight: number;
}

export const DEFAULT_EMERGENCY_MODEL_OPTIONS: EmergencyModelOptions = { epochs: 20, l2: 1e-3, positiveWeight: 3 };

const stem = danishStemmer('light');

/**
 * The features of a message: folded, stemmed words and adjacent pairs of them. Words are split more
 * simply than normalize.ts does (lower case, letters and digits): thousands of examples are read at start.
 */
export function emergencyFeatures(text: string): string[] {
  const words = splitWords(text).map((w) => stem(fold(w)));
  const out = new Set(words);
  for (let i = 0; i + 1 < words.length; i++) out.add(`${words[i]} ${words[i + 1]}`);
  return [...out];
}

function splitWords(text: string): string[] {
  return text
    .normalize('NFC')
    .toLowerCase()
    .split(/[^\p{L}\p{N}]+/u)
    .filter((w) => w !== '');
}

/** The words of a message, counted as the model splits them. */
export function wordCount(text: string): number {
  return splitWords(text).length;
}

export class EmergencyModel {
  readonly #ids: ReadonlyMap<string, number>;
  readonly #weights: Float64Array;
  readonly #bias: number;

  private constructor(ids: Map<string, number>, weights: Float64Array, bias: number) {
    this.#ids = ids;
    this.#weights = weights;
    this.#bias = bias;
  }

  /** Stochastic gradient descent on the log loss, examples shuffled by a fixed seed: same data, same model. */
  static train(examples: readonly EmergencyExample[], options: EmergencyModelOptions = DEFAULT_EMERGENCY_MODEL_OPTIONS): EmergencyModel {
    const ids = new Map<string, number>();
    const docs = examples.map((e) =>
      Int32Array.from(emergencyFeatures(e.text), (f) => {
        let id = ids.get(f);
        if (id === undefined) ids.set(f, (id = ids.size));
        return id;
      }),
    );
    const labels = examples.map((e) => (e.emergency ? 1 : 0));
    const weights = new Float64Array(ids.size);
    let bias = 0;
    let rate = 0.5;
    const order = docs.map((_, i) => i);
    let seed = 1;
    const random = (): number => (seed = (seed * 16807) % 2147483647) / 2147483647;
    for (let epoch = 0; epoch < options.epochs; epoch++) {
      for (let i = order.length - 1; i > 0; i--) {
        const j = Math.floor(random() * (i + 1));
        [order[i], order[j]] = [order[j] as number, order[i] as number];
      }
      for (const d of order) {
        const features = docs[d] as Int32Array;
        const y = labels[d] as number;
        let z = bias;
        for (const f of features) z += weights[f] as number;
        const gradient = (1 / (1 + Math.exp(-z)) - y) * (y === 1 ? options.positiveWeight : 1);
        bias -= rate * gradient;
        for (const f of features) weights[f] = (weights[f] as number) - rate * (gradient + options.l2 * (weights[f] as number));
      }
      rate *= 0.93;
    }
    return new EmergencyModel(ids, weights, bias);
  }

  /** The model as plain data, to be read back by `fromJSON` (the start-up cache below). */
  toJSON(): SavedModel {
    return { bias: this.#bias, features: [...this.#ids.keys()], weights: [...this.#weights] };
  }

  /** A model saved by `toJSON`; null when the data is not one (a damaged cache is retrained, not trusted). */
  static fromJSON(data: unknown): EmergencyModel | null {
    if (typeof data !== 'object' || data === null) return null;
    const { bias, features, weights } = data as Partial<SavedModel>;
    if (typeof bias !== 'number' || !Array.isArray(features) || !Array.isArray(weights) || features.length !== weights.length) return null;
    if (!weights.every((w) => typeof w === 'number') || !features.every((f) => typeof f === 'string')) return null;
    return new EmergencyModel(new Map(features.map((f, i) => [f, i])), Float64Array.from(weights), bias);
  }

  /** P(emergency | message) under the model; words it never saw carry no weight. */
  probability(text: string): number {
    return 1 / (1 + Math.exp(-(this.#bias + this.evidence(text))));
  }

  /**
   * What the message's own words say, in log-odds, apart from the prior (the bias): below zero they speak
   * against an emergency. A short message of danger words the model knows little about scores a low
   * probability from the prior alone, but no negative evidence; only words the model learned from hard
   * negatives ("kursus", "forsikring", "sidste år") push this far below zero.
   */
  evidence(text: string): number {
    let z = 0;
    for (const f of emergencyFeatures(text)) {
      const id = this.#ids.get(f);
      if (id !== undefined) z += this.#weights[id] as number;
    }
    return z;
  }
}

/** Where the labelled messages live: one `{"text", "emergency"}` per line, in every *.jsonl file. */
export const DEFAULT_EMERGENCY_EXAMPLES_DIR = fileURLToPath(new URL('../data/emergency', import.meta.url));

const ExampleLine = z.strictObject({ text: z.string().min(1), emergency: z.boolean() });

/** The labelled messages of `dir`; a bad line names its file and line. */
export function loadEmergencyExamples(dir = DEFAULT_EMERGENCY_EXAMPLES_DIR): EmergencyExample[] {
  const out: EmergencyExample[] = [];
  for (const file of readdirSync(dir).filter((f) => f.endsWith('.jsonl')).sort()) {
    readFileSync(join(dir, file), 'utf8')
      .split('\n')
      .forEach((line, i) => {
        if (line.trim() === '') return;
        let json: unknown;
        try {
          json = JSON.parse(line);
        } catch {
          throw new Error(`${file}:${i + 1}: not JSON`);
        }
        const parsed = ExampleLine.safeParse(json);
        if (!parsed.success) throw new Error(`${file}:${i + 1}: ${parsed.error.issues.map((x) => `${x.path.join('.') || 'line'}: ${x.message}`).join('; ')}`);
        out.push(parsed.data);
      });
  }
  return out;
}

/** At most this many of the knowledge base's example questions join the negatives (a 5,000-unit bank repeats itself). */
const MAX_UNIT_EXAMPLES = 2000;

/**
 * The model for a knowledge base: the labelled messages, plus the units' own example questions as
 * ordinary, non-emergency messages — except those of units that take acute worries about a child or a
 * crisis (their examples may be emergencies).
 */
export function emergencyModelFor(
  units: readonly Unit[],
  examples: readonly EmergencyExample[] = defaultExamples(),
  /** Where trained models are kept between starts (../cache.ts); null trains every time. */
  cacheDir: string | null = DEFAULT_CACHE_DIR,
): EmergencyModel {
  const ordinary = new Set<string>();
  for (const unit of units) {
    if (unit.acute?.categories.some((c) => c === 'child' || c === 'crisis')) continue;
    for (const text of [...unit.examples.da, ...unit.examples.en]) {
      if (ordinary.size >= MAX_UNIT_EXAMPLES) break;
      ordinary.add(text);
    }
  }
  const all = [...examples, ...[...ordinary].map((text) => ({ text, emergency: false }))];
  if (cacheDir === null) return EmergencyModel.train(all);
  // Training reads every message (some 150 ms at start); the same messages give the same model, so it is
  // kept under a digest of everything it was trained from and read back by the next process.
  const key = digestOf(String(MODEL_VERSION), JSON.stringify(DEFAULT_EMERGENCY_MODEL_OPTIONS), ...all.map((e) => `${e.emergency ? 1 : 0}${e.text}`));
  const saved = EmergencyModel.fromJSON(readCached(cacheDir, 'emergency-model', key));
  if (saved) return saved;
  const model = EmergencyModel.train(all);
  writeCached(cacheDir, 'emergency-model', key, model.toJSON(), 8);
  return model;
}

/** Bumped when the features or the training change: models saved before are then not read back. */
const MODEL_VERSION = 1;

interface SavedModel {
  readonly bias: number;
  readonly features: string[];
  readonly weights: number[];
}

let cachedExamples: EmergencyExample[] | null = null;
function defaultExamples(): EmergencyExample[] {
  cachedExamples ??= loadEmergencyExamples();
  return cachedExamples;
}
