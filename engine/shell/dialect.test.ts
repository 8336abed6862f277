import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { CLONE_NEWNS, CLONE_NEWUSER } from '../kernel/constants';
import { assertDialectError } from '../transcript/test-support';
import { checkDialect } from './dialect';
import { parseUnshareArgs } from './programs/unshare';

const at = (command: string) => ({ command, file: 'ns.txt', line: 4 });

describe('unshare in the dialect', () => {
  it('should read -m, -Urm, -rm and the long forms alike', () => {
    assert.equal(parseUnshareArgs(['unshare', '-m'], at('')).flags, CLONE_NEWNS);
    for (const argv of [['unshare', '-Urm'], ['unshare', '-rm'], ['unshare', '-U', '-r', '-m'], ['unshare', '--user', '--map-root-user', '--mount']]) {
      const request = parseUnshareArgs(argv, at(''));
      assert.equal(request.flags, CLONE_NEWNS | CLONE_NEWUSER, argv.join(' '));
      assert.equal(request.mapRoot, true);
    }
  });

  it('should take --propagation WORD and --propagation=WORD, and leave the word to unshare itself', () => {
    assert.equal(parseUnshareArgs(['unshare', '-m', '--propagation', 'slave'], at('')).propagation, 'slave');
    assert.equal(parseUnshareArgs(['unshare', '-m', '--propagation=sideways'], at('')).propagation, 'sideways');
  });

  it('should stop at the program, or after --', () => {
    assert.deepEqual(parseUnshareArgs(['unshare', '-m', 'cat', '/proc/self/mountinfo'], at('')).command, ['cat', '/proc/self/mountinfo']);
    assert.deepEqual(parseUnshareArgs(['unshare', '-m', '--', 'ls', '-x'], at('')).command, ['ls', '-x']);
  });

  it('should check the program it runs as a dialect command', () => {
    assert.doesNotThrow(() => checkDialect(at('unshare -m mount --bind /mnt /mnt')));
    assert.throws(() => checkDialect(at('unshare -m mount -o ro /mnt')), /mount -o ro \/mnt/);
  });

  for (const [line, reason] of [
    ['unshare', 'needs -m'],
    ['unshare -U -m', '-U needs -r'],
    ['unshare -m -p', 'not "-p"'],
    ['unshare -m --propagation', '--propagation needs'],
    ['unshare -m sh -c ls', 'sh with arguments'],
    ['unshare -m ./prog', 'named as on PATH'],
  ] as const) {
    it(`should refuse ${JSON.stringify(line)} with the file and line`, () => {
      assertDialectError(() => checkDialect(at(line)), 'ns.txt:4', reason);
    });
  }
});

describe('the allow-list accepts what the dialect names', () => {
  for (const line of [
    "mkdir '/mnt/a b' '/mnt/$x' '/mnt/*'",
    'mkdir -p /mnt/a,b/c:d/e+f/g%h/i@j/k=l/m#n',
    'unshare -m --propagation=slave sh',
    'unshare -Urm --propagation unchanged ls /proc/self/fd',
    'exec 3</mnt 4<&3 5<&- && echo ok || echo not',
    'open_tree_clone -r 3</mnt 3 /bin/sh',
    'cd /proc/self/fd/3 # a comment with ; | $ and *',
    'frob /mnt',
    'exit 3',
    'echo -- -n',
    "cat '/mnt/t\tab'",
    'mount -t proc proc /mnt/p',
    'exec 1023</mnt',
  ]) {
    it(`accepts ${JSON.stringify(line)}`, () => {
      assert.doesNotThrow(() => checkDialect(at(line)));
    });
  }
});

describe('statmount and listmount -n NSFILE in the dialect', () => {
  it('should take -n NSFILE before the mount (after -r for listmount), and no other order', () => {
    for (const line of ['statmount -n /proc/1/ns/mnt /mnt', 'statmount -n /proc/self/fd/5 -i 2147483650', 'listmount -n /proc/1/ns/mnt', 'listmount -r -n /proc/1/ns/mnt /mnt']) {
      assert.doesNotThrow(() => checkDialect(at(line)), line);
    }
    for (const line of ['statmount -n /proc/1/ns/mnt', 'statmount /mnt -n /proc/1/ns/mnt', 'listmount -n', 'listmount -n -r /proc/1/ns/mnt', 'listmount -n /proc/1/ns/mnt -r']) {
      assert.throws(() => checkDialect(at(line)), /the dialect has "(statmount|listmount) .*-n NSFILE/, line);
    }
  });
});
