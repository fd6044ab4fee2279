import { readFile } from 'node:fs/promises';
import { createRequire } from 'node:module';

const require = createRequire(import.meta.url);

/**
 * tesseract.js's offline language data: `@tesseract.js-data/<code>` packages (LSTM "best_int"
 * models). They are handed to the worker as bytes (`{ code, data }`), which needs no langPath
 * folder holding every language together, writes nothing to disk and never touches the network.
 */
export function languageDataPath(code: string): string | undefined {
  if (!/^[a-z_]{3,16}$/.test(code)) return undefined;
  try {
    return require.resolve(`@tesseract.js-data/${code}/4.0.0_best_int/${code}.traineddata.gz`);
  } catch {
    return undefined;
  }
}

const cache = new Map<string, Promise<Buffer>>();

/** Each language file is read once per process (2-3 MB gzipped each). */
export function languageData(code: string): Promise<Buffer> {
  const path = languageDataPath(code);
  if (!path) return Promise.reject(new Error(`no tesseract.js data for ${code}`));
  let data = cache.get(code);
  if (!data) {
    data = readFile(path);
    data.catch(() => cache.delete(code));
    cache.set(code, data);
  }
  return data;
}
