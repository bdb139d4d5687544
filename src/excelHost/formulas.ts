/**
 * Formulas, far enough for a faithful `formulas` / `values` pair: a cell that holds "=1+1" reads back 2, "=A1*2"
 * follows A1, and references move when rows are inserted or deleted, or a sheet is renamed — as Excel does.
 * Supported: numbers, strings, TRUE/FALSE, error literals, + - * / ^ & % comparisons, references (A1, $A$1,
 * A1:B2, Sheet!A1, 'My Sheet'!A1:B2, A:A, 1:1), workbook names of ranges, and SUM AVERAGE MIN MAX COUNT
 * COUNTA ROUND ABS IF AND OR NOT LEN CONCATENATE. Anything else is "unsupported": the cell then shows the
 * result cached in the file it came from, or #NAME? (what Excel shows for a function it does not know).
 */
import { columnIndexOf, columnName, MAX_COLUMNS, MAX_ROWS, quoteSheet, rect, type Rect } from './addresses';
import { forEachCellIn, getCell, sheetById, sheetByName, type HostCellValue, type HostSheet, type HostWorkbookModel } from './model';

// ---------------------------------------------------------------------------------------------------------------
// Tokens

type RefKind = 'cell' | 'area' | 'columns' | 'rows';

interface RefToken {
  type: 'ref';
  start: number;
  end: number;
  /** As written (unquoted), or undefined for the formula's own sheet. */
  sheet?: string;
  kind: RefKind;
  rect: Rect;
  /** $ markers: [row1, col1, row2, col2]. */
  abs: [boolean, boolean, boolean, boolean];
}

type Token =
  | { type: 'number'; value: number; start: number; end: number }
  | { type: 'string'; value: string; start: number; end: number }
  | { type: 'bool'; value: boolean; start: number; end: number }
  | { type: 'error'; value: string; start: number; end: number }
  | { type: 'func'; name: string; start: number; end: number }
  | { type: 'name'; name: string; start: number; end: number }
  | { type: 'op'; value: string; start: number; end: number }
  | RefToken;

