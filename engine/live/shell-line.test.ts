import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { parseCommandLine } from '../shell/parse';
import { findMarker, markedLine, markerFunction, quoteWord, serialise } from './shell-line';

const parse = (command: string) => parseCommandLine({ command, file: 'test', line: 1 });

describe('shell-line', () => {
  it('should re-serialise a line without its trailing comment', () => {
    assert.equal(serialise(parse('exec 3<&-  # close FD 3')), 'exec 3<&-');
    assert.equal(serialise(parse('mount --move . /mnt && cd /')), 'mount --move . /mnt && cd /');
    assert.equal(serialise(parse('open_tree_clone 3</mnt 3 sh')), 'open_tree_clone 3 sh 3</mnt');
  });

  it('should quote words whose meaning would change unquoted', () => {
    assert.equal(serialise(parse("touch '/mnt/a b'")), "touch '/mnt/a b'");
    assert.equal(serialise(parse("ls '[x]'")), "ls '[x]'");
    assert.equal(quoteWord("it's"), `'it'\\''s'`);
    assert.equal(quoteWord('if', true), "'if'");
    assert.equal(quoteWord('A=b', true), "'A=b'");
    assert.equal(quoteWord('A=b'), 'A=b');
  });

  it('should send each line as one input line followed by its marker', () => {
    assert.equal(markedLine(parse('umount -l /mnt # lazy'), 7), 'umount -l /mnt ; __m 7 $?\n');
  });

  it('should find a marker only once it is complete', () => {
    const token = 'abc';
    assert.equal(findMarker(Buffer.from('out@@mountspec:abc:3:1'), token), null);
    const marker = findMarker(Buffer.from('out@@mountspec:abc:3:1:2@@\nnext'), token);
    assert.deepEqual(marker, { seq: 3, status: 1, shlvl: 2, start: 3, end: 27 });
    assert.equal(findMarker(Buffer.from('@@mountspec:other:3:1:2@@\n'), token), null);
  });

  it('should define a marker function bash imports from the environment', () => {
    const fn = markerFunction('tok');
    assert.equal(fn.name, 'BASH_FUNC___m%%');
    assert.match(fn.value, /^\(\) \{ .*return "\$2"; \}$/);
  });
});
