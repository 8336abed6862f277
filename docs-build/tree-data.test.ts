import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { MountView, StateView, TaskView } from './session';
import { TreeTable, type TreeData } from './tree-data';

const mount = (id: number, extra: Partial<MountView> = {}): MountView => ({
  id, parent: 1, mountpoint: '/mnt', path: '/mnt', root: '/', fstype: 'tmpfs', mnt_count: 1, flags: [], ns: 'init', pin: null, ...extra,
});
const task = (extra: Partial<TaskView> = {}): TaskView => ({ pid: 1, comm: 'sh', cwd: { mount: 2, path: '/' }, root: { mount: 2, path: '/' }, fds: [{ fd: 3, mount: 2, path: '/', needUnmount: false }], ...extra });
const state = (mounts: MountView[], tasks: TaskView[] = [task()], violations: string[] = []): StateView => ({ mounts, tasks, violations });
const data = (table: TreeTable) => JSON.parse(table.json()) as TreeData;

describe('TreeTable', () => {
  it('should give equal states (parsed apart) one index and each mount and task one tuple', () => {
    const table = new TreeTable();
    const a = table.add(state([mount(2), mount(3)]));
    const b = table.add(state([mount(2), mount(3)]));
    assert.equal(a, b);
    assert.deepEqual(data(table), {
      m: [[2, 1, '/mnt', '/mnt', '/', 'tmpfs', 1, '', 'init', null, 0, 0], [3, 1, '/mnt', '/mnt', '/', 'tmpfs', 1, '', 'init', null, 0, 0]],
      t: [[1, 'sh', [2, '/'], [2, '/'], [[3, 2, '/', 0]]]],
      s: [[[0, 1], [0], []]],
    });
  });

  it('should tell mounts apart by every field, flags one by one', () => {
    const variants: Partial<MountView>[] = [
      {}, { parent: null }, { mountpoint: null }, { path: '/x' }, { root: '/r' }, { fstype: 'proc' }, { mnt_count: 2 }, { flags: ['MNT_LOCKED'] },
      { flags: ['a b'] }, { flags: ['a', 'b'] }, { ns: null }, { shared: 1 }, { master: 1 }, { pin: { done: 1, onUnmounted: false, onPinsOf: null } },
    ];
    const table = new TreeTable();
    const indexes = variants.map((v) => table.add(state([mount(2, v)])));
    assert.equal(new Set(indexes).size, variants.length, 'one state per variant');
    assert.equal(data(table).m.length, variants.length, 'one mount per variant');
  });

  it('should take an absent peer group or master as 0, and a pin that says nothing as none', () => {
    const table = new TreeTable();
    const a = table.add(state([mount(2)]));
    assert.equal(table.add(state([mount(2, { shared: 0, master: 0 })])), a);
    assert.equal(table.add(state([mount(2, { pin: { done: 0, onUnmounted: false, onPinsOf: null } })])), a);
    assert.equal(data(table).m.length, 1);
  });

  it('should tell tasks apart by every field, fds included', () => {
    const variants: Partial<TaskView>[] = [{}, { pid: 2 }, { comm: 'bash' }, { cwd: { mount: 3, path: '/' } }, { root: { mount: 2, path: '/x' } }, { fds: [] }, { fds: [{ fd: 3, mount: 2, path: '/', needUnmount: true }] }];
    const table = new TreeTable();
    const indexes = variants.map((v) => table.add(state([mount(2)], [task(v)])));
    assert.equal(new Set(indexes).size, variants.length);
    assert.equal(data(table).t.length, variants.length);
    assert.equal(data(table).m.length, 1);
  });

  it('should tell states apart by mount order, tasks and violations', () => {
    const table = new TreeTable();
    const indexes = [
      table.add(state([mount(2), mount(3)])),
      table.add(state([mount(3), mount(2)])),
      table.add(state([mount(2), mount(3)], [])),
      table.add(state([mount(2), mount(3)], [task()], ['mount 3 is wrong'])),
      table.add(state([mount(2)], [task(), task()])),
    ];
    assert.equal(new Set(indexes).size, indexes.length);
    assert.equal(data(table).m.length, 2);
  });

  it('should be safe inside a <script> element', () => {
    const table = new TreeTable();
    table.add(state([mount(2, { path: '</script><b>' })]));
    assert.ok(!table.json().includes('<'));
    assert.equal(data(table).m[0]![3], '</script><b>');
  });
});
