import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { DEFAULT_KB_DIR, loadKnowledgeBase } from '../../knowledge/kb';

/** The knowledge base's YAML is read back from the start-up cache (knowledge/cache.ts) once parsed. */
describe('the knowledge base and the start-up cache', () => {
  const dir = mkdtempSync(join(tmpdir(), 'fd-kb-'));
  cpSync(DEFAULT_KB_DIR, dir, { recursive: true, filter: (src) => !src.includes('emergency') });
  afterAll(() => rmSync(dir, { recursive: true, force: true }));

  test('loading twice (the second time from the cache) gives the same knowledge base', () => {
    const first = loadKnowledgeBase(dir);
    const second = loadKnowledgeBase(dir);
    if (!first.ok || !second.ok) throw new Error('the knowledge base does not load');
    expect(JSON.stringify(second.kb.list())).toBe(JSON.stringify(first.kb.list()));
  });

  test('an edited file is read as edited, not as it was cached', () => {
    const file = join(dir, 'units', 'aarhus-kommune.yaml');
    loadKnowledgeBase(dir);
    writeFileSync(file, readFileSync(file, 'utf8').replace('name: { da: Aarhus Kommune,', 'name: { da: Aarhus Kommune Rådhus,'));
    const edited = loadKnowledgeBase(dir);
    if (!edited.ok) throw new Error('the edited knowledge base does not load');
    expect(edited.kb.list().find((u) => u.id === 'aarhus-kommune')?.name.da).toBe('Aarhus Kommune Rådhus');
  });

  test('a file broken after it was cached is reported, not served from the cache', () => {
    const file = join(dir, 'units', 'aarhus-kommune.yaml');
    writeFileSync(file, `${readFileSync(file, 'utf8')}\nkind: [unclosed\n`);
    const broken = loadKnowledgeBase(dir);
    expect(broken.ok).toBe(false);
    if (!broken.ok) expect(broken.problems.some((p) => p.file.includes('aarhus-kommune'))).toBe(true);
  });
});
