/**
 * The points and planned targets of a check, kept in columns (typed arrays) rather than as an object each.
 *
 * A workbook of 20,000 indicators has some 100,000 of them, and they live to the end of the run. As objects, with
 * their cell addresses and boxed numbers, they were half a million small things that the garbage collector copied,
 * twice each, while the check was still reading (a fifth of the engine's time). In columns they are a few buffers
 * outside the collected heap. A point becomes an object when it is read, and is dropped after.
 *
 * An indicator's points are read through `PointsView`: its length, `at(i)`, and iteration. A plain array has
 * them too, so that results made by hand (tests) or carried between threads as plain data (the batch) read alike.
 */
import type { Qualifier } from '../values/types';
import type { Status } from './ratio';
import { cellAddress, cellNumber } from '../grid';

export interface PointCells {
  readonly target: string | null;
  readonly actual: string | null;
  readonly stated: string | null;
}

export interface Point {
  readonly fy: number;
  readonly target: number | null;
  readonly targetQualifier: Qualifier | null;
  readonly actual: number | null;
  readonly ratio: number | null;
  readonly status: Status;
  readonly statedRatio: number | null;
  readonly cells: PointCells;
}

/** Where a point's values were read: each cell as its column (1 = A; 0 when there is no such cell) and row. */
export interface PointCellRefs {
  readonly targetCol: number;
  readonly targetRow: number;
  readonly actualCol: number;
  readonly actualRow: number;
  readonly statedCol: number;
  readonly statedRow: number;
}

export interface PlannedTarget {
  readonly fy: number;
  readonly target: number;
  readonly targetQualifier: Qualifier | null;
  readonly cell: string;
}

/** What an indicator's points (or planned targets) are read through. */
export interface PointsView<T> extends Iterable<T> {
  readonly length: number;
  /** The item at `index` (negative counts from the end), or undefined. */
  at(index: number): T | undefined;
}

/** A list of plain data: what a view holds, for messages between threads and for comparisons. */
export function toArray<T>(view: PointsView<T>): T[] {
  return Array.isArray(view) ? view : [...view];
}

const STATUSES: readonly Status[] = ['met', 'nearly', 'gap', 'pending', 'noTarget'];
const STATUS_CODE: Readonly<Record<Status, number>> = { met: 0, nearly: 1, gap: 2, pending: 3, noTarget: 4 };
const QUALIFIERS: readonly (Qualifier | null)[] = [null, 'atLeast', 'atMost'];

/** A set of statuses as bits, for loops over the columns. */
export type StatusMask = number;
export const statusMask = (statuses: readonly Status[]): StatusMask => statuses.reduce((m, s) => m | (1 << STATUS_CODE[s]), 0);
const qualifierCode = (q: Qualifier | null): number => (q === null ? 0 : q === 'atLeast' ? 1 : 2);

/** null is kept as NaN: parsed values and ratios are finite numbers. */
const num = (x: number | null): number => (x === null ? NaN : x);
const orNull = (x: number): number | null => (Number.isNaN(x) ? null : x);

/**
 * Cell addresses as numbers: a column (1 = A, 0 for "no cell") and a row, made into text ('C10') only when read.
 * The engine reads every mapped cell by its column and row, so it never has to write an address it may not show.
 */
class Addresses {
  col: Int32Array;
  row: Int32Array;

  constructor(capacity: number) {
    this.col = new Int32Array(capacity);
    this.row = new Int32Array(capacity);
  }

  grow(capacity: number): void {
    this.col = grown(this.col, capacity);
    this.row = grown(this.row, capacity);
  }

  set(slot: number, col: number, row: number): void {
    this.col[slot] = col;
    this.row[slot] = row;
  }

  /** The cell's number (grid.ts cellNumber), or null for no cell. */
  key(slot: number): number | null {
    const col = this.col[slot]!;
    return col === 0 ? null : cellNumber(col, this.row[slot]!);
  }

  get(slot: number): string | null {
    const col = this.col[slot]!;
    return col === 0 ? null : cellAddress(col, this.row[slot]!);
  }
}

function grown<T extends Int32Array | Float64Array | Uint8Array>(a: T, capacity: number): T {
  const b = new (a.constructor as new (n: number) => T)(capacity);
  b.set(a);
  return b;
}

const INITIAL_CAPACITY = 64;
/** A mapping may promise more than a sheet holds: beyond this, the store grows as points come. */
const MAX_INITIAL_CAPACITY = 1 << 18;

/** The columns points and planned targets share: the year, the target and its qualifier, and `cellsPer` cells. */
abstract class Columns {
  private size = 0;
  protected capacity: number;
  protected fy: Int32Array;
  protected target: Float64Array;
  protected qualifier: Uint8Array;
  protected readonly cells: Addresses;

