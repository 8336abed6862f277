import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertDialectError } from '../../transcript/test-support';
import { checkDialect } from '../dialect';
import { ModelSession } from '../session';
import { mergeOptstr } from './util-linux';
import { createLiveBackend } from '../../live';
import { liveSkip } from '../../live/test-support';

const at = (command: string) => ({ command, file: 'remount.txt', line: 2 });

describe("libmount's merge_optstr", () => {
  it('should keep one string when both sides say the same', () => {
    assert.equal(mergeOptstr('rw', 'rw'), 'rw');
  });

  it('should say ro when either side does, then the rest of each', () => {
    assert.equal(mergeOptstr('rw,relatime', 'rw'), 'rw,relatime');
    assert.equal(mergeOptstr('ro,nosuid,relatime', 'rw'), 'ro,nosuid,relatime');
    assert.equal(mergeOptstr('rw,noatime', 'ro,size=4k'), 'ro,noatime,size=4k');
  });
});

describe('mount -o remount,bind on the model', () => {
  const run = (commands: string[]) => {
    const session = new ModelSession('mainline');
    return commands.map((command, i) => session.run({ command, file: 't', line: i + 1 }));
  };

  it('should keep the flags the command line does not name (libmount merges the current options first)', () => {
    const results = run(['mkdir /mnt/a', 'mount -t tmpfs none /mnt/a', 'mount -o remount,bind,ro /mnt/a', 'mount -o remount,bind,nosuid /mnt/a', 'mount']);
    assert.match(results[4]!.stdout, /^none on \/mnt\/a type tmpfs \(ro,nosuid,relatime\)$/m);
  });

  it('should keep noatime unless atime takes it off', () => {
    const results = run(['mkdir /mnt/a', 'mount -t tmpfs none /mnt/a', 'mount -o remount,bind,noatime /mnt/a', 'mount -o remount,bind,relatime /mnt/a', 'mount', 'mount -o remount,bind,atime,relatime /mnt/a', 'mount']);
    assert.match(results[4]!.stdout, /\/mnt\/a type tmpfs \(rw,noatime\)/);
    assert.match(results[6]!.stdout, /\/mnt\/a type tmpfs \(rw,relatime\)/);
  });

  for (const [line, reason] of [
    ['mount -o remount,ro /mnt', 'only for a bind remount'],
    ['mount -o ro /mnt', 'only for a bind remount'],
    ['mount -o remount,bind,size=4k /mnt', '"size=4k" is not an option'],
    ['mount -o remount,bind', 'remount,bind,OPTIONS DIR'],
  ] as const) {
    it(`should refuse ${JSON.stringify(line)} with the file and line`, () => {
      assertDialectError(() => checkDialect(at(line)), 'remount.txt:2', reason);
    });
  }
});

describe('mount(8) lists targets decoded from mountinfo, control characters as "?"', () => {
  const lines = ["mkdir '/mnt/a b' '/mnt/t\tab' '/mnt/b\\sl'", "mount -t tmpfs none '/mnt/a b'", "mount -t tmpfs none '/mnt/t\tab'", "mount -t tmpfs none '/mnt/b\\sl'", 'mount'];
  const expected = ['none on /mnt/a b type tmpfs (rw,relatime)', 'none on /mnt/t?ab type tmpfs (rw,relatime)', 'none on /mnt/b\\sl type tmpfs (rw,relatime)'];
  const listed = (stdout: string) => stdout.split('\n').filter((l) => l.startsWith('none on /mnt/'));

  it('on the live kernel (util-linux 2.38: safe_fputs)', { skip: liveSkip }, async () => {
    const results = await (await createLiveBackend()).run(lines.map((command, i) => ({ command, file: 't', line: i + 1 })));
    assert.deepEqual(listed(results[4]!.stdout), expected);
  });

  it('on the model', () => {
    const session = new ModelSession('mainline');
    const results = lines.map((command, i) => session.run({ command, file: 't', line: i + 1 }));
    assert.deepEqual(listed(results[4]!.stdout), expected);
  });
});
