/**
 * Renders the consolidated summary of many submissions (core/consolidate) as .xlsx: one sheet per part, a bold
 * header row, frozen and filtered, each row linking to the file (and sheet and cell) it came from.
 *
 * consolidatedXlsx writes the SpreadsheetML itself, straight from the model's rows: a folder of hundreds of
 * submissions gives tens of thousands of rows, which ExcelJS's writer takes seconds to render and zip. It writes
 * what ExcelJS writes for the same workbook (shared strings, one style per look, the same theme), so the file reads
 * back the same; consolidatedWorkbook builds that same workbook with ExcelJS, the reference the tests hold the fast
 * writer to. Browser-safe: no Node APIs; the command line passes node:zlib's deflate in (ZipCodec).
 */
import type * as ExcelJS from 'exceljs';
import { sheetRef, uniqueSheetName, type CellStyle, type ConsolidatedCell, type ConsolidatedModel, type SourceRef } from '../core';

export interface ConsolidatedOptions {
  /**
   * The link to a submitted file as seen from where the summary is saved (a relative path such as
   * "../in/a.xlsx"), or null for no link (the file is not where the summary can reach it).
   */
  readonly fileHref: (file: string) => string | null;
}

/** Excel keeps at most 65,530 hyperlinks a sheet; past that, values are written without their link. */
export const MAX_LINKS_PER_SHEET = 65_000;