  /** `capacity`: how many items are expected (the columns grow past it). */
  constructor(
    capacity: number,
    private readonly cellsPer: number,
  ) {
    const n = Math.max(1, Math.min(capacity, MAX_INITIAL_CAPACITY));
    this.capacity = n;
    this.fy = new Int32Array(n);
    this.target = new Float64Array(n);
    this.qualifier = new Uint8Array(n);
    this.cells = new Addresses(n * cellsPer);
  }

  get count(): number {
    return this.size;
  }

  /** The place of a new item, its year, target and qualifier written (the columns grown first when full). */
  protected next(fy: number, target: number, targetQualifier: Qualifier | null): number {
    if (this.size === this.capacity) {
      const capacity = this.capacity * 2;
      this.fy = grown(this.fy, capacity);
      this.target = grown(this.target, capacity);
      this.qualifier = grown(this.qualifier, capacity);
      this.cells.grow(capacity * this.cellsPer);
      this.growOwn(capacity);
      this.capacity = capacity;
    }
    const i = this.size++;
    this.fy[i] = fy;
    this.target[i] = target;
    this.qualifier[i] = qualifierCode(targetQualifier);
    return i;
  }

  /** Grows the columns a kind of item adds. */
  protected abstract growOwn(capacity: number): void;
}

/** The points of one check, in columns. */
export class PointStore extends Columns {
  private actual: Float64Array;
  private ratio: Float64Array;
  private status: Uint8Array;
  private stated: Float64Array;
  /** The shown cell number of the last point added (-1 before the first), and whether each came after the last. */
  private lastShown = -1;
  private shownAscending = true;

  /** `capacity`: how many points are expected. Three cells a point: target, actual, stated. */
  constructor(capacity = INITIAL_CAPACITY) {
    super(capacity, 3);
    this.actual = new Float64Array(this.capacity);
    this.ratio = new Float64Array(this.capacity);
    this.status = new Uint8Array(this.capacity);
    this.stated = new Float64Array(this.capacity);
  }

  add(
    fy: number,
    target: number | null,
    targetQualifier: Qualifier | null,
    actual: number | null,
    ratio: number | null,
    status: Status,
    statedRatio: number | null,
    cells: PointCellRefs,
  ): number {
    const i = this.next(fy, num(target), targetQualifier);
    this.actual[i] = num(actual);
    this.ratio[i] = num(ratio);
    this.status[i] = STATUS_CODE[status];
    this.stated[i] = num(statedRatio);
    this.cells.set(3 * i, cells.targetCol, cells.targetRow);
    this.cells.set(3 * i + 1, cells.actualCol, cells.actualRow);
    this.cells.set(3 * i + 2, cells.statedCol, cells.statedRow);
    if (this.shownAscending) {
      const shown = this.shownKeyAt(i);
      if (shown !== null) {
        this.shownAscending = shown > this.lastShown;
        this.lastShown = shown;
      }
    }
    return i;
  }

  /**
   * Whether the points' shown cells came in reading order, each after the one before (a table read row by row
   * gives them so): then no two points of the store are shown at one cell, whatever their sheets.
   */
  get shownInOrder(): boolean {
    return this.shownAscending;
  }

  /** The point at `i`, as an object (made now: the store keeps none). Keys in the report's order. */
  point(i: number): Point {
    return {
      fy: this.fy[i]!,
      target: orNull(this.target[i]!),
      targetQualifier: QUALIFIERS[this.qualifier[i]!]!,
      actual: orNull(this.actual[i]!),
      ratio: orNull(this.ratio[i]!),
      status: STATUSES[this.status[i]!]!,
      statedRatio: orNull(this.stated[i]!),
      cells: { target: this.cells.get(3 * i), actual: this.cells.get(3 * i + 1), stated: this.cells.get(3 * i + 2) },
    };
  }

  /** The values of point `i` into `out` (a reused object), without making the point or its cells. */
  valuesAt(i: number, out: PointValues): void {
    out.fy = this.fy[i]!;
    out.target = orNull(this.target[i]!);
    out.targetQualifier = QUALIFIERS[this.qualifier[i]!]!;
    out.actual = orNull(this.actual[i]!);
    out.ratio = orNull(this.ratio[i]!);
    out.status = STATUSES[this.status[i]!]!;
    out.statedRatio = orNull(this.stated[i]!);
  }

  /** The status of point `i`, without making the point. */
  statusAt(i: number): Status {
    return STATUSES[this.status[i]!]!;
  }

  /** The cell a point is shown at (its actual's, else its target's), without making the point. */
  shownCellAt(i: number): string | null {
    return this.cells.get(3 * i + 1) ?? this.cells.get(3 * i);
  }

