import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Cell, Scenario } from './model';
import type { CommandRun, Session, StateView } from './session';
import { TreeTable } from './tree-data';
import { cellView, sharedRuns, type CellView } from './views';

const state = (mnt_count: number): StateView => ({
  mounts: [{ id: 2, parent: 1, mountpoint: '/', path: '/', root: '/', fstype: 'tmpfs', mnt_count, flags: [], ns: 'init', pin: null }],
  tasks: [],
  violations: [],
});
const run = (extra: Partial<CommandRun> = {}): CommandRun => ({ command: 'mount --bind / /mnt', status: 0, stdout: '', stderr: '', kernel: [], stuck: false, mountinfo: '', state: state(1), ...extra });
const session = (kernel: string, results: CommandRun[]): Session => ({ kernel, description: kernel, lines: results.map((r, i) => ({ command: r.command, file: 'x.feature', line: 10 + i })), results });
const cell = (kernel: string, results: CommandRun[] | null): Cell => ({
  kernel, outcome: 'passed', status: 'PASSED', ok: true, declaredFailing: false, message: null, failedStepLine: null, stepStatuses: [], session: results && session(kernel, results), logs: [],
});
const scenario: Scenario = { key: 'features/x.feature:4', uri: 'features/x.feature', line: 4, anchor: 'L4', keyword: 'Scenario', name: 'x', tags: [], description: null, steps: [], cells: [], citations: [] };

/** The cells of one scenario as its page shows them. */
function shown(runs: Record<string, CommandRun[] | null>): CellView[] {
  const trees = new TreeTable();
  return sharedRuns(Object.entries(runs).map(([k, results]) => cellView(scenario, cell(k, results), { id: k, label: k, description: null }, trees)));
}

describe('sharedRuns', () => {
  it('should show a run alike on several kernels once, on the first, and point the others to it', () => {
    const [a, b, c] = shown({ v12: [run()], mainline: [run()], other: [run({ stdout: 'x\n' })] });
    assert.equal(a!.terminal.length, 1);
    assert.equal(a!.pictures.length, 1);
    assert.deepEqual(a!.alsoOn, [{ what: 'Terminal (with kernel log)', labels: 'mainline' }, { what: 'Mount trees', labels: 'mainline, other' }]);
    assert.deepEqual(b!.terminal, []);
    assert.deepEqual(b!.pictures, []);
    assert.deepEqual(b!.sameAs, [{ what: 'Terminal (with kernel log) and mount trees', label: 'v12', href: '#L4-v12' }]);
    // Output differs: its own terminal; its trees are v12's.
    assert.equal(c!.terminal.length, 1);
    assert.deepEqual(c!.pictures, []);
    assert.deepEqual(c!.sameAs, [{ what: 'Mount trees', label: 'v12', href: '#L4-v12' }]);
  });

  it('should tell terminals apart by command, output, note and kernel log, and trees by state', () => {
    const variants: Record<string, CommandRun[]> = {
      base: [run()],
      command: [run({ command: 'mount --rbind / /mnt' })],
      stdout: [run({ stdout: 'x\n' })],
      stderr: [run({ stderr: 'x\n' })],
      status: [run({ status: 1 })],
      stuck: [run({ stuck: true })],
      kernel: [run({ kernel: ['watchdog: BUG'] })],
      longer: [run(), run()],
    };
    const cells = shown(variants);
    for (const c of cells) assert.equal(c.terminal.length > 0, true, `${c.kernel}: a terminal of its own`);
    const trees = shown({ a: [run()], b: [run({ state: state(2) })], c: [run({ state: state(2) })] });
    assert.deepEqual(trees.map((c) => c.pictures.length), [1, 1, 0]);
  });

  it('should show a modelled kernel log apart from a captured one with the same text', () => {
    const [model, live] = shown({ v12: [run({ kernel: ['BUG'] })], live: [run({ kernel: ['BUG'] })] });
    assert.equal(model!.modelled, true);
    assert.equal(live!.modelled, false);
    assert.equal(live!.terminal.length, 1);
  });

  it('should share mountinfo tables where no state was recorded', () => {
    const info = '1 0 0:1 / / rw - tmpfs tmpfs rw\n';
    const [a, b, c] = shown({ live: [run({ state: null, mountinfo: info })], live2: [run({ state: null, mountinfo: info })], live3: [run({ state: null, mountinfo: `${info}x\n` })] });
    assert.equal(a!.mountinfo.length, 1);
    assert.deepEqual(b!.mountinfo, []);
    assert.equal(c!.mountinfo.length, 1);
    // live2's terminal is a model's (its kernel is not `live`): not the same.
    assert.deepEqual(a!.alsoOn, [{ what: 'Mountinfo tables', labels: 'live2' }]);
  });

  it('should leave a cell without a session alone', () => {
    const [a, b] = shown({ v12: [run()], live: null });
    assert.deepEqual(a!.alsoOn, []);
    assert.deepEqual(b!.sameAs, []);
  });

  it('should show a run parsed once for several kernels (session.ts) as alike, a captured one apart', () => {
    const results = [run({ kernel: ['BUG'] })];
    const trees = new TreeTable();
    const shared = (k: string): Cell => ({ ...cell(k, null), session: { kernel: k, description: k, lines: [{ command: 'x', file: 'x.feature', line: 7 }], results } });
    const [a, b, live] = sharedRuns(['v12', 'mainline', 'live'].map((k) => cellView(scenario, shared(k), { id: k, label: k, description: null }, trees)));
    assert.equal(a!.terminal[0]!.line, 7);
    assert.deepEqual(b!.terminal, []);
    assert.deepEqual(b!.sameAs, [{ what: 'Terminal (with kernel log) and mount trees', label: 'v12', href: '#L4-v12' }]);
    assert.equal(live!.terminal.length, 1, 'its log is captured, not modelled');
    assert.equal(live!.modelled, false);
    assert.deepEqual(live!.sameAs, [{ what: 'Mount trees', label: 'v12', href: '#L4-v12' }]);
  });
});