/** A path as a relative URI: only what would break it is escaped (Excel reads the rest, Japanese included, as is). */
export function relativeHref(relativePath: string): string {
  return relativePath
    .split(/[\\/]/)
    .map((part) => part.replace(/[%#?\s]/g, (c) => encodeURIComponent(c)))
    .join('/');
}

function hrefOf(source: SourceRef, opts: ConsolidatedOptions): string | null {
  const base = opts.fileHref(source.file);
  if (base === null) return null;
  return source.sheet !== null && source.cell !== null ? `${base}#${sheetRef(source.sheet, source.cell)}` : base;
}

/**
 * A cell's link: text with a source, while the sheet has links to spare. Text stays text either way (written as a
 * shared string, never a formula, so "=1+1" from a submitted sheet shows as typed).
 */
function linkOf(c: ConsolidatedCell, opts: ConsolidatedOptions, links: { left: number }): string | null {
  if (!c.source || typeof c.value !== 'string' || c.value === '' || links.left <= 0) return null;
  const href = hrefOf(c.source, opts);
  if (href !== null) links.left--;
  return href;
}

// ---------------------------------------------------------------------------------------------------------------
// The reference: the same summary built by ExcelJS (seconds for a few hundred files; used by the tests)

function solidFill(rgb: string): ExcelJS.Fill {
  return { type: 'pattern', pattern: 'solid', fgColor: { argb: `FF${rgb}` } };
}

function excelStyle(style: CellStyle | undefined, numFmt: string | undefined): Partial<ExcelJS.Style> | null {
  const out: Partial<ExcelJS.Style> = {};
  if (numFmt) out.numFmt = numFmt;
  if (style?.fill) out.fill = solidFill(style.fill);
  if (style && (style.bold || style.fontColor)) out.font = { bold: style.bold, ...(style.fontColor ? { color: { argb: `FF${style.fontColor}` } } : {}) };
  return Object.keys(out).length > 0 ? out : null;
}

/** The summary as an ExcelJS workbook (ExcelJS is loaded only here). */
export async function consolidatedWorkbook(model: ConsolidatedModel, opts: ConsolidatedOptions): Promise<ExcelJS.Workbook> {
  const { Workbook } = await import('exceljs');
  const wb = new Workbook();
  const styles = new Map<string, Partial<ExcelJS.Style> | null>();
  const styleOf = (key: string | undefined, numFmt: string | undefined) => {
    const k = `${key ?? ''}|${numFmt ?? ''}`;
    if (!styles.has(k)) styles.set(k, excelStyle(key === undefined ? undefined : model.styles[key as keyof typeof model.styles], numFmt));
    return styles.get(k)!;
  };
  const header = styleOf('header', undefined);
  for (const sheet of model.sheets) {
    const ws = wb.addWorksheet(uniqueSheetName(sheet.name, wb.worksheets.map((w) => w.name)), { views: [{ state: 'frozen', ySplit: 1 }] });
    ws.columns = sheet.columns.map((c) => ({ header: c.header, width: c.width }));
    if (header) ws.getRow(1).eachCell((cell) => (cell.style = header));
    const links = { left: MAX_LINKS_PER_SHEET };
    let i = 2;
    for (const row of sheet.rows()) {
      const r = ws.getRow(i++);
      row.forEach((c, j) => {
        if (c.value === null) return;
        const cell = r.getCell(j + 1);
        const hyperlink = linkOf(c, opts, links);
        cell.value = hyperlink === null ? c.value : { text: c.value as string, hyperlink };
        const style = styleOf(c.style, c.numFmt);
        if (style) cell.style = style;
      });
    }
    if (sheet.rowCount > 0) ws.autoFilter = { from: { row: 1, column: 1 }, to: { row: 1, column: sheet.columns.length } };
  }
  return wb;
}

// ---------------------------------------------------------------------------------------------------------------
// The fast writer

/** How the parts are compressed: raw deflate and CRC-32, native where the caller has them (node:zlib). */
export interface ZipCodec {
  deflateRaw(data: Uint8Array): Uint8Array | Promise<Uint8Array>;
  crc32?(data: Uint8Array): number;
}

/** Excel's default Office theme, as ExcelJS ships it: the default font and colours refer to it. */
const THEME: string = require('exceljs/lib/xlsx/xml/theme1.js');

const XML_HEAD = '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n';
const NS_MAIN = 'http://schemas.openxmlformats.org/spreadsheetml/2006/main';
const NS_PKG_RELS = 'http://schemas.openxmlformats.org/package/2006/relationships';
/** The relationships namespace (the r: prefix), and the stem of the relationship types. */
const REL = 'http://schemas.openxmlformats.org/officeDocument/2006/relationships';
const CT = 'application/vnd.openxmlformats-officedocument';

/** Characters XML 1.0 cannot hold (dropped, as ExcelJS drops them), and the five it must escape. */
const XML_SPECIAL = /[<>&'"\x00-\x08\x0B\x0C\x0E-\x1F\x7F\uFFFE\uFFFF]/;
const XML_SPECIAL_ALL = /[<>&'"\x00-\x08\x0B\x0C\x0E-\x1F\x7F\uFFFE\uFFFF]/g;
const ESCAPES: Record<string, string> = { '<': '&lt;', '>': '&gt;', '&': '&amp;', "'": '&apos;', '"': '&quot;' };

function esc(text: string): string {
  return XML_SPECIAL.test(text) ? text.replace(XML_SPECIAL_ALL, (c) => ESCAPES[c] ?? '') : text;
}

/** Text of a shared string: readers turn _xHHHH_ into a character, so a literal one has its "_" escaped. */
function textOf(text: string): string {
  const escaped = esc(text).replace(/_(x[0-9A-Fa-f]{4}_)/g, '_x005F_$1');
  return /^\s|\n|\s$/.test(text) ? `<t xml:space="preserve">${escaped}</t>` : `<t>${escaped}</t>`;
}

/** Number formats Excel knows by id; any other is declared in styles.xml from id 164 on. */
const BUILTIN_FORMATS: Record<string, number> = { '0': 1, '0.00': 2, '#,##0': 3, '#,##0.00': 4, '0%': 9, '0.00%': 10 };

/** styles.xml: one cell format per look and number format, numbered as first used (0 is the plain cell). */
class StyleSheet {
  private readonly xfIds = new Map<string, number>();
  private readonly xfs = ['<xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/>'];
  private readonly fonts = ['<font><sz val="11"/><color theme="1"/><name val="Calibri"/><family val="2"/><scheme val="minor"/></font>'];
  private readonly fills = ['<fill><patternFill patternType="none"/></fill>', '<fill><patternFill patternType="gray125"/></fill>'];
  private readonly numFmts: string[] = [];
  private readonly ids = new Map<string, number>();

  constructor(private readonly styles: ConsolidatedModel['styles']) {}

  /** The cell format of a style key and number format (both optional). */
  xf(key: string | undefined, numFmt: string | undefined): number {
    const k = key === undefined ? (numFmt ?? '') : `${key}|${numFmt ?? ''}`;
    let id = this.xfIds.get(k);
    if (id === undefined) {
      id = this.xfs.length;
      this.xfIds.set(k, id);
      this.xfs.push(this.render(key === undefined ? undefined : this.styles[key as keyof ConsolidatedModel['styles']], numFmt));
    }
    return id;
  }

  private render(style: CellStyle | undefined, numFmt: string | undefined): string {
    let attrs = '';
    let fmtId = 0;
    if (numFmt) {
      fmtId = BUILTIN_FORMATS[numFmt] ?? this.idOf('fmt', numFmt, () => this.numFmts.push(`<numFmt numFmtId="${164 + this.numFmts.length}" formatCode="${esc(numFmt)}"/>`) + 163);
      attrs += ' applyNumberFormat="1"';
    }
    let fontId = 0;
    if (style && (style.bold || style.fontColor)) {
      const font = `<font>${style.bold ? '<b/>' : ''}${style.fontColor ? `<color rgb="FF${style.fontColor}"/>` : ''}</font>`;
      fontId = this.idOf('font', font, () => this.fonts.push(font) - 1);
      attrs += ' applyFont="1"';
    }
    let fillId = 0;
    if (style?.fill) {
      const fill = `<fill><patternFill patternType="solid"><fgColor rgb="FF${style.fill}"/></patternFill></fill>`;
      fillId = this.idOf('fill', fill, () => this.fills.push(fill) - 1);
      attrs += ' applyFill="1"';
    }
    return `<xf numFmtId="${fmtId}" fontId="${fontId}" fillId="${fillId}" borderId="0" xfId="0"${attrs}/>`;
  }

  private idOf(kind: string, xml: string, add: () => number): number {
    const k = `${kind}\u0000${xml}`;
    let id = this.ids.get(k);
    if (id === undefined) this.ids.set(k, (id = add()));
    return id;
  }

  xml(): string {
    const list = (tag: string, items: readonly string[]) => `<${tag} count="${items.length}">${items.join('')}</${tag}>`;
    return (
      `${XML_HEAD}<styleSheet xmlns="${NS_MAIN}">` +
      (this.numFmts.length > 0 ? list('numFmts', this.numFmts) : '') +
      list('fonts', this.fonts) +
      list('fills', this.fills) +
      '<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>' +
      '<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>' +
      list('cellXfs', this.xfs) +
      '<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>' +
      '<dxfs count="0"/><tableStyles count="0" defaultTableStyle="TableStyleMedium2" defaultPivotStyle="PivotStyleLight16"/></styleSheet>'
    );
  }
}

/** sharedStrings.xml: each distinct text once. */
class SharedStrings {
  private readonly index = new Map<string, number>();
  private readonly items: string[] = [];
  private count = 0;

  id(text: string): number {
    this.count++;
    let i = this.index.get(text);
    if (i === undefined) {
      i = this.items.length;
      this.index.set(text, i);
      this.items.push(`<si>${textOf(text)}</si>`);
    }
    return i;
  }

  xml(): string {
    return `${XML_HEAD}<sst xmlns="${NS_MAIN}" count="${this.count}" uniqueCount="${this.items.length}">${this.items.join('')}</sst>`;
  }
}

function columnName(n: number): string {
  let s = '';
  for (let k = n; k > 0; k = Math.floor((k - 1) / 26)) s = String.fromCharCode(65 + ((k - 1) % 26)) + s;
  return s;
}

interface SheetParts {
  readonly xml: string;
  /** The sheet's relationships (its links), or null when it has none. */
  readonly rels: string | null;
}

/** One worksheet: its rows as cells with shared strings and shared styles, its links, frozen header and filter. */
function renderSheet(sheet: ConsolidatedModel['sheets'][number], strings: SharedStrings, styles: StyleSheet, opts: ConsolidatedOptions): SheetParts {
  const width = sheet.columns.length;
  const letters = Array.from({ length: width }, (_, j) => columnName(j + 1));
  const header = styles.xf('header', undefined);
  const out: string[] = [];
  const links: string[] = [];
  const rels: string[] = [];
  const left = { left: MAX_LINKS_PER_SHEET };

  out.push(`<row r="1">`);
  sheet.columns.forEach((c, j) => out.push(`<c r="${letters[j]}1" s="${header}" t="s"><v>${strings.id(c.header)}</v></c>`));
  out.push('</row>');
  let r = 1;
  let lastCol = width;
  for (const row of sheet.rows()) {
    r++;
    let cells = '';
    for (let j = 0; j < row.length; j++) {
      const c = row[j]!;
      const v = c.value;
      if (v === null || (typeof v === 'number' && !Number.isFinite(v))) continue;
      const ref = `${letters[j] ?? columnName(j + 1)}${r}`;
      if (j + 1 > lastCol) lastCol = j + 1;
      const s = c.style === undefined && c.numFmt === undefined ? '' : ` s="${styles.xf(c.style, c.numFmt)}"`;
      if (typeof v === 'number') {
        cells += `<c r="${ref}"${s}><v>${v}</v></c>`;
        continue;
      }
      cells += `<c r="${ref}"${s} t="s"><v>${strings.id(v)}</v></c>`;
      const href = linkOf(c, opts, left);
      if (href !== null) {
        const id = `rId${rels.length + 1}`;
        rels.push(`<Relationship Id="${id}" Type="${REL}/hyperlink" Target="${esc(href)}" TargetMode="External"/>`);
        links.push(`<hyperlink ref="${ref}" r:id="${id}"/>`);
      }
    }
    out.push(cells === '' ? `<row r="${r}"/>` : `<row r="${r}">${cells}</row>`);
  }

  const cols = sheet.columns.map((c, j) => `<col min="${j + 1}" max="${j + 1}" width="${c.width}" customWidth="1"/>`).join('');
  const xml =
    `${XML_HEAD}<worksheet xmlns="${NS_MAIN}" xmlns:r="${REL}">` +
    `<dimension ref="A1:${columnName(Math.max(1, lastCol))}${r}"/>` +
    '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/><selection pane="bottomLeft"/></sheetView></sheetViews>' +
    '<sheetFormatPr defaultRowHeight="15"/>' +
    (cols === '' ? '' : `<cols>${cols}</cols>`) +
    `<sheetData>${out.join('')}</sheetData>` +
    (sheet.rowCount > 0 && width > 0 ? `<autoFilter ref="A1:${letters[width - 1]}1"/>` : '') +
    (links.length > 0 ? `<hyperlinks>${links.join('')}</hyperlinks>` : '') +
    '<pageMargins left="0.7" right="0.7" top="0.75" bottom="0.75" header="0.3" footer="0.3"/></worksheet>';
  return { xml, rels: rels.length > 0 ? `${XML_HEAD}<Relationships xmlns="${NS_PKG_RELS}">${rels.join('')}</Relationships>` : null };
}

/** The summary as .xlsx bytes, written directly (see the top of this file). */
export async function consolidatedXlsx(model: ConsolidatedModel, opts: ConsolidatedOptions & { readonly codec?: ZipCodec }): Promise<Uint8Array> {
  const names: string[] = [];
  for (const sheet of model.sheets) names.push(uniqueSheetName(sheet.name, names));
  const now = new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  // Each part is compressed as soon as it is written (an async codec does it while the next one is rendered).
  const zip = new ZipWriter(opts.codec ?? webCodec);
  zip.add(
    '[Content_Types].xml',
    `${XML_HEAD}<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types">` +
      `<Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/>` +
      `<Override PartName="/xl/workbook.xml" ContentType="${CT}.spreadsheetml.sheet.main+xml"/>` +
      names.map((_, i) => `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="${CT}.spreadsheetml.worksheet+xml"/>`).join('') +
      `<Override PartName="/xl/theme/theme1.xml" ContentType="${CT}.theme+xml"/><Override PartName="/xl/styles.xml" ContentType="${CT}.spreadsheetml.styles+xml"/>` +
      `<Override PartName="/xl/sharedStrings.xml" ContentType="${CT}.spreadsheetml.sharedStrings+xml"/>` +
      `<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/>` +
      `<Override PartName="/docProps/app.xml" ContentType="${CT}.extended-properties+xml"/></Types>`,
  );
  zip.add(
    '_rels/.rels',
    `${XML_HEAD}<Relationships xmlns="${NS_PKG_RELS}"><Relationship Id="rId1" Type="${REL}/officeDocument" Target="xl/workbook.xml"/>` +
      `<Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/>` +
      `<Relationship Id="rId3" Type="${REL}/extended-properties" Target="docProps/app.xml"/></Relationships>`,
  );
  zip.add('docProps/app.xml', `${XML_HEAD}<Properties xmlns="http://schemas.openxmlformats.org/officeDocument/2006/extended-properties"><Application>Tassei</Application></Properties>`);
  zip.add(
    'docProps/core.xml',
    `${XML_HEAD}<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">` +
      `<dcterms:created xsi:type="dcterms:W3CDTF">${now}</dcterms:created><dcterms:modified xsi:type="dcterms:W3CDTF">${now}</dcterms:modified></cp:coreProperties>`,
  );
  zip.add(
    'xl/workbook.xml',
    `${XML_HEAD}<workbook xmlns="${NS_MAIN}" xmlns:r="${REL}"><workbookPr defaultThemeVersion="164011" filterPrivacy="1"/><sheets>` +
      names.map((name, i) => `<sheet name="${esc(name)}" sheetId="${i + 1}" r:id="rId${i + 4}"/>`).join('') +
      '</sheets><calcPr calcId="171027"/></workbook>',
  );
  zip.add(
    'xl/_rels/workbook.xml.rels',
    `${XML_HEAD}<Relationships xmlns="${NS_PKG_RELS}"><Relationship Id="rId1" Type="${REL}/styles" Target="styles.xml"/>` +
      `<Relationship Id="rId2" Type="${REL}/theme" Target="theme/theme1.xml"/><Relationship Id="rId3" Type="${REL}/sharedStrings" Target="sharedStrings.xml"/>` +
      names.map((_, i) => `<Relationship Id="rId${i + 4}" Type="${REL}/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`).join('') +
      '</Relationships>',
  );
  zip.add('xl/theme/theme1.xml', THEME);
  const strings = new SharedStrings();
  const styles = new StyleSheet(model.styles);
  model.sheets.forEach((sheet, i) => {
    const parts = renderSheet(sheet, strings, styles, opts);
    zip.add(`xl/worksheets/sheet${i + 1}.xml`, parts.xml);
    if (parts.rels !== null) zip.add(`xl/worksheets/_rels/sheet${i + 1}.xml.rels`, parts.rels);
  });
  // Known only once every sheet is written.
  zip.add('xl/styles.xml', styles.xml());
  zip.add('xl/sharedStrings.xml', strings.xml());
  return zip.finish();
}

// ---------------------------------------------------------------------------------------------------------------
// Zip (deflated entries, no ZIP64: the summary stays far below 4 GiB)

/** The web-standard codec: CompressionStream and a table CRC-32 (Node ≥ 18 and current browsers). */
const webCodec: ZipCodec = {
  async deflateRaw(data) {
    const stream = new Blob([data as BlobPart]).stream().pipeThrough(new CompressionStream('deflate-raw'));
    return new Uint8Array(await new Response(stream).arrayBuffer());
  },
};

let crcTable: Uint32Array | null = null;

function crc32(data: Uint8Array): number {
  if (!crcTable) {
    crcTable = new Uint32Array(256);
    for (let n = 0; n < 256; n++) {
      let c = n;
      for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
      crcTable[n] = c >>> 0;
    }
  }
  let crc = 0xffffffff;
  for (let i = 0; i < data.length; i++) crc = crcTable[(crc ^ data[i]!) & 0xff]! ^ (crc >>> 8);
  return (crc ^ 0xffffffff) >>> 0;
}

interface ZipEntry {
  readonly name: Uint8Array;
  readonly size: number;
  readonly crc: number;
  readonly data: Promise<Uint8Array>;
}

/** Entries added in order, each compressed from the moment it is added; laid out by finish(). */
class ZipWriter {
  private readonly encoder = new TextEncoder();
  private readonly entries: ZipEntry[] = [];

  constructor(private readonly codec: ZipCodec) {}

  add(name: string, text: string): void {
    const raw = this.encoder.encode(text);
    const crc = (this.codec.crc32 ?? crc32)(raw) >>> 0;
    this.entries.push({ name: this.encoder.encode(name), size: raw.length, crc, data: Promise.resolve(this.codec.deflateRaw(raw)) });
  }

  async finish(): Promise<Uint8Array> {
    const datas = await Promise.all(this.entries.map((e) => e.data));
    const d = new Date();
    const dosTime = (d.getHours() << 11) | (d.getMinutes() << 5) | (d.getSeconds() >> 1);
    const dosDate = ((d.getFullYear() - 1980) << 9) | ((d.getMonth() + 1) << 5) | d.getDate();
    let size = 22;
    this.entries.forEach((e, i) => (size += 30 + 46 + 2 * e.name.length + datas[i]!.length));
    if (size > 0xffffffff) throw new RangeError('summary too large for a zip without ZIP64');
    const out = new Uint8Array(size);
    const w = new DataView(out.buffer);
    // The fields a local header and its central record share, from `at` on.
    const fields = (at: number, e: ZipEntry, compressed: number) => {
      w.setUint16(at, 20, true); // version needed
      w.setUint16(at + 2, 0x0800, true); // the name is UTF-8
      w.setUint16(at + 4, 8, true); // deflate
      w.setUint16(at + 6, dosTime, true);
      w.setUint16(at + 8, dosDate, true);
      w.setUint32(at + 10, e.crc, true);
      w.setUint32(at + 14, compressed, true);
      w.setUint32(at + 18, e.size, true);
      w.setUint16(at + 22, e.name.length, true);
    };
    const offsets: number[] = [];
    let p = 0;
    this.entries.forEach((e, i) => {
      const data = datas[i]!;
      offsets.push(p);
      w.setUint32(p, 0x04034b50, true);
      fields(p + 4, e, data.length);
      out.set(e.name, p + 30);
      out.set(data, p + 30 + e.name.length);
      p += 30 + e.name.length + data.length;
    });
    const dirStart = p;
    this.entries.forEach((e, i) => {
      w.setUint32(p, 0x02014b50, true);
      w.setUint16(p + 4, 20, true); // made by
      fields(p + 6, e, datas[i]!.length);
      w.setUint32(p + 42, offsets[i]!, true);
      out.set(e.name, p + 46);
      p += 46 + e.name.length;
    });
    w.setUint32(p, 0x06054b50, true);
    w.setUint16(p + 8, this.entries.length, true);
    w.setUint16(p + 10, this.entries.length, true);
    w.setUint32(p + 12, p - dirStart, true);
    w.setUint32(p + 16, dirStart, true);
    return out;
  }
}