const ERROR_LITERALS = ['#DIV/0!', '#N/A', '#NAME?', '#NULL!', '#NUM!', '#REF!', '#VALUE!', '#SPILL!', '#CALC!', '#GETTING_DATA'];
const IDENT = /^[\p{L}_\\][\p{L}\p{N}_.]*/u;
const CELL_REF = /^(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7})(?::(\$?)([A-Za-z]{1,3})(\$?)(\d{1,7}))?(?![\p{L}\p{N}_(!])/u;
const COL_REF = /^(\$?)([A-Za-z]{1,3}):(\$?)([A-Za-z]{1,3})(?![\p{L}\p{N}_(!])/u;
const ROW_REF = /^(\$?)(\d{1,7}):(\$?)(\d{1,7})(?![\p{L}\p{N}_.(])/u;

class Unsupported extends Error {}

export function tokenize(formula: string): Token[] {
  const src = formula.startsWith('=') ? formula.slice(1) : formula;
  const offset = formula.length - src.length;
  const out: Token[] = [];
  let i = 0;
  while (i < src.length) {
    const ch = src[i]!;
    if (ch === ' ' || ch === '\n' || ch === '\t') {
      i++;
      continue;
    }
    const start = i + offset;
    const rest = src.slice(i);
    if (ch === '"') {
      let j = i + 1;
      let text = '';
      for (;;) {
        if (j >= src.length) throw new Unsupported('unterminated string');
        if (src[j] === '"') {
          if (src[j + 1] === '"') {
            text += '"';
            j += 2;
            continue;
          }
          break;
        }
        text += src[j];
        j++;
      }
      out.push({ type: 'string', value: text, start, end: j + 1 + offset });
      i = j + 1;
      continue;
    }
    if (ch === '#') {
      const lit = ERROR_LITERALS.find((e) => rest.toUpperCase().startsWith(e));
      if (!lit) throw new Unsupported('error literal');
      out.push({ type: 'error', value: lit, start, end: start + lit.length });
      i += lit.length;
      continue;
    }
    // A sheet prefix, quoted or bare, then a reference.
    let sheet: string | undefined;
    let afterSheet = rest;
    const quoted = /^'((?:[^']|'')+)'!/.exec(rest);
    const bare = quoted ? null : /^([\p{L}_][\p{L}\p{N}_.]*)!/u.exec(rest);
    if (quoted) {
      sheet = quoted[1]!.replace(/''/g, "'");
      afterSheet = rest.slice(quoted[0].length);
    } else if (bare) {
      sheet = bare[1]!;
      afterSheet = rest.slice(bare[0].length);
    }
    const prefixLength = rest.length - afterSheet.length;
    const ref = refAt(afterSheet);
    if (ref) {
      const token: RefToken = { type: 'ref', start, end: start + prefixLength + ref.length, kind: ref.kind, rect: ref.rect, abs: ref.abs };
      if (sheet !== undefined) token.sheet = sheet;
      out.push(token);
      i += prefixLength + ref.length;
      continue;
    }
    if (sheet !== undefined) throw new Unsupported('sheet prefix without a reference');
    const num = /^(\d+\.?\d*|\.\d+)([eE][+-]?\d+)?/.exec(rest);
    if (num) {
      out.push({ type: 'number', value: Number(num[0]), start, end: start + num[0].length });
      i += num[0].length;
      continue;
    }
    const ident = IDENT.exec(rest);
    if (ident) {
      const word = ident[0];
      const end = start + word.length;
      if (src[i + word.length] === '(') out.push({ type: 'func', name: word.toUpperCase(), start, end });
      else if (/^(TRUE|FALSE)$/i.test(word)) out.push({ type: 'bool', value: word.toUpperCase() === 'TRUE', start, end });
      else out.push({ type: 'name', name: word, start, end });
      i += word.length;
      continue;
    }
    const two = rest.slice(0, 2);
    if (two === '<>' || two === '<=' || two === '>=') {
      out.push({ type: 'op', value: two, start, end: start + 2 });
      i += 2;
      continue;
    }
    if ('+-*/^&=<>%(),:'.includes(ch)) {
      out.push({ type: 'op', value: ch, start, end: start + 1 });
      i++;
      continue;
    }
    throw new Unsupported(`character ${ch}`);
  }
  return out;
}

function refAt(text: string): { kind: RefKind; rect: Rect; abs: [boolean, boolean, boolean, boolean]; length: number } | null {
  let m = CELL_REF.exec(text);
  if (m) {
    const c1 = columnIndexOf(m[2]!);
    const r1 = Number(m[4]) - 1;
    if (c1 < 0 || r1 < 0 || r1 >= MAX_ROWS) return null;
    if (m[6] === undefined) return { kind: 'cell', rect: rect(r1, c1), abs: [m[3] === '$', m[1] === '$', m[3] === '$', m[1] === '$'], length: m[0].length };
    const c2 = columnIndexOf(m[6]);
    const r2 = Number(m[8]) - 1;
    if (c2 < 0 || r2 < 0 || r2 >= MAX_ROWS) return null;
    return {
      kind: 'area',
      rect: rect(Math.min(r1, r2), Math.min(c1, c2), Math.max(r1, r2), Math.max(c1, c2)),
      abs: [m[3] === '$', m[1] === '$', m[7] === '$', m[5] === '$'],
      length: m[0].length,
    };
  }
  m = COL_REF.exec(text);
  if (m) {
    const c1 = columnIndexOf(m[2]!);
    const c2 = columnIndexOf(m[4]!);
    if (c1 < 0 || c2 < 0) return null;
    return { kind: 'columns', rect: rect(0, Math.min(c1, c2), MAX_ROWS - 1, Math.max(c1, c2)), abs: [false, m[1] === '$', false, m[3] === '$'], length: m[0].length };
  }
  m = ROW_REF.exec(text);
  if (m) {
    const r1 = Number(m[2]) - 1;
    const r2 = Number(m[4]) - 1;
    if (r1 < 0 || r2 < 0 || r1 >= MAX_ROWS || r2 >= MAX_ROWS) return null;
    return { kind: 'rows', rect: rect(Math.min(r1, r2), 0, Math.max(r1, r2), MAX_COLUMNS - 1), abs: [m[1] === '$', false, m[3] === '$', false], length: m[0].length };
  }
  return null;
}

