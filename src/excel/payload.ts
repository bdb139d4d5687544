/**
 * Excel refuses a request or response over 5 MB (and Excel on the web sends each sync over the network), so the
 * add-in keeps each sync under a budget, splitting only when a batch would exceed it.
 */
export const REQUEST_BUDGET = 4 * 1024 * 1024;

/** Bytes a value takes in the JSON of a request (UTF-8), counted without building the string for large arrays. */
export function jsonBytes(value: unknown): number {
  if (value === null || value === undefined) return 4;
  switch (typeof value) {
    case 'number':
      return String(value).length;
    case 'boolean':
      return value ? 4 : 5;
    case 'string': {
      let n = 2;
      for (let i = 0; i < value.length; i++) {
        const c = value.charCodeAt(i);
        n += c < 0x80 ? (c === 0x22 || c === 0x5c || c < 0x20 ? 2 : 1) : c < 0x800 ? 2 : 3;
      }
      return n;
    }
    default:
      if (Array.isArray(value)) return value.reduce<number>((s, v) => s + jsonBytes(v) + 1, 2);
      return Object.entries(value as Record<string, unknown>).reduce((s, [k, v]) => s + jsonBytes(k) + jsonBytes(v) + 2, 2);
  }
}

/**
 * Splits items into consecutive groups whose estimated bytes stay within the budget (an item larger than the
 * budget goes alone). One group means one sync.
 */
export function packByBytes<T>(items: readonly T[], bytesOf: (item: T) => number, budget = REQUEST_BUDGET): T[][] {
  const groups: T[][] = [];
  let current: T[] = [];
  let size = 0;
  for (const item of items) {
    const b = bytesOf(item);
    if (current.length > 0 && size + b > budget) {
      groups.push(current);
      current = [];
      size = 0;
    }
    current.push(item);
    size += b;
  }
  if (current.length > 0) groups.push(current);
  return groups;
}
