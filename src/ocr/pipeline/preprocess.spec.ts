import { describe, expect, it } from '@jest/globals';
import sharp from 'sharp';
import { grayLevels, prepareImage, rotatePng } from './preprocess.js';

describe('grayLevels', () => {
  it('finds the 1st and 99th percentile and the standard deviation in one pass', () => {
    // 1,000 pixels: 5 black specks, 295 gray text at 80, 695 paper at 200, 5 white specks.
    const pixels = new Uint8Array([
      ...new Array(5).fill(0),
      ...new Array(295).fill(80),
      ...new Array(695).fill(200),
      ...new Array(5).fill(255),
    ]);
    const levels = grayLevels(pixels);
    expect(levels).toMatchObject({ low: 80, high: 200 });
    const mean = (5 * 0 + 295 * 80 + 695 * 200 + 5 * 255) / 1000;
    const variance = (5 * mean ** 2 + 295 * (80 - mean) ** 2 + 695 * (200 - mean) ** 2 + 5 * (255 - mean) ** 2) / 1000;
    expect(levels.stdev).toBeCloseTo(Math.sqrt(variance), 6);
  });
});

describe('prepareImage', () => {
  const washedOut = async () => {
    // Gray text (90) on gray paper (170), 600 x 400 at 300 dpi.
    const paper = sharp({ create: { width: 600, height: 400, channels: 3, background: { r: 170, g: 170, b: 170 } } });
    const text = await sharp({ create: { width: 300, height: 60, channels: 3, background: { r: 90, g: 90, b: 90 } } })
      .png()
      .toBuffer();
    return paper
      .composite([{ input: text, left: 100, top: 100 }])
      .removeAlpha()
      .png()
      .withMetadata({ density: 300 })
      .toBuffer();
  };

  it('stretches a washed-out page to the full gray range, decoding it once, and says so', async () => {
    const prepared = await prepareImage(await washedOut(), { maxPixels: 10_000_000 });
    expect(prepared.steps).toEqual(['grayscale', 'contrast stretch 90-170']);
    expect(prepared).toMatchObject({ width: 600, height: 400, dpi: 300, sourceDpi: 300 });
    expect(prepared.contrast).toBeGreaterThan(5);
    const stats = await sharp(prepared.png).stats();
    expect(stats.channels[0].min).toBe(0);
    expect(stats.channels[0].max).toBe(255);
    expect((await sharp(prepared.png).metadata()).channels).toBe(1);
  });

  it('leaves a page already black on white as it is', async () => {
    const bilevel = await sharp({ create: { width: 400, height: 300, channels: 3, background: '#fff' } })
      .composite([
        { input: { create: { width: 100, height: 20, channels: 3, background: '#000' } }, left: 10, top: 10 },
      ])
      .removeAlpha()
      .toColourspace('b-w')
      .png()
      .withMetadata({ density: 300 })
      .toBuffer();
    const prepared = await prepareImage(bilevel, { maxPixels: 10_000_000 });
    expect(prepared.steps.filter((step) => step.startsWith('contrast'))).toEqual([]);
    expect((await sharp(prepared.png).stats()).channels[0]).toMatchObject({ min: 0, max: 255 });
  });
});

describe('rotatePng', () => {
  const page = () =>
    sharp({ create: { width: 600, height: 400, channels: 3, background: '#fff' } })
      .composite([
        { input: { create: { width: 200, height: 20, channels: 3, background: '#000' } }, left: 200, top: 190 },
      ])
      .removeAlpha()
      .toColourspace('b-w')
      .png()
      .toBuffer();

  it('answers the size of the turned image: swapped at a right angle, grown to hold the corners at 4°', async () => {
    expect(await rotatePng(await page(), 90, 300)).toMatchObject({ width: 400, height: 600 });
    const turned = await rotatePng(await page(), -4, 300);
    const radians = (4 * Math.PI) / 180;
    const grown = (a: number, b: number) => a * Math.cos(radians) + b * Math.sin(radians);
    expect(turned.width).toBeCloseTo(grown(600, 400), -1);
    expect(turned.height).toBeCloseTo(grown(400, 600), -1);
    const meta = await sharp(turned.png).metadata();
    expect(meta).toMatchObject({ width: turned.width, height: turned.height, channels: 1, density: 300 });
    // The canvas's new corners are paper, not black (stats() would read the whole input, not the extract).
    const corner = await sharp(turned.png)
      .extract({ left: 0, top: 0, width: 3, height: 3 })
      .extractChannel(0)
      .raw()
      .toBuffer();
    expect([...corner]).toEqual(new Array(9).fill(255));
  });
});
