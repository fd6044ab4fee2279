import { describe, expect, it } from '@jest/globals';
import { type ClassifierModel, compile, type LabelledText, predict, train } from './classifier-model.js';
import { crossValidate } from './cross-validation.js';
import { seededRandom } from './random.js';

const TOPICS: Record<string, string[]> = {
  invoice: ['invoice', 'payment', 'amount', 'due', 'total', 'remittance', 'iban', 'billing'],
  meeting: ['meeting', 'agenda', 'tomorrow', 'room', 'calendar', 'schedule', 'call', 'minutes'],
  spam: ['winner', 'prize', 'lottery', 'click', 'free', 'offer', 'congratulations', 'claim'],
};
const COMMON = ['the', 'please', 'thanks', 'regards', 'hello', 'team', 'today', 'find'];

/** Texts of 12 words: `signal` of them from the class's topic, the rest common words. */
function corpus(perClass: number, seed: number, signal = 4): LabelledText[] {
  const random = seededRandom(seed);
  const pick = (words: string[]) => words[Math.floor(random() * words.length)];
  return Object.keys(TOPICS).flatMap((label) =>
    Array.from({ length: perClass }, () => ({
      label,
      features: Array.from({ length: 12 }, (_, i) => (i < signal ? pick(TOPICS[label]) : pick(COMMON))).join(' '),
    })),
  );
}

const argmax = (p: Record<string, number>) => Object.entries(p).reduce((a, b) => (b[1] > a[1] ? b : a))[0];

describe('the TF-IDF + softmax classifier', () => {
  it('learns a separable set and gives every class a probability, summing to 1', async () => {
    const model = await train(corpus(30, 1));
    expect(model.classes).toEqual(['invoice', 'meeting', 'spam']);
    const cases = {
      invoice: 'please find the invoice, payment due today',
      meeting: 'agenda for the meeting tomorrow in room 4',
      spam: 'congratulations winner: claim your free prize',
    };
    for (const [label, text] of Object.entries(cases)) {
      const probabilities = predict(model, text);
      expect(Object.keys(probabilities).sort()).toEqual(model.classes);
      expect(Object.values(probabilities).reduce((a, b) => a + b, 0)).toBeCloseTo(1, 9);
      expect(argmax(probabilities)).toBe(label);
      expect(probabilities[label]).toBeGreaterThan(0.6);
    }
  });

  it('is unsure of a text with nothing it has learned', async () => {
    const model = await train(corpus(30, 1));
    const probabilities = predict(model, 'zebra quantum saxophone');
    for (const p of Object.values(probabilities)) expect(p).toBeLessThan(0.6);
  });

  it('gives the same model for the same examples, and the same answers after a JSON round trip', async () => {
    const examples = corpus(20, 2);
    const first = await train(examples);
    const second = await train(examples);
    expect(JSON.stringify(second)).toBe(JSON.stringify(first));
    const restored = JSON.parse(JSON.stringify(first)) as ClassifierModel;
    const text = 'the meeting agenda and the invoice total';
    const before = predict(first, text);
    const after = predict(compile(restored), text);
    for (const name of first.classes) expect(after[name]).toBeCloseTo(before[name], 12);
  });

  it('keeps only terms in at least minDf documents, at most maxFeatures of them, most frequent first', async () => {
    const examples = [...corpus(10, 3), { label: 'spam', features: 'onceonly' }];
    expect((await train(examples, { minDf: 2 })).terms).not.toContain('onceonly');
    expect((await train(examples, { minDf: 1 })).terms).toContain('onceonly');
    const capped = await train(examples, { maxFeatures: 5 });
    expect(capped.terms).toHaveLength(5);
  });

  it('stores sparse, rounded weights: small ones are dropped', async () => {
    const model = await train(corpus(20, 4), { pruneBelow: 0.05 });
    const stored = model.weights.reduce((n, w) => n + w.values.length, 0);
    expect(stored).toBeLessThan(model.terms.length * model.classes.length);
    for (const w of model.weights) for (const v of w.values) expect(Math.abs(v)).toBeGreaterThanOrEqual(0.05);
    expect(model.weights.flatMap((w) => w.values).every((v) => Number(v.toFixed(4)) === v)).toBe(true);
  });

  it('refuses to train on one class', async () => {
    await expect(
      train([
        { label: 'a', features: 'x y' },
        { label: 'a', features: 'y z' },
      ]),
    ).rejects.toThrow('two classes');
  });

  it('is about as confident as it is right on noisy held-out data (calibrated within 0.1)', async () => {
    // One label in five is flipped: no model can be sure, and a calibrated one says so.
    const random = seededRandom(9);
    const labels = Object.keys(TOPICS);
    const noisy = corpus(80, 5, 2).map((e) =>
      random() < 0.2 ? { ...e, label: labels[(labels.indexOf(e.label) + 1) % labels.length] } : e,
    );
    const cv = await crossValidate(noisy, { folds: 5, seed: 1 });
    expect(cv.accuracy).toBeGreaterThan(0.55);
    expect(cv.calibration_error).toBeLessThan(0.1);
    const meanConfidence = cv.predictions.reduce((s, p) => s + p.confidence, 0) / cv.predictions.length;
    expect(Math.abs(meanConfidence - cv.accuracy)).toBeLessThan(0.1);
  });

  it('yields to its pause hook while it trains', async () => {
    let pauses = 0;
    await train(corpus(10, 6), {
      pause: async () => {
        pauses++;
      },
    });
    expect(pauses).toBeGreaterThan(3);
  });
});
