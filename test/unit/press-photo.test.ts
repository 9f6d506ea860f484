/**
 * The press photo (src/lib/press-photo.ts): full resolution, upright, a JPEG with no metadata
 * left, from a photo that carries EXIF with GPS, XMP and an ICC profile.
 */
import sharp from 'sharp';
import { describe, expect, it } from 'vitest';
import { encodePressPhoto, formatBytes } from '../../src/lib/press-photo.ts';

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

describe('formatBytes', () => {
  it('writes sizes as a Danish reader does', () => {
    expect(formatBytes(312_400)).toBe('312 kB');
    expect(formatBytes(1_450_000)).toBe('1,5 MB');
    expect(formatBytes(20)).toBe('1 kB');
  });
});
