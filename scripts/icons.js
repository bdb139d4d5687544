#!/usr/bin/env node
/**
 * The add-in's icons, drawn by this script and committed as PNGs: a white check mark on a green rounded square.
 * Pure JavaScript (node's zlib for the deflate stream), no image library, and deterministic: the same pixels on every
 * run, so `node scripts/icons.js --check` (and test/manifest.test.ts) can prove that assets/ matches this drawing.
 *
 *   node scripts/icons.js          write assets/icon-{16,32,64,80,128}.png
 *   node scripts/icons.js --check  exit 1 if a committed icon's pixels differ from what this script draws
 */
'use strict';
const fs = require('fs');
const path = require('path');
const zlib = require('zlib');

/** The sizes Office asks for: 16/32/80 ribbon buttons, 32 IconUrl, 64 HighResolutionIconUrl, 128 store listing. */
const SIZES = [16, 32, 64, 80, 128];
const ASSETS = path.resolve(__dirname, '..', 'assets');

const GREEN = [0x10, 0x7c, 0x41]; // Excel's green
const WHITE = [0xff, 0xff, 0xff];

/** Signed distance (in unit square coordinates) from p to a rounded rectangle: negative inside. */
function roundedRectDistance(x, y, x0, y0, x1, y1, r) {
  const cx = (x0 + x1) / 2;
  const cy = (y0 + y1) / 2;
  const hx = (x1 - x0) / 2 - r;
  const hy = (y1 - y0) / 2 - r;
  const qx = Math.abs(x - cx) - hx;
  const qy = Math.abs(y - cy) - hy;
  const ox = Math.max(qx, 0);
  const oy = Math.max(qy, 0);
  return Math.hypot(ox, oy) + Math.min(Math.max(qx, qy), 0) - r;
}

/** Distance from p to the segment a–b. */
function segmentDistance(px, py, ax, ay, bx, by) {
  const dx = bx - ax;
  const dy = by - ay;
  const t = Math.max(0, Math.min(1, ((px - ax) * dx + (py - ay) * dy) / (dx * dx + dy * dy)));
  return Math.hypot(px - (ax + t * dx), py - (ay + t * dy));
}

const CHECK = [
  [0.25, 0.53],
  [0.43, 0.7],
  [0.76, 0.33],
];

const squareDistance = (x, y) => roundedRectDistance(x, y, 0.03, 0.03, 0.97, 0.97, 0.2);
function checkDistance(x, y) {
  const [a, b, c] = CHECK;
  return Math.min(segmentDistance(x, y, a[0], a[1], b[0], b[1]), segmentDistance(x, y, b[0], b[1], c[0], c[1]));
}
/** Half the check mark's stroke: at least ~1 px, so that it stays legible at 16 px. */
const strokeHalf = (size) => Math.max(0.075, 1.05 / size);

/** What covers the point (x, y) of the unit square: 0 nothing, 1 the green square, 2 the check mark. */
function paintAt(x, y, size) {
  if (squareDistance(x, y) > 0) return 0;
  return checkDistance(x, y) <= strokeHalf(size) ? 2 : 1;
}

/**
 * What covers the whole pixel whose centre is (x, y), when one thing does: the distances are 1-Lipschitz, so a centre
 * farther than half the pixel's diagonal from every edge has all its samples alike. null when the pixel straddles one.
 */
function paintOfPixel(x, y, size) {
  const reach = Math.SQRT1_2 / size + 1e-9;
  const dSquare = squareDistance(x, y);
  if (dSquare > reach) return 0;
  if (dSquare >= -reach) return null;
  const dCheck = checkDistance(x, y) - strokeHalf(size);
  if (dCheck < -reach) return 2;
  if (dCheck > reach) return 1;
  return null;
}

/** RGBA pixels of the icon at `size` × `size`, antialiased by 8 × 8 supersampling (straight, not premultiplied, alpha). */
function renderIcon(size) {
  const S = 8;
  const out = Buffer.alloc(size * size * 4);
  for (let py = 0; py < size; py++) {
    for (let px = 0; px < size; px++) {
      let green = 0;
      let white = 0;
      const whole = paintOfPixel((px + 0.5) / size, (py + 0.5) / size, size);
      if (whole === 1) green = S * S;
      else if (whole === 2) white = S * S;
      else if (whole === null) {
        for (let sy = 0; sy < S; sy++) {
          for (let sx = 0; sx < S; sx++) {
            const paint = paintAt((px + (sx + 0.5) / S) / size, (py + (sy + 0.5) / S) / size, size);
            if (paint === 1) green++;
            else if (paint === 2) white++;
          }
        }
      }
      const covered = green + white;
      const o = (py * size + px) * 4;
      if (covered === 0) continue; // transparent
      for (let ch = 0; ch < 3; ch++) out[o + ch] = Math.round((GREEN[ch] * green + WHITE[ch] * white) / covered);
      out[o + 3] = Math.round((255 * covered) / (S * S));
    }
  }
  return out;
}

