import { describe, expect, it } from '@jest/globals';
import { cruise, type ICruiseResult } from 'dependency-cruiser';
import extractDepcruiseOptions from 'dependency-cruiser/config-utl/extract-depcruise-options';
import extractTSConfig from 'dependency-cruiser/config-utl/extract-ts-config';

/**
 * The project's own .dependency-cruiser.cjs run on a small tree (test/fixtures/depcruise/src)
 * where an OCR file imports the SDK and the Orchestrator, the SDK imports core and the
 * Orchestrator, and the review queue imports OCR's contract and an OCR internal: exactly the two
 * Orchestrator imports and the OCR internal must be reported.
 */
describe('dependency rules around the SDK', () => {
  it('refuse Orchestrator imports from the SDK and the component layers, and allow the SDK and core', async () => {
    const options = await extractDepcruiseOptions('./.dependency-cruiser.cjs');
    const { output } = await cruise(
      ['src'],
      { ...options, baseDir: 'test/fixtures/depcruise', validate: true },
      undefined,
      { tsConfig: extractTSConfig('tsconfig.json') },
    );
    const { summary, modules } = output as ICruiseResult;

    expect(modules.map((m) => m.source).sort()).toEqual([
      'src/core/clock.ts',
      'src/ocr/ocr.types.ts',
      'src/ocr/reader.ts',
      'src/orchestrator/engine.ts',
      'src/review/queue.ts',
      'src/sdk/index.ts',
    ]);
    expect(summary.violations.map((v) => [v.from, v.to, v.rule.name]).sort()).toEqual([
      ['src/ocr/reader.ts', 'src/orchestrator/engine.ts', 'components-do-not-import-orchestrator'],
      ['src/review/queue.ts', 'src/ocr/reader.ts', 'review-knows-only-the-ocr-contract'],
      ['src/sdk/index.ts', 'src/orchestrator/engine.ts', 'sdk-depends-only-on-core'],
    ]);
  });
});