  /** A number for the cell point `i` is shown at (see Addresses.key). */
  shownKeyAt(i: number): number | null {
    return this.cells.key(3 * i + 1) ?? this.cells.key(3 * i);
  }

  /**
   * The shown-cell numbers of points [start, start + count) whose status is in `statuses`, plus `base`, written to
   * `out` from `k` on (one tight loop over the columns). Returns the next free place.
   */
  shownKeys(start: number, count: number, statuses: StatusMask, base: number, out: Float64Array, k: number): number {
    for (let i = start; i < start + count; i++) {
      if (((statuses >> this.status[i]!) & 1) === 0) continue;
      const key = this.shownKeyAt(i);
      if (key === null) continue;
      out[k++] = base + key;
    }
    return k;
  }

  protected growOwn(capacity: number): void {
    this.actual = grown(this.actual, capacity);
    this.ratio = grown(this.ratio, capacity);
    this.status = grown(this.status, capacity);
    this.stated = grown(this.stated, capacity);
  }
}

/** The planned targets of one check, in columns (one cell each). */
export class PlannedStore extends Columns {
  constructor(capacity = INITIAL_CAPACITY) {
    super(capacity, 1);
  }

  /** `col`, `row`: the target's cell. */
  add(fy: number, target: number, targetQualifier: Qualifier | null, col: number, row: number): number {
    const i = this.next(fy, target, targetQualifier);
    this.cells.set(i, col, row);
    return i;
  }

  planned(i: number): PlannedTarget {
    return { fy: this.fy[i]!, target: this.target[i]!, targetQualifier: QUALIFIERS[this.qualifier[i]!]!, cell: this.cells.get(i)! };
  }

  protected growOwn(): void {
    // No columns of its own.
  }
}

/** A run of a store: one indicator's points or planned targets. */
abstract class StoreView<T> implements PointsView<T> {
  constructor(
    readonly length: number,
    protected readonly start: number,
  ) {}

  protected abstract item(i: number): T;

  at(index: number): T | undefined {
    const i = index < 0 ? index + this.length : index;
    return i >= 0 && i < this.length ? this.item(this.start + i) : undefined;
  }

  [Symbol.iterator](): Iterator<T> {
    let i = 0;
    return {
      next: (): IteratorResult<T> => (i < this.length ? { done: false, value: this.item(this.start + i++) } : { done: true, value: undefined }),
    };
  }

  /** JSON.stringify writes the items, as it would write an array of them. */
  toJSON(): T[] {
    return [...this];
  }
}

export class PointList extends StoreView<Point> {
  constructor(
    readonly store: PointStore,
    start: number,
    length: number,
  ) {
    super(length, start);
  }

  protected item(i: number): Point {
    return this.store.point(i);
  }

  statusAt(index: number): Status {
    return this.store.statusAt(this.start + index);
  }

  valuesAt(index: number, out: PointValues): void {
    this.store.valuesAt(this.start + index, out);
  }

  shownCellAt(index: number): string | null {
    return this.store.shownCellAt(this.start + index);
  }

  shownKeyAt(index: number): number | null {
    return this.store.shownKeyAt(this.start + index);
  }

  shownKeys(statuses: StatusMask, base: number, out: Float64Array, k: number): number {
    return this.store.shownKeys(this.start, this.length, statuses, base, out, k);
  }
}

export class PlannedList extends StoreView<PlannedTarget> {
  constructor(
    private readonly store: PlannedStore,
    start: number,
    length: number,
  ) {
    super(length, start);
  }

  protected item(i: number): PlannedTarget {
    return this.store.planned(i);
  }
}

/** A point's values but its cells: what a summary row shows. */
export type PointValues = { -readonly [K in Exclude<keyof Point, 'cells'>]: Point[K] };

/** A point's values into `out`, from a list of the store (no point made) or a plain array. */
export function valuesAt(points: PointsView<Point>, index: number, out: PointValues): void {
  if (points instanceof PointList) {
    points.valuesAt(index, out);
    return;
  }
  const p = points.at(index)!;
  out.fy = p.fy;
  out.target = p.target;
  out.targetQualifier = p.targetQualifier;
  out.actual = p.actual;
  out.ratio = p.ratio;
  out.status = p.status;
  out.statedRatio = p.statedRatio;
}

/** A point's status and shown cell, from a list of the store or a plain array, without making the point if it can. */
export function statusAt(points: PointsView<Point>, index: number): Status {
  return points instanceof PointList ? points.statusAt(index) : points.at(index)!.status;
}

export function shownCellAt(points: PointsView<Point>, index: number): string | null {
  if (points instanceof PointList) return points.shownCellAt(index);
  const p = points.at(index)!;
  return p.cells.actual ?? p.cells.target;
}
