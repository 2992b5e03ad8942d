// Contracts between the loading stage (YAML → merged, validated source) and the model builder.
import type { KeHoach, DonVi, VanBanTrichDan, TuNguTheoCap } from '../model/source-types.generated.ts';
import type { Origin } from '../model/types.ts';
import type { Diagnostic } from './diagnostic.ts';
import type { Levels } from './units-in-time.ts';

export type JsonPath = readonly (string | number)[];

/** A plan after inheritance (ke_thua) is applied, merge operations stripped, validated against the schema. */
export interface ResolvedSource {
  /** Project-relative path, e.g. "plans/thua-thien-hue/phu-ho/2024-dvctt.yaml". */
  file: string;
  /** SHA-1 of this file's bytes as they were read (the build record's hash of the input). */
  hash?: string;
  /** The plan as its unit sees it: entries of other levels (chi_cap) removed. */
  data: KeHoach;
  /** The whole merged template, when `data` dropped level-specific entries; children merge onto it. */
  template?: KeHoach;
  /** Where the value at `path` of `data` was written (child or parent file); nearest ancestor if unknown. */
  origin(path: JsonPath): Origin;
  /** Where the key naming the member at `path` was written (falls back like `origin`). */
  originOfKey?(path: JsonPath): Origin;
  /** The resolved parent plan (ke_thua), if any. */
  parent?: ResolvedSource;
  /**
   * The plan whose targets bind this one: thuc_hien.ke_hoach, else the parent.
   * Undefined when the plan implements a document outside plans/ (thuc_hien.van_ban) or has no parent.
   */
  binding?: ResolvedSource;
  /** The earlier edition replaced by this plan's decision (quyet_dinh.thay_the.ke_hoach), if any. */
  replaces?: ResolvedSource;
  /** Plans in plans/ this plan cites through a registry id (`{{van_ban "id"}}`, `thuc_hien.van_ban` …). */
  cites?: ReadonlyMap<string, ResolvedSource>;
}

/** Data shared by all plans: units directory, level vocabulary, citation registry. */
export interface ProjectData {
  /** Absolute path of the project root (the folder holding plans/ and data/). */
  root: string;
  /** Units as they stand on `date` (every plan gets the view of its own date: projectOn). */
  units: ReadonlyMap<string, DonVi>;
  /** Level vocabulary in force on `date` (data/cap.yaml, its 2-level profile applied from its date). */
  levels: Levels;
  /** The day this view stands for ("YYYY-MM-DD"); the project as loaded stands for its latest state. */
  date: string;
  /** Every unit as written in data/don-vi/*.yaml, with its history. */
  unitRecords: ReadonlyMap<string, DonVi>;
  /** data/cap.yaml as written. */
  rawLevels: TuNguTheoCap;
  /** Units existing on a day, in that day's state. */
  unitsOn(date: string): ReadonlyMap<string, DonVi>;
  levelsOn(date: string): Levels;
  citations: Map<string, VanBanTrichDan>; // from data/van-ban/*.yaml
  /** Registry ids that name a plan in plans/ (`ke_hoach:`) → that plan, project-relative. */
  citedPlans: ReadonlyMap<string, string>;
  /** Where entry `id` of units / citations was written, or a key of the level file. */
  originOfUnit(id: string): Origin;
  originOfCitation(id: string): Origin;
  /** Where level `cap` (a key of data/cap.yaml) was written. */
  originOfLevel?(cap: string): Origin;
}

export interface LoadResult<T> {
  value?: T;
  diagnostics: Diagnostic[];
}
