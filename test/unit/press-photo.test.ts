/**
 * The press photo (src/lib/press-photo.ts): full resolution, upright, a JPEG with no metadata
 * left, from a photo that carries EXIF with GPS, XMP and an ICC profile — cut out losslessly
 * where that gives the same picture, re-encoded (and cached) where it does not.
 */
import { mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import sharp from 'sharp';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { encodePressPhoto, formatBytes, makePressPhoto, stripJpegMetadata } from '../../src/lib/press-photo.ts';

const XMP = `<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#"><rdf:Description xmlns:dc="http://purl.org/dc/elements/1.1/" dc:creator="Hemmelig"/></rdf:RDF></x:xmpmeta>`;

async function cameraPhoto(format: 'jpeg' | 'png', orientation?: number): Promise<Buffer> {
  const image = sharp({ create: { width: 300, height: 200, channels: format === 'png' ? 4 : 3, background: '#3a7' } });
  if (orientation) image.withMetadata({ orientation });
  return image
    .withExif({
      IFD0: { Make: 'Kamera', Model: 'X100' },
      IFD3: { GPSLatitudeRef: 'N', GPSLatitude: '55/1 40/1 0/1', GPSLongitudeRef: 'E', GPSLongitude: '11/1 5/1 0/1' },
    })
    .withXmp(XMP)
    .withIccProfile('p3')
    [format]()
    .toBuffer();
}

describe('encodePressPhoto', () => {
  it('keeps the original size and drops EXIF, GPS, XMP and the ICC profile', async () => {
    const source = await cameraPhoto('jpeg');
    const before = await sharp(source).metadata();
    expect(before.exif, 'the sample carries EXIF').toBeDefined();
    expect(before.xmp, 'the sample carries XMP').toBeDefined();
    expect(before.icc, 'the sample carries an ICC profile').toBeDefined();
    const photo = await encodePressPhoto(source);
    const after = await sharp(photo.bytes).metadata();
    expect([after.format, after.width, after.height]).toEqual(['jpeg', 300, 200]);
    expect([photo.width, photo.height]).toEqual([300, 200]);
    expect(after.exif).toBeUndefined();
    expect(after.xmp).toBeUndefined();
    expect(after.iptc).toBeUndefined();
    expect(after.icc).toBeUndefined();
    expect(after.space).toBe('srgb');
    expect(photo.bytes.includes(Buffer.from('Kamera'))).toBe(false);
    expect(photo.bytes.includes(Buffer.from('Hemmelig'))).toBe(false);
  });

  it('turns a photo upright by its orientation, and puts a transparent PNG on white', async () => {
    const turned = await cameraPhoto('jpeg', 6);
    expect((await sharp(turned).metadata()).orientation).toBe(6);
    const upright = await encodePressPhoto(turned);
    expect([upright.width, upright.height]).toEqual([200, 300]);
    const png = await encodePressPhoto(await cameraPhoto('png'));
    const meta = await sharp(png.bytes).metadata();
    expect([meta.format, meta.hasAlpha, meta.exif]).toEqual(['jpeg', false, undefined]);
  });
});

/** A segment `marker` with `payload`, as it sits in a JPEG file. */
function segment(marker: number, payload: Buffer): Buffer {
  const length = Buffer.alloc(2);
  length.writeUInt16BE(payload.length + 2);
  return Buffer.concat([Buffer.from([0xff, marker]), length, payload]);
}
/** `jpeg` with IPTC (APP13) and a comment right after its start marker. */
const withIptcAndComment = (jpeg: Buffer) =>
  Buffer.concat([
    jpeg.subarray(0, 2),
    // Photoshop's image resource 0x0404 holding one IPTC dataset, 2:80 (by-line) = "Hemmelig".
    segment(
      0xed,
      Buffer.concat([
        Buffer.from('Photoshop 3.0\x008BIM'),
        Buffer.from([0x04, 0x04, 0, 0, 0, 0, 0, 13, 0x1c, 0x02, 0x50, 0x00, 0x08]),
        Buffer.from('Hemmelig\x00'),
      ]),
    ),
    segment(0xfe, Buffer.from('Optaget hos Hemmelig')),
    jpeg.subarray(2),
  ]);
/** A photo with structure for the encoder (not one flat colour), so a re-encode would change pixels. */
const noisy = (channels: 3 | 4 = 3) =>
  sharp({
    create: {
      width: 300,
      height: 200,
      channels,
      background: '#3a7',
      noise: { type: 'gaussian', mean: 120, sigma: 30 },
    },
  });
/** Whether two images decode to the same pixels (a boolean: a diff of two pixel buffers takes minutes). */
const samePixels = async (a: Buffer, b: Buffer) =>
  (await sharp(a).raw().toBuffer()).equals(await sharp(b).raw().toBuffer());
async function expectNoMetadata(bytes: Buffer): Promise<void> {
  const meta = await sharp(bytes).metadata();
  expect([meta.format, meta.exif, meta.xmp, meta.iptc, meta.icc]).toEqual([
    'jpeg',
    undefined,
    undefined,
    undefined,
    undefined,
  ]);
  for (const secret of ['Kamera', 'Hemmelig', 'Exif\0', 'http://ns.adobe.com/xap/'])
    expect(bytes.includes(Buffer.from(secret)), secret).toBe(false);
}

describe('makePressPhoto', () => {
  let cacheDir: string;
  beforeEach(async () => {
    cacheDir = await mkdtemp(path.join(tmpdir(), 'press-'));
  });
  afterEach(() => rm(cacheDir, { recursive: true, force: true }));

  it('cuts GPS EXIF, XMP, IPTC and comments out of an upright JPEG without touching a pixel, and writes no cache file', async () => {
    const source = withIptcAndComment(
      await noisy()
        .withExif({
          IFD0: { Make: 'Kamera' },
          IFD3: {
            GPSLatitudeRef: 'N',
            GPSLatitude: '55/1 40/1 0/1',
            GPSLongitudeRef: 'E',
            GPSLongitude: '11/1 5/1 0/1',
          },
        })
        .withXmp(XMP)
        .jpeg({ quality: 85 })
        .toBuffer(),
    );
    const before = await sharp(source).metadata();
    expect([before.exif, before.xmp, before.iptc].every(Boolean), 'the sample carries EXIF, XMP and IPTC').toBe(true);
    expect(source.includes(Buffer.from('Optaget hos Hemmelig')), 'the sample carries a comment').toBe(true);
    const photo = await makePressPhoto(source, cacheDir);
    await expectNoMetadata(photo.bytes);
    expect([photo.width, photo.height]).toEqual([300, 200]);
    expect(await samePixels(photo.bytes, source)).toBe(true);
    expect(await readdir(cacheDir)).toEqual([]);
  });

  it('drops an sRGB profile losslessly too, and leaves out a second picture after the end marker', async () => {
    const main = await noisy().withIccProfile('srgb').jpeg().toBuffer();
    const hidden = await noisy()
      .withExif({ IFD0: { Make: 'Kamera' } })
      .jpeg()
      .toBuffer();
    const photo = await makePressPhoto(Buffer.concat([main, hidden]), cacheDir);
    await expectNoMetadata(photo.bytes);
    expect(await samePixels(photo.bytes, main)).toBe(true);
    expect(photo.bytes.length).toBeLessThan(main.length);
  });

  it('turns a JPEG with orientation 6 upright by re-encoding it once, then takes it from the cache', async () => {
    const source = await noisy()
      .withMetadata({ orientation: 6 })
      .withExif({ IFD0: { Make: 'Kamera' } })
      .jpeg()
      .toBuffer();
    expect((await sharp(source).metadata()).orientation).toBe(6);
    const photo = await makePressPhoto(source, cacheDir);
    await expectNoMetadata(photo.bytes);
    expect([photo.width, photo.height]).toEqual([200, 300]);
    const cached = await readdir(cacheDir);
    expect(cached).toHaveLength(1);
    const again = await makePressPhoto(source, cacheDir);
    expect(again).toEqual(photo);
    expect(await readdir(cacheDir)).toEqual(cached);
  });

  it('converts a JPEG with a Display P3 profile to sRGB instead of dropping the profile', async () => {
    const source = await noisy().withIccProfile('p3').jpeg().toBuffer();
    const photo = await makePressPhoto(source, cacheDir);
    await expectNoMetadata(photo.bytes);
    expect(await samePixels(photo.bytes, source)).toBe(false);
    expect(await readdir(cacheDir)).toHaveLength(1);
  });

  it('makes a PNG a JPEG on white, without its EXIF', async () => {
    const photo = await makePressPhoto(await cameraPhoto('png'), cacheDir);
    await expectNoMetadata(photo.bytes);
    expect((await sharp(photo.bytes).metadata()).hasAlpha).toBe(false);
    expect([photo.width, photo.height]).toEqual([300, 200]);
  });
});

describe('stripJpegMetadata', () => {
  it('refuses what it cannot cut safely: not a JPEG, a truncated one, an Adobe APP14 segment', async () => {
    const jpeg = await noisy().jpeg().toBuffer();
    expect(stripJpegMetadata(await noisy().png().toBuffer())).toBeUndefined();
    expect(stripJpegMetadata(jpeg.subarray(0, jpeg.length - 100))).toBeUndefined();
    const adobe = Buffer.concat([
      jpeg.subarray(0, 2),
      segment(0xee, Buffer.from([...Buffer.from('Adobe'), 0, 100, 0, 0, 0, 0, 0])),
      jpeg.subarray(2),
    ]);
    expect(stripJpegMetadata(adobe)).toBeUndefined();
    expect(stripJpegMetadata(jpeg)).toBeInstanceOf(Buffer);
  });
});

describe('formatBytes', () => {
  it('writes sizes as a Danish reader does', () => {
    expect(formatBytes(312_400)).toBe('312 kB');
    expect(formatBytes(1_450_000)).toBe('1,5 MB');
    expect(formatBytes(20)).toBe('1 kB');
  });
});
