import zlib from 'node:zlib';

/**
 * A drawn illustration for the demo photos: a learning centre's building front in flat colours, painted pixel
 * by pixel and encoded as a PNG here (RGB, 8 bits, one IDAT). Nothing is downloaded; the demo captions say
 * these are illustrations, not photographs.
 */
type Rgb = [number, number, number];

class Canvas {
  readonly pixels: Buffer;
  constructor(readonly width: number, readonly height: number) { this.pixels = Buffer.alloc(width * height * 3); }
  rect(x: number, y: number, w: number, h: number, [r, g, b]: Rgb): void {
    for (let j = Math.max(0, y); j < Math.min(this.height, y + h); j++) {
      for (let i = Math.max(0, x); i < Math.min(this.width, x + w); i++) {
        const k = (j * this.width + i) * 3;
        this.pixels[k] = r; this.pixels[k + 1] = g; this.pixels[k + 2] = b;
      }
    }
  }
  /** A roof: a trapezoid narrowing by one pixel per row upwards on each side. */
  roof(x: number, y: number, w: number, h: number, colour: Rgb): void {
    for (let j = 0; j < h; j++) this.rect(x + (h - j), y + j, w - 2 * (h - j), 1, colour);
  }
}

function chunk(type: string, data: Buffer): Buffer {
  const length = Buffer.alloc(4);
  length.writeUInt32BE(data.length);
  const body = Buffer.concat([Buffer.from(type, 'ascii'), data]);
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(zlib.crc32(body));
  return Buffer.concat([length, body, crc]);
}

export function encodePng(canvas: Canvas): Buffer {
  const header = Buffer.alloc(13);
  header.writeUInt32BE(canvas.width, 0); header.writeUInt32BE(canvas.height, 4);
  header[8] = 8; header[9] = 2; // 8-bit RGB; compression, filter and interlace 0
  const rowBytes = canvas.width * 3;
  const raw = Buffer.alloc((rowBytes + 1) * canvas.height);
  for (let y = 0; y < canvas.height; y++) canvas.pixels.copy(raw, y * (rowBytes + 1) + 1, y * rowBytes, (y + 1) * rowBytes);
  return Buffer.concat([Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]), chunk('IHDR', header),
    chunk('IDAT', zlib.deflateSync(raw)), chunk('IEND', Buffer.alloc(0))]);
}

const WALLS: Rgb[] = [[236, 226, 205], [222, 232, 240], [240, 224, 214], [226, 236, 218]];
const ROOFS: Rgb[] = [[160, 64, 52], [60, 96, 140], [96, 120, 72], [120, 84, 140]];

/** Building `n` of the demo (variant colours, storeys and windows), 320 × 240. */
export function demoBuildingPng(n: number): Buffer {
  const c = new Canvas(320, 240);
  for (let y = 0; y < 170; y++) c.rect(0, y, 320, 1, [150 + Math.round(y / 3), 200 + Math.round(y / 6), 240]); // sky
  c.rect(0, 170, 320, 70, [120, 170, 96]); // grass
  c.rect(136, 170, 48, 70, [200, 200, 196]); // path to the door
  const wall = WALLS[n % WALLS.length]!;
  const storeys = 2 + (n % 2);
  const top = 170 - storeys * 40;
  c.roof(40, top - 22, 240, 22, ROOFS[n % ROOFS.length]!);
  c.rect(50, top, 220, storeys * 40, wall);
  for (let s = 0; s < storeys; s++) {
    for (let w = 0; w < 6; w++) {
      if (s === storeys - 1 && (w === 2 || w === 3)) continue; // the door's place
      c.rect(62 + w * 34, top + 10 + s * 40, 22, 20, [92, 140, 180]);
      c.rect(72 + w * 34, top + 10 + s * 40, 2, 20, wall);
    }
  }
  c.rect(140, 170 - 34, 40, 34, [120, 80, 52]); // door
  c.rect(124, top - 17, 72, 12, [190, 40, 36]); // the sign board on the roof
  return encodePng(c);
}