function refText(t: RefToken, r: Rect, sheet: string | undefined): string {
  const [ar1, ac1, ar2, ac2] = t.abs;
  const d = (b: boolean): string => (b ? '$' : '');
  const prefix = sheet === undefined ? '' : `${quoteSheet(sheet)}!`;
  switch (t.kind) {
    case 'cell':
      return `${prefix}${d(ac1)}${columnName(r.left)}${d(ar1)}${r.top + 1}`;
    case 'area':
      return `${prefix}${d(ac1)}${columnName(r.left)}${d(ar1)}${r.top + 1}:${d(ac2)}${columnName(r.right)}${d(ar2)}${r.bottom + 1}`;
    case 'columns':
      return `${prefix}${d(ac1)}${columnName(r.left)}:${d(ac2)}${columnName(r.right)}`;
    case 'rows':
      return `${prefix}${d(ar1)}${r.top + 1}:${d(ar2)}${r.bottom + 1}`;
  }
}

/**
 * Rewrites the references of a formula: `change` gets each reference's sheet name (the formula's own sheet when
 * none is written) and rectangle, and answers a new rectangle, null for #REF!, or undefined to keep it. `rename`
 * maps sheet names written in the formula (null: the sheet is gone). A formula we cannot read is returned as it is.
 */
export function rewriteReferences(
  formula: string,
  ownSheet: string,
  change: (sheet: string, r: Rect) => Rect | null | undefined,
  rename?: (sheet: string) => string | null | undefined,
): string {
  let tokens: Token[];
  try {
    tokens = tokenize(formula);
  } catch {
    return formula;
  }
  let out = '';
  let pos = 0;
  for (const t of tokens) {
    if (t.type !== 'ref') continue;
    const written = t.sheet;
    const target = change(written ?? ownSheet, t.rect);
    const renamed = written === undefined ? undefined : rename?.(written);
    if (renamed === null) {
      // The sheet is gone: Excel writes =#REF!A1.
      out += `${formula.slice(pos, t.start)}#REF!${refText(t, t.rect, undefined)}`;
      pos = t.end;
      continue;
    }
    if (target === undefined && renamed === undefined) continue;
    out += formula.slice(pos, t.start);
    if (target === null) out += `${written === undefined ? '' : `${quoteSheet(renamed ?? written)}!`}#REF!`;
    else out += refText(t, target ?? t.rect, renamed ?? written);
    pos = t.end;
  }
  return pos === 0 ? formula : out + formula.slice(pos);
}

// ---------------------------------------------------------------------------------------------------------------
// Evaluation

type Scalar = number | string | boolean | { error: string };
type Value = Scalar | { area: { sheet: HostSheet; rect: Rect } } | null;

const EMPTY = null;

export interface FormulaEnvironment {
  readonly model: HostWorkbookModel;
}

/** The value a formula cell shows: computed when we can, else the cached result, else #NAME?. */
export function formulaResult(model: HostWorkbookModel, sheet: HostSheet, row: number, col: number, visiting = new Set<string>()): HostCellValue | undefined {
  const cell = getCell(sheet, row, col);
  if (!cell?.formula) return cell?.value;
  const key = `${sheet.id}:${row}:${col}`;
  // A circular reference reads as 0, as Excel shows it.
  if (visiting.has(key)) return 0;
  visiting.add(key);
  try {
    const v = new Evaluator(model, sheet, visiting).run(cell.formula);
    return v;
  } catch (e) {
    if (e instanceof Unsupported) return cell.value ?? { error: '#NAME?' };
    throw e;
  } finally {
    visiting.delete(key);
  }
}

class Evaluator {
  private tokens: Token[] = [];
  private i = 0;

