import { mkdirSync, mkdtempSync, rmSync, symlinkSync } from 'node:fs';
import { createRequire } from 'node:module';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

const require = createRequire(import.meta.url);

/** The installed `@tesseract.js-data/<code>` model (LSTM "best_int", gzipped), when there is one. */
export function languageDataPath(code: string): string | undefined {
  if (!/^[a-z_]{3,16}$/.test(code)) return undefined;
  try {
    return require.resolve(`@tesseract.js-data/${code}/4.0.0_best_int/${code}.traineddata.gz`);
  } catch {
    return undefined;
  }
}

/**
 * One folder holding `<code>.traineddata.gz` of every installed language, as tesseract.js's
 * `langPath` must for `eng+spa` (it reads `${langPath}/${code}.traineddata.gz`); each package ships
 * only its own. Symlinks under os.tmpdir: nothing copied, nothing fetched, removed at shutdown.
 * (Handing the bytes as `{ code, data }` instead fails in tesseract.js 7.0.)
 */
export class LanguageFolder {
  readonly path: string;

  constructor(codes: readonly string[]) {
    this.path = mkdtempSync(join(tmpdir(), 'botfleet-tessdata-'));
    mkdirSync(this.path, { recursive: true });
    for (const code of codes) {
      const source = languageDataPath(code);
      if (source) symlinkSync(source, join(this.path, `${code}.traineddata.gz`));
    }
  }

  remove(): void {
    rmSync(this.path, { recursive: true, force: true });
  }
}

/** The languages tesseract.js can read here (the packages the project installs). */
export const WASM_LANGUAGES = ['eng', 'spa'] as const;
