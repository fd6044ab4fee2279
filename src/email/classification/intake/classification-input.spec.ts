import { describe, expect, it } from '@jest/globals';
import { featuresOf } from '../features.js';
import { NotAnEmailError, toClassificationInput } from './classification-input.js';

// The shape of an Enron message: its export added X-Folder, X-FileName and X-Origin, which name
// the folder a person filed it in (in a labelled corpus, the label).
const RAW = [
  'Message-ID: <1.2.JavaMail.evans@thyme>',
  'From: Drew.Fossum@enron.com',
  'To: darrell.schoolcraft@enron.com, Team: kevin.hyatt@enron.com, steven.harris@enron.com;',
  'Cc: Danny.McCarty@enron.com',
  'In-Reply-To: <0.1.JavaMail.evans@thyme>',
  'Subject: RE: TW gas sales',
  'X-Folder: \\Drew_Fossum\\Logistic Arrangements',
  'X-Origin: FOSSUM-D',
  'X-FileName: dfossum.nsf',
  '',
  'Please send the volumes.',
  '',
].join('\r\n');

describe('toClassificationInput', () => {
  it('reads the recipients (group members included) and In-Reply-To, lower-cased', async () => {
    const { input } = await toClassificationInput(Buffer.from(RAW));
    expect(input.to_addresses).toEqual([
      'darrell.schoolcraft@enron.com',
      'kevin.hyatt@enron.com',
      'steven.harris@enron.com',
    ]);
    expect(input.cc_addresses).toEqual(['danny.mccarty@enron.com']);
    expect(input.in_reply_to).toBe('<0.1.JavaMail.evans@thyme>');
  });

  it('gives the classifier nothing of the export headers that name the folder', async () => {
    const features = featuresOf((await toClassificationInput(Buffer.from(RAW))).input).toLowerCase();
    expect(features).toContain('__cc_danny_mccarty_enron_com');
    for (const leak of ['logistic', 'arrangements', 'fossum_d', 'dfossum', 'nsf', 'x_folder']) {
      expect(features).not.toContain(leak);
    }
  });

  it('answers no recipients for a message without To and Cc', async () => {
    const { input } = await toClassificationInput(Buffer.from('Subject: hi\r\n\r\nbody\r\n'));
    expect([input.to_addresses, input.cc_addresses, input.in_reply_to]).toEqual([[], [], null]);
    await expect(toClassificationInput(Buffer.from('\u0000binary'))).rejects.toThrow(NotAnEmailError);
  });
});
