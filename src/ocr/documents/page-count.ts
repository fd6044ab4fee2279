import sharp from 'sharp';
import type { OcrMediaType } from './document-type.js';

/**
 * Pages of a document as its header tells, read only to decide whether a synchronous answer is
 * worth waiting for; null when the header cannot tell (the robot then finds out, and says why).
 */
export async function countPages(bytes: Buffer, mediaType: OcrMediaType): Promise<number | null> {
  try {
    if (mediaType === 'application/pdf') {
      const pdfjs = await import('pdfjs-dist/legacy/build/pdf.mjs');
      const loading = pdfjs.getDocument({ data: new Uint8Array(bytes), isEvalSupported: false, verbosity: 0 });
      try {
        return (await loading.promise).numPages;
      } finally {
        await loading.destroy();
      }
    }
    if (mediaType === 'image/tiff') return (await sharp(bytes).metadata()).pages ?? 1;
    return 1;
  } catch {
    return null;
  }
}
