/**
 * Class 5: a position in a PNG's text chunks, where ImageMagick writes EXIF ("Raw profile type
 * exif", hex) and XMP, and where sharp's metadata does not look. Real PNGs are written here with
 * the chunks added, as ImageMagick lays them out.
 */
import sharp from 'sharp';
import { deflateSync, crc32 } from 'node:zlib';
import { describe, expect, it } from 'vitest';
import { hasGpsPosition, pngTextHasGps } from '../../src/lib/validation/images.ts';

function chunk(type: string, data: Buffer): Buffer {
  const head = Buffer.alloc(8);
  head.writeUInt32BE(data.length, 0);
  head.write(type, 4, 'latin1');
  const crc = Buffer.alloc(4);
  crc.writeUInt32BE(crc32(Buffer.concat([Buffer.from(type, 'latin1'), data])) >>> 0, 0);
  return Buffer.concat([head, data, crc]);
}

/** A PNG with `extra` chunks inserted right after IHDR. */
async function pngWith(...extra: Buffer[]): Promise<Buffer> {
  const png = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#777' } })
    .png()
    .toBuffer();
  const ihdrEnd = 8 + 12 + png.readUInt32BE(8);
  return Buffer.concat([png.subarray(0, ihdrEnd), ...extra, png.subarray(ihdrEnd)]);
}

async function exifWithGps(): Promise<Buffer> {
  const jpeg = await sharp({ create: { width: 4, height: 4, channels: 3, background: '#777' } })
    .jpeg()
    .withExif({
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '55/1 40/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '11/1 5/1 0/1' },
    })
    .toBuffer();
  const exif = (await sharp(jpeg).metadata()).exif;
  if (!exif) throw new Error('sharp skrev ingen EXIF');
  return exif;
}

/** ImageMagick's layout: "\nexif\n   <length>\n<hex, 72 per line>\n". */
const rawProfile = (bytes: Buffer) =>
  `\nexif\n${String(bytes.length).padStart(8)}\n${bytes.toString('hex').replace(/(.{72})/g, '$1\n')}\n`;

describe('GPS in PNG text chunks', () => {
  it('a plain PNG has none', async () => {
    const png = await pngWith();
    expect(pngTextHasGps(png)).toBe(false);
    expect(await hasGpsPosition(png)).toBe(false);
  });

  it('finds EXIF GPS in a tEXt "Raw profile type exif" chunk', async () => {
    const text = Buffer.concat([
      Buffer.from('Raw profile type exif\0', 'latin1'),
      Buffer.from(rawProfile(await exifWithGps()), 'latin1'),
    ]);
    expect(await hasGpsPosition(await pngWith(chunk('tEXt', text)))).toBe(true);
  });

  it('finds it compressed in a zTXt chunk', async () => {
    const data = Buffer.concat([
      Buffer.from('Raw profile type exif\0\0', 'latin1'),
      deflateSync(Buffer.from(rawProfile(await exifWithGps()), 'latin1')),
    ]);
    expect(await hasGpsPosition(await pngWith(chunk('zTXt', data)))).toBe(true);
  });

  it('finds an XMP position in an iTXt chunk', async () => {
    const xmp =
      '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF><rdf:Description exif:GPSLatitude="55,40.0N" exif:GPSLongitude="11,5.0E"/></rdf:RDF></x:xmpmeta>';
    const data = Buffer.concat([Buffer.from('XML:com.adobe.xmp\0\0\0\0\0', 'latin1'), Buffer.from(xmp, 'utf8')]);
    expect(await hasGpsPosition(await pngWith(chunk('iTXt', data)))).toBe(true);
  });

  it('a text chunk without a position (a comment) passes', async () => {
    const data = Buffer.concat([Buffer.from('Comment\0', 'latin1'), Buffer.from('Tegnet i Kalundborg', 'latin1')]);
    expect(await hasGpsPosition(await pngWith(chunk('tEXt', data)))).toBe(false);
  });
});