  constructor(
    private readonly model: HostWorkbookModel,
    private readonly sheet: HostSheet,
    private readonly visiting: Set<string>,
  ) {}

  run(formula: string): HostCellValue | undefined {
    this.tokens = tokenize(formula);
    this.i = 0;
    if (this.tokens.length === 0) throw new Unsupported('empty formula');
    const v = this.comparison();
    if (this.i < this.tokens.length) throw new Unsupported('trailing tokens');
    const s = this.scalar(v);
    if (s === EMPTY) return 0;
    if (typeof s === 'number') return Number.isFinite(s) ? Number(s.toPrecision(15)) : { error: '#NUM!' };
    return s;
  }

  private peekOp(...ops: string[]): string | null {
    const t = this.tokens[this.i];
    return t && t.type === 'op' && ops.includes(t.value) ? t.value : null;
  }

  private comparison(): Value {
    let left = this.concat();
    for (let op = this.peekOp('=', '<>', '<', '>', '<=', '>='); op; op = this.peekOp('=', '<>', '<', '>', '<=', '>=')) {
      this.i++;
      const right = this.concat();
      left = compare(this.scalar(left), this.scalar(right), op);
    }
    return left;
  }

  private concat(): Value {
    let left = this.additive();
    while (this.peekOp('&')) {
      this.i++;
      const a = this.scalar(left);
      const b = this.scalar(this.additive());
      if (isError(a)) left = a;
      else if (isError(b)) left = b;
      else left = textOf(a) + textOf(b);
    }
    return left;
  }

  private additive(): Value {
    let left = this.multiplicative();
    for (let op = this.peekOp('+', '-'); op; op = this.peekOp('+', '-')) {
      this.i++;
      const right = this.multiplicative();
      left = arithmetic(this.scalar(left), this.scalar(right), op);
    }
    return left;
  }

  private multiplicative(): Value {
    let left = this.power();
    for (let op = this.peekOp('*', '/'); op; op = this.peekOp('*', '/')) {
      this.i++;
      const right = this.power();
      left = arithmetic(this.scalar(left), this.scalar(right), op);
    }
    return left;
  }

  private power(): Value {
    let left = this.unary();
    while (this.peekOp('^')) {
      this.i++;
      const right = this.unary();
      left = arithmetic(this.scalar(left), this.scalar(right), '^');
    }
    return left;
  }

  // Excel binds negation tighter than ^: =-2^2 is 4.
  private unary(): Value {
    const op = this.peekOp('-', '+');
    if (op) {
      this.i++;
      const v = this.unary();
      return op === '-' ? arithmetic(0, this.scalar(v), '-') : v;
    }
    return this.percent();
  }

  private percent(): Value {
    let v = this.primary();
    while (this.peekOp('%')) {
      this.i++;
      v = arithmetic(this.scalar(v), 100, '/');
    }
    return v;
  }

  private primary(): Value {
    const t = this.tokens[this.i++];
    if (!t) throw new Unsupported('unexpected end');
    switch (t.type) {
      case 'number':
      case 'string':
      case 'bool':
        return t.value;
      case 'error':
        return { error: t.value };
      case 'ref': {
        const sheet = t.sheet === undefined ? this.sheet : sheetByName(this.model, t.sheet);
        if (!sheet) return { error: '#REF!' };
        return { area: { sheet, rect: t.rect } };
      }
      case 'name':
        return this.definedName(t.name);
      case 'func':
        return this.call(t.name);
      case 'op':
        if (t.value === '(') {
          const v = this.comparison();
          if (!this.peekOp(')')) throw new Unsupported('missing )');
          this.i++;
          return v;
        }
        throw new Unsupported(`operator ${t.value}`);
    }
  }

  private definedName(name: string): Value {
    const n = this.model.names.find((x) => x.name.toLowerCase() === name.toLowerCase());
    if (!n || n.target.kind !== 'range') throw new Unsupported(`name ${name}`);
    const sheet = sheetById(this.model, n.target.sheetId);
    return sheet ? { area: { sheet, rect: n.target.rect } } : { error: '#REF!' };
  }

