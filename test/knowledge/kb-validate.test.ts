import { afterAll, describe, expect, test } from 'vitest';
import { formatProblem, loadKnowledgeBase } from '../../knowledge/kb';
import { brokenCopy, copyOf, removeCopies, replace, VALID_KB_DIR, type Edit } from '../fixtures/kb/broken-copy';

afterAll(removeCopies);

/** The validator's lines for a knowledge base; [] when it is valid. */
function problemLines(dir: string): string[] {
  const result = loadKnowledgeBase(dir);
  return result.ok ? [] : result.problems.map(formatProblem);
}

const drop = (from: string): Edit => replace(from, '');

/**
 * One row per way a maintainer can break the knowledge base. Each expects exactly these lines
 * (file: path: message), so a fixture that also sets off unrelated complaints fails too.
 */
const broken: [string, Record<string, Edit>, RegExp[]][] = [
  [
    'unparseable YAML',
    { 'units/team.yaml': replace('name: { da: Et team, en: A team }', 'name: { da: Et team, en: A team') },
    [/^units\/team\.yaml: line \d+: unparseable YAML: Flow map .* end with a }$/],
  ],
  [
    'a key given twice',
    { 'units/team.yaml': replace('kind: same-as\n', 'kind: same-as\n  kind: weekly\n') },
    [/^units\/team\.yaml: line \d+: unparseable YAML: .*unique/i],
  ],
  [
    'an unknown field at the top of a unit',
    { 'units/team.yaml': replace('lastVerified:', 'colour: blue\nlastVerified:') },
    [/^units\/team\.yaml: colour: unknown field "colour"$/],
  ],
  [
    'an unknown field deep inside a unit',
    { 'units/borgerservice.yaml': replace('label: { da: Hovednummer, en: Main number }', 'extension: 1818\n      label: { da: Hovednummer, en: Main number }') },
    [/^units\/borgerservice\.yaml: contacts\.phones\[0\]\.extension: unknown field "extension"$/],
  ],
  [
    'an interval overlapping the one before it',
    { 'units/borgerservice.yaml': replace("thu: ['09:00-12:00', '13:00-18:00']", "thu: ['09:00-12:00', '11:30-18:00']") },
    [/^units\/borgerservice\.yaml: hours\.versions\[0\]\.weekly\.thu\[1\]: interval 11:30-18:00 overlaps 09:00-12:00$/],
  ],
  [
    'an interval inside a long one but not next to it',
    { 'units/borgerservice.yaml': replace("thu: ['09:00-12:00', '13:00-18:00']", "thu: ['08:00-18:00', '09:00-10:00', '12:00-13:00']") },
    [
      /^units\/borgerservice\.yaml: hours\.versions\[0\]\.weekly\.thu\[1\]: interval 09:00-10:00 overlaps 08:00-18:00$/,
      /^units\/borgerservice\.yaml: hours\.versions\[0\]\.weekly\.thu\[2\]: interval 12:00-13:00 overlaps 08:00-18:00$/,
    ],
  ],
  [
    'a reversed interval',
    { 'units/borgerservice.yaml': replace("mon: ['09:00-16:00']", "mon: ['16:00-09:00']") },
    [/^units\/borgerservice\.yaml: hours\.versions\[0\]\.weekly\.mon\[0\]: interval 16:00-09:00 ends before it starts$/],
  ],
  [
    'an empty interval',
    { 'units/borgerservice.yaml': replace("mon: ['09:00-16:00']", "mon: ['09:00-09:00']") },
    [/^units\/borgerservice\.yaml: hours\.versions\[0\]\.weekly\.mon\[0\]: interval 09:00-09:00 ends before it starts$/],
  ],
  [
    'a malformed interval',
    { 'units/borgerservice.yaml': replace("mon: ['09:00-16:00']", "mon: ['9-16']") },
    [/^units\/borgerservice\.yaml: hours\.versions\[0\]\.weekly\.mon\[0\]: intervals are written "HH:MM-HH:MM"$/],
  ],
  [
    'hours versions out of date order',
    { 'units/borgerservice.yaml': replace('    - from: 2024-01-01', '    - from: 2024-01-01\n      weekly: { tue: [\'10:00-11:00\'] }\n      source: { seed: 900_aaaaaaaaaaaaaaaa.txt, date: 2020-01-31 }\n    - from: 2023-06-01') },
    [/^units\/borgerservice\.yaml: hours\.versions\[2\]\.from: versions must be in date order$/],
  ],
  [
    'an unknown parent',
    { 'units/team.yaml': replace('parent: borgerservice', 'parent: borgerservise') },
    [/^units\/team\.yaml: parent: unknown parent "borgerservise"$/],
  ],
  [
    'a second unit without a parent',
    { 'units/team.yaml': replace('parent: borgerservice', 'parent: null') },
    [/^units\/team\.yaml: parent: only aarhus-kommune has no parent$/],
  ],
  [
    'a duplicate id (the same unit as .yaml and .yml)',
    { 'units/team.yml': copyOf('units/team.yaml') },
    [/^units\/team\.yml: id: duplicate id "team" \(also in units\/team\.yaml\)$/],
  ],
  [
    'an id that does not match the file name',
    { 'units/team.yaml': replace('id: team', 'id: teamet') },
    [/^units\/team\.yaml: id: id "teamet" does not match the file name$/],
  ],
  [
    'an id with Danish letters',
    { 'units/team.yaml': replace('id: team', 'id: tæm') },
    [/^units\/team\.yaml: id: ids are lower-case words joined by "-" \(no æ\/ø\/å: write ae\/oe\/aa\)$/],
  ],
  [
    'a malformed phone number',
    { 'units/team.yaml': replace('number: +45 89 40 20 00', "number: '89 40 20 00'") },
    [/^units\/team\.yaml: contacts\.phones\[0\]\.number: phone numbers are written "\+45 xx xx xx xx"$/],
  ],
  [
    "a named person's direct line used as a unit's number",
    { 'units/team.yaml': replace('number: +45 89 40 20 00', 'number: +45 11 22 33 44') },
    [/^units\/team\.yaml: contacts\.phones\[0\]\.number: \+45 11 22 33 44 is a named person's direct line in 900_aaaaaaaaaaaaaaaa\.txt, not a unit's public number$/],
  ],
  [
    'a unit with no phone at all',
    { 'units/team.yaml': replace(/contacts:\n  phones:\n( {4,}.*\n)+/, 'contacts:\n  phones: []\n') },
    [/^units\/team\.yaml: contacts\.phones: every unit needs a way in by phone/],
  ],
  [
    'missing provenance',
    { 'units/team.yaml': drop('provenance:\n  - { seed: 900_aaaaaaaaaaaaaaaa.txt, date: 2020-01-31 }\n') },
    [/^units\/team\.yaml: provenance: missing \(expected array\)$/],
  ],
  [
    'empty provenance',
    { 'units/team.yaml': replace('provenance:\n  - { seed: 900_aaaaaaaaaaaaaaaa.txt, date: 2020-01-31 }', 'provenance: []') },
    [/^units\/team\.yaml: provenance: every unit names the seed it comes from$/],
  ],
  [
    'an unknown seed',
    { 'units/team.yaml': replace('hours:\n  kind: same-as\n  unit: borgerservice\n  source: { seed: 900_aaaaaaaaaaaaaaaa.txt', 'hours:\n  kind: same-as\n  unit: borgerservice\n  source: { seed: 901_bbbbbbbbbbbbbbbb.txt') },
    [/^units\/team\.yaml: hours\.source\.seed: unknown seed "901_bbbbbbbbbbbbbbbb\.txt" \(not in seeds\.yaml\)$/],
  ],
  [
    'an assumed fact without a note',
    { 'units/team.yaml': replace(', basis: assumed, note: Reached through the main number. }', ', basis: assumed }') },
    [/^units\/team\.yaml: contacts\.phones\[0\]\.source\.note: an assumed or adopted fact needs a note saying why$/],
  ],
  [
    'a same-as pointing at no unit',
    { 'units/team.yaml': replace('  unit: borgerservice', '  unit: nowhere') },
    [/^units\/team\.yaml: hours\.unit: unknown unit "nowhere"$/],
  ],
  [
    'a same-as cycle',
    { 'units/borgerservice.yaml': replace(/hours:\n  kind: weekly\n[\s\S]*?(?=provenance:)/, 'hours:\n  kind: same-as\n  unit: aarhus-kommune\n  source: { seed: 900_aaaaaaaaaaaaaaaa.txt, date: 2020-01-31 }\n') },
    [
      /^units\/aarhus-kommune\.yaml: hours\.unit: same-as hours form a cycle$/,
      /^units\/borgerservice\.yaml: hours\.unit: same-as hours form a cycle$/,
      /^units\/team\.yaml: hours\.unit: same-as hours form a cycle$/,
    ],
  ],
  [
    'a unit that names itself for its hours',
    { 'units/team.yaml': replace('  unit: borgerservice', '  unit: team') },
    [/^units\/team\.yaml: hours\.unit: same-as hours form a cycle$/],
  ],
  [
    'a seed registry entry with a malformed file name',
    { 'seeds.yaml': replace('file: 900_aaaaaaaaaaaaaaaa.txt', 'file: letter.pdf') },
    [/^seeds\.yaml: seeds\[0\]\.file: a seed is named by its file name/],
  ],
  [
    'a missing seed registry (sources are not all reported again)',
    { 'seeds.yaml': () => null },
    [/^seeds\.yaml: \(file\): cannot read file \(ENOENT\)$/],
  ],
  [
    'a broken unit others point to (its dependants are not reported again)',
    { 'units/borgerservice.yaml': replace('name: { da: Borgerservice, en: Citizen Services }', 'name: { da: Borgerservice, en: Citizen Services') },
    [/^units\/borgerservice\.yaml: line \d+: unparseable YAML: /],
  ],
];

