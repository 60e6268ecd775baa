import type { AcuteCategory, SeedDocument, Unit, UnitId } from '../schema/unit';

/** The id of the municipality itself: its main number is the way in when nothing else fits. */
export const MAIN_UNIT_ID = 'aarhus-kommune';

/** The validated knowledge base: units by id and the seed documents their facts come from. */
export class KnowledgeBase {
  readonly #units: ReadonlyMap<UnitId, Unit>;
  readonly #seeds: ReadonlyMap<string, SeedDocument>;

  constructor(units: readonly Unit[], seeds: readonly SeedDocument[]) {
    this.#units = new Map(units.map((u) => [u.id, u]));
    this.#seeds = new Map(seeds.map((s) => [s.file, s]));
  }

  get(id: UnitId): Unit | undefined {
    return this.#units.get(id);
  }

  /** For ids the caller already knows exist (from this knowledge base); throws on a bug. */
  require(id: UnitId): Unit {
    const unit = this.#units.get(id);
    if (!unit) throw new Error(`unknown unit ${id}`);
    return unit;
  }

  has(id: UnitId): boolean {
    return this.#units.has(id);
  }

  list(): Unit[] {
    return [...this.#units.values()];
  }

  get main(): Unit {
    return this.require(MAIN_UNIT_ID);
  }

  seed(file: string): SeedDocument | undefined {
    return this.#seeds.get(file);
  }

  seeds(): SeedDocument[] {
    return [...this.#seeds.values()];
  }

  /** Always-open lines for an acute matter of these categories, in knowledge-base order. */
  acuteLines(categories: readonly AcuteCategory[]): Unit[] {
    return this.list().filter((u) => u.acute?.categories.some((c) => categories.includes(c)));
  }
}
