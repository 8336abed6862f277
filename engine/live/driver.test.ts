// The driver's shell protocol against a stand-in for the namespace's shell:
// a bash loop that answers each line with its markers, the stderr one late
// (as a loaded machine delays it), or never (as after `exec 2<&-`). Needs
// no privilege: no namespace, only the pipes and /proc of a child process.

import assert from 'node:assert/strict';
import { spawn, type ChildProcessWithoutNullStreams } from 'node:child_process';
import { after, describe, it } from 'node:test';
import { checkDialect } from '../shell/dialect';
import type { KmsgReader } from './kmsg';
import { Driver, type ParsedLine } from './driver';
import type { Namespace } from './namespace';
import { stdinIdentity } from './procfs';
import { StreamBuffer } from './stream-buffer';
import { transcript } from './test-support';

const TOKEN = 'test';

/**
 * A shell that prints each line's stdout marker, then after `stderrDelay`
 * seconds (a `sleep`: not reading stdin meanwhile) its stderr marker, or
 * none when `stderrDelay` is null. It reads the line's number from the
 * marker call the driver appends (`; __m SEQ $?`).
 */
function standIn(stderrDelay: number | null): { namespace: Namespace; shell: ChildProcessWithoutNullStreams } {
  const marker = (fd: string) => `printf '@@mountspec:${TOKEN}:%s:0:1@@\\n' "$seq" ${fd}`;
  const late = stderrDelay === null ? 'true' : `sleep ${stderrDelay}; ${marker('>&2')}`;
  const script = `while IFS= read -r line; do seq=\${line##*__m }; seq=\${seq%% *}; echo out; ${marker('')}; ${late}; done`;
  const shell = spawn('bash', ['-c', script]);
  const namespace = {
    stdout: new StreamBuffer(shell.stdout),
    stderr: new StreamBuffer(shell.stderr),
    shellPid: shell.pid!,
    stdin: '',
    exited: undefined,
    mountinfo: () => '',
    send: (text: string) => void shell.stdin.write(text),
    kill: () => void shell.kill('SIGKILL'),
  };
  return { namespace: namespace as unknown as Namespace, shell };
}

function lines(...commands: string[]): ParsedLine[] {
  return transcript(...commands).map((place) => ({ command: place.command, list: checkDialect(place), place }));
}

const kmsg = { read: () => [] } as unknown as KmsgReader;

describe('live driver: the two markers of a line', () => {
  const shells: ChildProcessWithoutNullStreams[] = [];
  after(() => shells.forEach((s) => s.kill('SIGKILL')));

  async function drive(stderrDelay: number | null, commands: string[]) {
    const { namespace, shell } = standIn(stderrDelay);
    shells.push(shell);
    // Its stdin, once the shell is up and reading it: how the driver tells it is done with a line.
    await new Promise((resolve) => setTimeout(resolve, 100));
    (namespace as { stdin: string }).stdin = stdinIdentity(shell.pid!)!;
    const started = Date.now();
    const results = await new Driver(namespace, kmsg, TOKEN, 10_000).run(lines(...commands));
    return { results, ms: Date.now() - started };
  }

  it('should wait for a stderr marker that comes 0.8 s after the stdout one, so the next line is not handed it', async () => {
    const { results } = await drive(0.8, ['true', 'true']);
    assert.deepEqual(
      results.map((r) => [r.status, r.stdout, r.stuck]),
      [
        [0, 'out\n', false],
        [0, 'out\n', false],
      ],
    );
  });

  it('should give up on a marker that never comes once the shell reads its next line (fd 2 closed), without waiting out the timeout', async () => {
    const { results, ms } = await drive(null, ['true', 'true']);
    assert.deepEqual(results.map((r) => [r.status, r.stdout]), [
      [0, 'out\n'],
      [0, 'out\n'],
    ]);
    assert.ok(ms < 5_000, `took ${ms} ms`);
  });
});