const CRC_TABLE = (() => {
  const table = new Uint32Array(256);
  for (let n = 0; n < 256; n++) {
    let c = n;
    for (let k = 0; k < 8; k++) c = c & 1 ? 0xedb88320 ^ (c >>> 1) : c >>> 1;
    table[n] = c >>> 0;
  }
  return table;
})();

function crc32(buf) {
  let c = 0xffffffff;
  for (const byte of buf) c = CRC_TABLE[(c ^ byte) & 0xff] ^ (c >>> 8);
  return (c ^ 0xffffffff) >>> 0;
}

function chunk(type, data) {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([head.subarray(4), data])), 0);
  return Buffer.concat([head, data, crc]);
}

const PNG_SIGNATURE = Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]);

/** A PNG file (8-bit RGBA, no interlace, filter 0 on every row) of the given pixels. */
function encodePng(width, height, rgba) {
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8; // bit depth
  ihdr[9] = 6; // colour type: RGBA
  ihdr[10] = 0; // deflate
  ihdr[11] = 0; // adaptive filtering
  ihdr[12] = 0; // no interlace
  const stride = width * 4;
  const raw = Buffer.alloc((stride + 1) * height);
  for (let y = 0; y < height; y++) rgba.copy(raw, y * (stride + 1) + 1, y * stride, (y + 1) * stride);
  const idat = zlib.deflateSync(raw, { level: 9 });
  return Buffer.concat([PNG_SIGNATURE, chunk('IHDR', ihdr), chunk('IDAT', idat), chunk('IEND', Buffer.alloc(0))]);
}

/** Width, height, bit depth and colour type from a PNG's IHDR, and its pixels when it is 8-bit RGBA. */
function decodePng(file) {
  if (file.length < 33 || !file.subarray(0, 8).equals(PNG_SIGNATURE)) throw new Error('not a PNG');
  if (file.toString('latin1', 12, 16) !== 'IHDR') throw new Error('the first chunk is not IHDR');
  const width = file.readUInt32BE(16);
  const height = file.readUInt32BE(20);
  const bitDepth = file[24];
  const colorType = file[25];
  const idat = [];
  for (let at = 8; at + 12 <= file.length; ) {
    const length = file.readUInt32BE(at);
    const type = file.toString('latin1', at + 4, at + 8);
    const data = file.subarray(at + 8, at + 8 + length);
    if (crc32(file.subarray(at + 4, at + 8 + length)) !== file.readUInt32BE(at + 8 + length)) throw new Error(`bad CRC in ${type}`);
    if (type === 'IDAT') idat.push(data);
    if (type === 'IEND') break;
    at += 12 + length;
  }
  let pixels = null;
  if (bitDepth === 8 && colorType === 6) {
    const raw = zlib.inflateSync(Buffer.concat(idat));
    const stride = width * 4;
    pixels = Buffer.alloc(stride * height);
    for (let y = 0; y < height; y++) {
      const filter = raw[y * (stride + 1)];
      for (let x = 0; x < stride; x++) {
        const v = raw[y * (stride + 1) + 1 + x];
        const left = x >= 4 ? pixels[y * stride + x - 4] : 0;
        const up = y > 0 ? pixels[(y - 1) * stride + x] : 0;
        const upLeft = x >= 4 && y > 0 ? pixels[(y - 1) * stride + x - 4] : 0;
        let pred = 0;
        if (filter === 1) pred = left;
        else if (filter === 2) pred = up;
        else if (filter === 3) pred = (left + up) >> 1;
        else if (filter === 4) {
          const p = left + up - upLeft;
          const pa = Math.abs(p - left);
          const pb = Math.abs(p - up);
          const pc = Math.abs(p - upLeft);
          pred = pa <= pb && pa <= pc ? left : pb <= pc ? up : upLeft;
        } else if (filter !== 0) throw new Error(`unknown PNG filter ${filter}`);
        pixels[y * stride + x] = (v + pred) & 0xff;
      }
    }
  }
  return { width, height, bitDepth, colorType, pixels };
}

function iconPath(size) {
  return path.join(ASSETS, `icon-${size}.png`);
}

function main(argv) {
  if (argv.includes('--check')) {
    let bad = 0;
    for (const size of SIZES) {
      const file = iconPath(size);
      const ok = fs.existsSync(file) && (decodePng(fs.readFileSync(file)).pixels || Buffer.alloc(0)).equals(renderIcon(size));
      if (!ok) {
        console.error(`${path.relative(process.cwd(), file)} differs from what scripts/icons.js draws`);
        bad++;
      }
    }
    if (bad) console.error('Run `node scripts/icons.js` to redraw the icons.');
    return bad ? 1 : 0;
  }
  fs.mkdirSync(ASSETS, { recursive: true });
  for (const size of SIZES) {
    const png = encodePng(size, size, renderIcon(size));
    fs.writeFileSync(iconPath(size), png);
    console.log(`${path.relative(process.cwd(), iconPath(size))}  ${size}×${size}  ${png.length} bytes`);
  }
  return 0;
}

module.exports = { SIZES, renderIcon, encodePng, decodePng, crc32 };

if (require.main === module) process.exitCode = main(process.argv.slice(2));