  private args(): Value[] {
    // The function token is followed by '('.
    this.i++;
    const out: Value[] = [];
    if (this.peekOp(')')) {
      this.i++;
      return out;
    }
    for (;;) {
      out.push(this.comparison());
      if (this.peekOp(',')) {
        this.i++;
        continue;
      }
      if (this.peekOp(')')) {
        this.i++;
        return out;
      }
      throw new Unsupported('bad argument list');
    }
  }

  private call(name: string): Value {
    const args = this.args();
    const numbers = (strict: boolean): number[] | { error: string } => {
      const out: number[] = [];
      for (const a of args) {
        if (a !== null && typeof a === 'object' && 'area' in a) {
          for (const v of this.areaValues(a.area.sheet, a.area.rect)) {
            if (isError(v)) return v;
            if (typeof v === 'number') out.push(v);
          }
        } else {
          const s = this.scalar(a);
          if (isError(s)) return s;
          const n = toNumber(s);
          if (typeof n === 'number') out.push(n);
          else if (strict) return n;
        }
      }
      return out;
    };
    switch (name) {
      case 'SUM': {
        const ns = numbers(true);
        return Array.isArray(ns) ? ns.reduce((a, b) => a + b, 0) : ns;
      }
      case 'AVERAGE': {
        const ns = numbers(true);
        if (!Array.isArray(ns)) return ns;
        return ns.length === 0 ? { error: '#DIV/0!' } : ns.reduce((a, b) => a + b, 0) / ns.length;
      }
      case 'MIN':
      case 'MAX': {
        const ns = numbers(true);
        if (!Array.isArray(ns)) return ns;
        return ns.length === 0 ? 0 : name === 'MIN' ? Math.min(...ns) : Math.max(...ns);
      }
      case 'COUNT': {
        let n = 0;
        for (const a of args) {
          if (a !== null && typeof a === 'object' && 'area' in a) for (const v of this.areaValues(a.area.sheet, a.area.rect)) n += typeof v === 'number' ? 1 : 0;
          else n += typeof this.scalar(a) === 'number' ? 1 : 0;
        }
        return n;
      }
      case 'COUNTA': {
        let n = 0;
        for (const a of args) {
          if (a !== null && typeof a === 'object' && 'area' in a) for (const v of this.areaValues(a.area.sheet, a.area.rect)) n += v === EMPTY ? 0 : 1;
          else n += 1;
        }
        return n;
      }
      case 'ROUND': {
        if (args.length !== 2) throw new Unsupported('ROUND arity');
        const x = toNumber(this.scalar(args[0]!));
        const d = toNumber(this.scalar(args[1]!));
        if (typeof x !== 'number') return x;
        if (typeof d !== 'number') return d;
        const f = 10 ** Math.trunc(d);
        // Half away from zero, on the decimal digits.
        return (Math.sign(x) * Math.round(Number((Math.abs(x) * f).toPrecision(15)))) / f;
      }
      case 'ABS': {
        const x = toNumber(this.scalar(args[0] ?? null));
        return typeof x === 'number' ? Math.abs(x) : x;
      }
      case 'IF': {
        const c = this.scalar(args[0] ?? null);
        if (isError(c)) return c;
        const b = toBoolean(c);
        if (typeof b !== 'boolean') return b;
        const chosen = b ? args[1] : args[2];
        return chosen === undefined ? b : this.scalar(chosen);
      }
      case 'AND':
      case 'OR': {
        const bs: boolean[] = [];
        for (const a of args) {
          const b = toBoolean(this.scalar(a));
          if (typeof b !== 'boolean') return b;
          bs.push(b);
        }
        return name === 'AND' ? bs.every(Boolean) : bs.some(Boolean);
      }
      case 'NOT': {
        const b = toBoolean(this.scalar(args[0] ?? null));
        return typeof b === 'boolean' ? !b : b;
      }
      case 'LEN': {
        const s = this.scalar(args[0] ?? null);
        return isError(s) ? s : textOf(s).length;
      }
      case 'CONCATENATE':
      case 'CONCAT': {
        let out = '';
        for (const a of args) {
          const s = this.scalar(a);
          if (isError(s)) return s;
          out += textOf(s);
        }
        return out;
      }
      default:
        throw new Unsupported(`function ${name}`);
    }
  }

