import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertDialectError } from '../transcript/test-support';
import { parseCommandLine } from './parse';

const at = (command: string) => ({ command, file: 'story.txt', line: 7 });

describe('parseCommandLine', () => {
  it('should split the thread\'s helper line into words and one redirection', () => {
    const list = parseCommandLine(at('open_tree_clone 3</mnt 3 sh'));
    assert.deepEqual(list.first, { argv: ['open_tree_clone', '3', 'sh'], redirections: [{ kind: 'open', fd: 3, path: '/mnt' }] });
    assert.deepEqual(list.rest, []);
  });

  it('should read N<&- and N<&M as close and dup, and drop a trailing comment', () => {
    assert.deepEqual(parseCommandLine(at('exec 3<&- # close FD 3')).first.redirections, [{ kind: 'close', fd: 3 }]);
    assert.deepEqual(parseCommandLine(at('exec 4<&3')).first.redirections, [{ kind: 'dup', fd: 4, from: 3 }]);
  });

  it('should keep && and || lists in order', () => {
    const list = parseCommandLine(at('mount --move . /mnt && cd / || true'));
    assert.deepEqual(list.rest.map((r) => [r.op, r.command.argv]), [['&&', ['cd', '/']], ['||', ['true']]]);
  });

  it('should treat digits inside a word as part of the word', () => {
    assert.deepEqual(parseCommandLine(at('ls a3<b')).first, { argv: ['ls', 'a3'], redirections: [{ kind: 'open', fd: 0, path: 'b' }] });
  });

  it('should honour quotes and backslashes', () => {
    assert.deepEqual(parseCommandLine(at(`mkdir 'a b' "c d" e\\ f`)).first.argv, ['mkdir', 'a b', 'c d', 'e f']);
  });

  for (const [line, reason] of [
    ['ls | cat', 'pipes'],
    ['cd /; ls', '";"'],
    ['sleep 1 &', 'background'],
    ['echo $HOME', 'variables'],
    ['ls > /tmp/x', 'output redirection'],
    ["echo 'open", 'unterminated'],
    ['&& ls', 'missing'],
    ['ls &&', 'missing'],
  ] as const) {
    it(`should refuse ${JSON.stringify(line)} with the file and line`, () => {
      assertDialectError(() => parseCommandLine(at(line)), 'story.txt:7', reason);
    });
  }
});
