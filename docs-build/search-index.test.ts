import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Cell, Spec } from './model';
import { searchEntries, searchIndexScript } from './search-index';
import type { CommandRun } from './session';

const run = (extra: Partial<CommandRun> = {}): CommandRun => ({ command: 'umount /mnt', status: 32, stdout: '  out line  \n', stderr: 'umount: /mnt: Device or resource busy\n', kernel: ['BUG: soft lockup', 'RIP: 0010:pin_kill'], stuck: false, mountinfo: '', state: null, ...extra });
const cell = (kernel: string, results: readonly CommandRun[] | null, message: string | null = null): Cell => ({
  kernel, outcome: 'passed', status: 'PASSED', ok: true, declaredFailing: false, message, failedStepLine: null, stepStatuses: [], logs: [],
  session: results && { kernel, description: kernel, lines: [], results },
});

function spec(cells: Cell[]): Spec {
  return {
    run: { date: null, commit: null, kernelBuild: null, node: null, cucumber: null, utilLinux: null },
    kernels: cells.map((c) => ({ id: c.kernel, label: c.kernel, description: null })),
    citations: [],
    features: [{
      uri: 'features/x.feature', page: 'features/x.html', keyword: 'Feature', name: 'X', tags: [], narrative: null,
      scenarios: [{ key: 'features/x.feature:4', uri: 'features/x.feature', line: 4, anchor: 'L4', keyword: 'Scenario', name: 'Busy', tags: [], description: null, citations: [], cells,
        steps: [{ anchor: 'L4-L5', line: 5, keyword: 'When ', text: 'I run:', docString: '# umount /mnt', dataTable: null }] }],
    }],
  };
}

describe('search index', () => {
  it('should hold the steps, every command, its output, errno name and kernel log, and the messages, each line once, trimmed, in reading order', () => {
    const shared = [run()];
    const [entry] = searchEntries(spec([cell('v12', shared), cell('v12-move-fix', [run({ command: 'umount -l /mnt', stderr: '' })], 'expected status 0'), cell('mainline', shared, 'expected status 32'), cell('live', null)]));
    assert.deepEqual(entry, {
      href: 'features/x.html#L4',
      title: 'X › Busy',
      key: 'features/x.feature:4',
      text: [
        'Busy', 'When I run:', '# umount /mnt',
        'out line', 'umount: /mnt: Device or resource busy', 'BUG: soft lockup', 'RIP: 0010:pin_kill', 'EBUSY (umount /mnt)',
        '# umount -l /mnt', 'expected status 0', 'expected status 32',
      ].join('\n'),
    });
  });

  it('should be a script that no text can end early', () => {
    const script = searchIndexScript(spec([cell('v12', [run({ stdout: '</script><script>alert(1)</script>' })])]));
    assert.ok(!script.includes('</script'));
    assert.match(script, /^\/\/ mountspec site: the search index \(generated\)\nwindow\.mountspecSearch = \[\[/);
  });
});
