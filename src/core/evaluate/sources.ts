/** 財源 (funding sources): 国, 県, 市, 町, 村, 自 (own funds) and combinations written with ・ ("県・市"). */

const KNOWN = new Set(['国', '県', '市', '町', '村', '自', '他']);

// Letters that PDF/OCR extraction puts in place of a source: 白 for 自 is met in the samples.
const OCR_CONFUSIONS: Readonly<Record<string, string>> = { 白: '自', 目: '自', 且: '県' };

export interface Source {
  /** As written, with the separators made uniform ("県･市", "県、市" → "県・市"). */
  readonly text: string;
  readonly known: boolean;
  /** For an unknown source, the known one it probably was meant to be. */
  readonly suggestion: string | null;
}

export function normalizeSource(raw: string): Source {
  const text = raw.normalize('NFKC').replace(/\s+/g, '').replace(/[･・、,，/／]/g, '・');
  const parts = text.split('・').filter((p) => p !== '');
  const known = parts.length > 0 && parts.every((p) => KNOWN.has(p));
  if (known) return { text, known, suggestion: null };
  const fixed = parts.map((p) => OCR_CONFUSIONS[p] ?? p);
  const suggestion = fixed.length > 0 && fixed.every((p) => KNOWN.has(p)) ? fixed.join('・') : null;
  return { text, known, suggestion };
}
