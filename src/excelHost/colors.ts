/**
 * Colors as Excel takes and gives them: it accepts '#RRGGBB', 'RRGGBB' and HTML color names ("orange"), and
 * always answers '#RRGGBB' in capitals. Also the file side: ExcelJS colors (ARGB, theme index with tint, legacy
 * palette index) turned into what Excel shows.
 */

const NAMED: Record<string, string> = {
  aqua: '00FFFF', beige: 'F5F5DC', black: '000000', blue: '0000FF', brown: 'A52A2A', chocolate: 'D2691E',
  coral: 'FF7F50', crimson: 'DC143C', cyan: '00FFFF', darkblue: '00008B', darkgray: 'A9A9A9', darkgreen: '006400',
  darkgrey: 'A9A9A9', darkorange: 'FF8C00', darkred: '8B0000', fuchsia: 'FF00FF', gold: 'FFD700', gray: '808080',
  green: '008000', grey: '808080', indigo: '4B0082', ivory: 'FFFFF0', khaki: 'F0E68C', lavender: 'E6E6FA',
  lightblue: 'ADD8E6', lightgray: 'D3D3D3', lightgreen: '90EE90', lightgrey: 'D3D3D3', lightpink: 'FFB6C1',
  lightyellow: 'FFFFE0', lime: '00FF00', magenta: 'FF00FF', maroon: '800000', navy: '000080', olive: '808000',
  orange: 'FFA500', pink: 'FFC0CB', purple: '800080', red: 'FF0000', salmon: 'FA8072', silver: 'C0C0C0',
  skyblue: '87CEEB', tan: 'D2B48C', teal: '008080', tomato: 'FF6347', turquoise: '40E0D0', violet: 'EE82EE',
  white: 'FFFFFF', yellow: 'FFFF00',
};

/** '#rrggbb', 'RRGGBB' or a color name → '#RRGGBB'; null when Excel would refuse it. */
export function normalizeColor(input: unknown): string | null {
  if (typeof input !== 'string') return null;
  const t = input.trim();
  const hex = /^#?([0-9a-fA-F]{6})$/.exec(t);
  if (hex) return `#${hex[1]!.toUpperCase()}`;
  const named = NAMED[t.toLowerCase()];
  return named ? `#${named}` : null;
}

/** The Office theme (2013–2022) Excel uses when a file names theme colors: lt1, dk1, lt2, dk2, accent1…6. */
const OFFICE_THEME = ['FFFFFF', '000000', 'E7E6E6', '44546A', '4472C4', 'ED7D31', 'A5A5A5', 'FFC000', '5B9BD5', '70AD47'];

/** The legacy 56-color palette (indexed colors 8–63; 0–7 repeat the first eight). */
const PALETTE = [
  '000000', 'FFFFFF', 'FF0000', '00FF00', '0000FF', 'FFFF00', 'FF00FF', '00FFFF', '800000', '008000', '000080', '808000',
  '800080', '008080', 'C0C0C0', '808080', '9999FF', '993366', 'FFFFCC', 'CCFFFF', '660066', 'FF8080', '0066CC', 'CCCCFF',
  '000080', 'FF00FF', 'FFFF00', '00FFFF', '800080', '800000', '008080', '0000FF', '00CCFF', 'CCFFFF', 'CCFFCC', 'FFFF99',
  '99CCFF', 'FF99CC', 'CC99FF', 'FFCC99', '3366FF', '33CCCC', '99CC00', 'FFCC00', 'FF9900', 'FF6600', '666699', '969696',
  '003366', '339966', '003300', '333300', '993300', '993366', '333399', '333333',
];

export interface FileColor {
  argb?: string;
  theme?: number;
  tint?: number;
  indexed?: number;
}

/** An ExcelJS color as '#RRGGBB', or null when it names no color (automatic, system colors). */
export function colorFromFile(c: FileColor | undefined): string | null {
  if (!c) return null;
  if (typeof c.argb === 'string' && /^[0-9a-fA-F]{8}$/.test(c.argb)) return `#${c.argb.slice(2).toUpperCase()}`;
  if (typeof c.argb === 'string' && /^[0-9a-fA-F]{6}$/.test(c.argb)) return `#${c.argb.toUpperCase()}`;
  if (typeof c.theme === 'number') {
    const base = OFFICE_THEME[c.theme];
    return base ? `#${applyTint(base, c.tint ?? 0)}` : null;
  }
  if (typeof c.indexed === 'number') {
    const i = c.indexed < 8 ? c.indexed : c.indexed - 8;
    const hex = c.indexed < 64 ? PALETTE[i] : undefined;
    return hex ? `#${hex}` : null;
  }
  return null;
}

/** Excel's tint: a lightness change in HLS (positive toward white, negative toward black). */
export function applyTint(hex: string, tint: number): string {
  if (!tint) return hex.toUpperCase();
  const [h, l, s] = rgbToHls(parseInt(hex.slice(0, 2), 16), parseInt(hex.slice(2, 4), 16), parseInt(hex.slice(4, 6), 16));
  const l2 = tint < 0 ? l * (1 + tint) : l * (1 - tint) + tint;
  const [r, g, b] = hlsToRgb(h, Math.min(1, Math.max(0, l2)), s);
  return [r, g, b].map((v) => Math.round(v).toString(16).padStart(2, '0')).join('').toUpperCase();
}

function rgbToHls(r: number, g: number, b: number): [number, number, number] {
  const rf = r / 255;
  const gf = g / 255;
  const bf = b / 255;
  const max = Math.max(rf, gf, bf);
  const min = Math.min(rf, gf, bf);
  const l = (max + min) / 2;
  if (max === min) return [0, l, 0];
  const d = max - min;
  const s = l > 0.5 ? d / (2 - max - min) : d / (max + min);
  let h: number;
  if (max === rf) h = (gf - bf) / d + (gf < bf ? 6 : 0);
  else if (max === gf) h = (bf - rf) / d + 2;
  else h = (rf - gf) / d + 4;
  return [h / 6, l, s];
}

function hlsToRgb(h: number, l: number, s: number): [number, number, number] {
  if (s === 0) return [l * 255, l * 255, l * 255];
  const q = l < 0.5 ? l * (1 + s) : l + s - l * s;
  const p = 2 * l - q;
  const hue = (t: number): number => {
    let x = t;
    if (x < 0) x += 1;
    if (x > 1) x -= 1;
    if (x < 1 / 6) return p + (q - p) * 6 * x;
    if (x < 1 / 2) return q;
    if (x < 2 / 3) return p + (q - p) * (2 / 3 - x) * 6;
    return p;
  };
  return [hue(h + 1 / 3) * 255, hue(h) * 255, hue(h - 1 / 3) * 255];
}
