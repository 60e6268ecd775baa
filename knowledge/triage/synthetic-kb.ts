import type { Unit } from '../schema/unit';
import { contentTokens } from './analyzer';

/**
 * A generated knowledge base the size of the Digital Hotline's shared answer bank (39 municipalities,
 * 130 or more answers each), for the benchmark only. Deterministic (seeded), built from a real knowledge
 * base: each municipality gets every service area of `templates`, renamed, with its vocabulary
 * reshuffled and extended by compounds of the real words, so the index has to carry tens of thousands
 * of distinct words as a real shared bank would.
 */
export const DIGITAL_HOTLINE_MUNICIPALITIES = [
  'Aarhus', 'Randers', 'Silkeborg', 'Herning', 'Horsens', 'Viborg', 'Skanderborg', 'Favrskov', 'Syddjurs',
  'Norddjurs', 'Odder', 'Samsø', 'Hedensted', 'Ikast-Brande', 'Lemvig', 'Struer', 'Holstebro',
  'Ringkøbing-Skjern', 'Skive', 'Aalborg', 'Hjørring', 'Frederikshavn', 'Brønderslev', 'Jammerbugt',
  'Mariagerfjord', 'Rebild', 'Vesthimmerland', 'Thisted', 'Morsø', 'Læsø', 'Furesø', 'Gribskov', 'Halsnæs',
  'Hillerød', 'Fredensborg', 'Allerød', 'Egedal', 'Frederikssund', 'Rudersdal',
] as const;

/** mulberry32: a small seeded generator, so every run benchmarks the same knowledge base. */
function random(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const slug = (text: string): string =>
  text
    .toLowerCase()
    .replace(/æ/g, 'ae')
    .replace(/ø/g, 'oe')
    .replace(/å/g, 'aa')
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');

/**
 * `perMunicipality` units for each of the 39 municipalities, made from `templates` (the real units):
 * template i serves as service area i mod templates.length, with a variant number when reused.
 */
export function syntheticUnits(templates: readonly Unit[], perMunicipality = 130, seed = 39): Unit[] {
  const rnd = random(seed);
  const pick = <T>(list: readonly T[]): T => list[Math.floor(rnd() * list.length)] as T;
  const words = [...new Set(templates.flatMap((u) => [...u.keywords.da, ...u.topics.da].flatMap((t) => contentTokens(t))))].filter(
    (w) => w.length >= 4,
  );
  // Compounds of real words ("affaldsgebyr", "boligstøttesag"): the long tail of a big answer bank.
  const compound = (): string => `${pick(words)}${rnd() < 0.5 ? 's' : ''}${pick(words)}`;
  const units: Unit[] = [];
  for (const municipality of DIGITAL_HOTLINE_MUNICIPALITIES) {
    for (let i = 0; i < perMunicipality; i++) {
      const template = templates[i % templates.length] as Unit;
      const variant = Math.floor(i / templates.length);
      const area = variant === 0 ? template.name.da : `${template.name.da} ${compound()}`;
      const extra = (n: number): string[] => Array.from({ length: n }, () => (rnd() < 0.6 ? compound() : pick(words)));
      units.push({
        ...template,
        id: slug(`${municipality}-${template.id}-${variant}`),
        name: { da: `${area} ${municipality}`, en: `${template.name.en} ${municipality}` },
        aliases: [...template.aliases.slice(0, 3).map((a) => `${a} ${municipality}`), ...extra(2)],
        kind: 'unit',
        parent: null,
        topics: { da: [...template.topics.da, ...extra(4)], en: template.topics.en },
        keywords: { da: [...template.keywords.da, ...extra(8)], en: template.keywords.en },
        examples: {
          da: [...template.examples.da.map((e) => `${e} i ${municipality}`), `Hvem kan hjælpe med ${extra(1)[0]} og ${extra(1)[0]}?`],
          en: template.examples.en,
        },
      });
    }
  }
  return units;
}