describe('kb validate on broken knowledge bases', () => {
  test('accepts the valid fixture the broken ones start from', () => {
    expect(problemLines(VALID_KB_DIR)).toEqual([]);
  });

  test.each(broken)('reports %s as file: path: message', (_name, edits, expected) => {
    const lines = problemLines(brokenCopy(edits));
    expect(lines).toHaveLength(expected.length);
    expected.forEach((pattern, i) => expect(lines[i]).toMatch(pattern));
  });

  test('reports every problem in one run, not just the first', () => {
    const lines = problemLines(
      brokenCopy({
        'units/team.yaml': replace('number: +45 89 40 20 00', 'number: 8940 2000'),
        'units/borgerservice.yaml': replace("mon: ['09:00-16:00']", "mon: ['16:00-09:00']"),
      }),
    );
    expect(lines).toHaveLength(2);
    expect(lines.some((l) => l.startsWith('units/team.yaml: contacts.phones[0].number:'))).toBe(true);
    expect(lines.some((l) => l.startsWith('units/borgerservice.yaml: hours.versions[0].weekly.mon[0]:'))).toBe(true);
  });

  test('says so when the units directory is missing', () => {
    expect(problemLines(brokenCopy({ units: () => null }))).toEqual(['units/: (file): cannot read the units directory']);
  });
});
