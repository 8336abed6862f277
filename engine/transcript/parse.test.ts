import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseTranscript } from './parse';

describe('parseTranscript', () => {
  it('should keep only "# " lines, with their line numbers', () => {
    const text = 'narrative\n# cd /\numount: /mnt: target is busy\n# umount /mnt\n';
    assert.deepEqual(parseTranscript(text, 't.txt', 10), [
      { command: 'cd /', file: 't.txt', line: 11 },
      { command: 'umount /mnt', file: 't.txt', line: 13 },
    ]);
  });

  it('should turn the mail copy\'s non-breaking spaces into spaces', () => {
    assert.equal(parseTranscript('# exec 3<&-\u00a0# close FD 3', 'x')[0]!.command, 'exec 3<&- # close FD 3');
  });

  it('should refuse an empty prompt, naming the line', () => {
    assert.throws(() => parseTranscript('# ls\n# \n', 'x.txt'), /^DialectError: x\.txt:2: /);
  });
});