  /** A reference used as one value: its single cell (a larger area is implicit intersection, not modeled). */
  private scalar(v: Value): Scalar | null {
    if (v !== null && typeof v === 'object' && 'area' in v) {
      const { sheet, rect: r } = v.area;
      if (r.top !== r.bottom || r.left !== r.right) throw new Unsupported('area as a value');
      return this.cellValue(sheet, r.top, r.left);
    }
    return v;
  }

  private cellValue(sheet: HostSheet, row: number, col: number): Scalar | null {
    const v = formulaResult(this.model, sheet, row, col, this.visiting);
    return v === undefined || v === '' ? (v === '' ? '' : EMPTY) : v;
  }

  private areaValues(sheet: HostSheet, r: Rect): (Scalar | null)[] {
    const out: (Scalar | null)[] = [];
    forEachCellIn(sheet, r, (row, col) => out.push(this.cellValue(sheet, row, col)));
    return out;
  }
}

function isError(v: unknown): v is { error: string } {
  return v !== null && typeof v === 'object' && 'error' in v;
}

function textOf(v: Scalar | null): string {
  if (v === EMPTY) return '';
  if (typeof v === 'boolean') return v ? 'TRUE' : 'FALSE';
  if (typeof v === 'number') return String(Number(v.toPrecision(15)));
  return isError(v) ? v.error : v;
}

function toNumber(v: Scalar | null): number | { error: string } {
  if (v === EMPTY) return 0;
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (isError(v)) return v;
  const t = v.trim();
  if (t !== '' && Number.isFinite(Number(t))) return Number(t);
  return { error: '#VALUE!' };
}

function toBoolean(v: Scalar | null): boolean | { error: string } {
  if (v === EMPTY) return false;
  if (typeof v === 'boolean') return v;
  if (typeof v === 'number') return v !== 0;
  if (isError(v)) return v;
  if (/^true$/i.test(v)) return true;
  if (/^false$/i.test(v)) return false;
  return { error: '#VALUE!' };
}

function arithmetic(a: Scalar | null, b: Scalar | null, op: string): Scalar {
  const x = toNumber(a);
  if (typeof x !== 'number') return x;
  const y = toNumber(b);
  if (typeof y !== 'number') return y;
  switch (op) {
    case '+':
      return x + y;
    case '-':
      return x - y;
    case '*':
      return x * y;
    case '/':
      return y === 0 ? { error: '#DIV/0!' } : x / y;
    default: {
      const p = x ** y;
      return Number.isFinite(p) ? p : { error: '#NUM!' };
    }
  }
}

function compare(a: Scalar | null, b: Scalar | null, op: string): Scalar {
  if (isError(a)) return a;
  if (isError(b)) return b;
  const rank = (v: Scalar | null): number => (v === EMPTY || typeof v === 'number' ? 0 : typeof v === 'string' ? 1 : 2);
  const norm = (v: Scalar | null, other: Scalar | null): number | string | boolean => {
    if (v === EMPTY) return typeof other === 'string' ? '' : typeof other === 'boolean' ? false : 0;
    return typeof v === 'string' ? v.toLowerCase() : (v as number | boolean);
  };
  const x = norm(a, b);
  const y = norm(b, a);
  const c = rank(a === EMPTY ? (b as Scalar) : a) - rank(b === EMPTY ? (a as Scalar) : b) || (x < y ? -1 : x > y ? 1 : 0);
  switch (op) {
    case '=':
      return c === 0;
    case '<>':
      return c !== 0;
    case '<':
      return c < 0;
    case '>':
      return c > 0;
    case '<=':
      return c <= 0;
    default:
      return c >= 0;
  }
}
