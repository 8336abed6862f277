import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { mountTreeSvg } from './mount-tree';
import type { MountView, StateView } from './session';

const mount = (id: number, parent: number | null, path: string | null, extra: Partial<MountView> = {}): MountView => ({
  id, parent, mountpoint: path, path, root: '/', fstype: 'tmpfs', mnt_count: 1, flags: [], ns: 'init', pin: null, ...extra,
});

const state: StateView = {
  mounts: [mount(2, 1, '/'), mount(4, 2, '/mnt'), mount(6, null, null, { ns: null, flags: ['MNT_UMOUNT'], mnt_count: 2, pin: { done: 1, onUnmounted: true, onPinsOf: 4 } })],
  tasks: [{ pid: 1, comm: 'bash', cwd: { mount: 2, path: '/' }, root: { mount: 2, path: '/' }, fds: [] }, { pid: 2, comm: 'sh', cwd: { mount: 6, path: '/' }, root: { mount: 2, path: '/' }, fds: [{ fd: 3, mount: 6, path: '/', needUnmount: true }] }],
  violations: ['mount 6 is MNT_UMOUNT but attached under mounted mount 4 <disconnect_mount>'],
};

describe('mount-tree', () => {
  it('should draw every mount with its id, place, fstype and mnt_count', () => {
    const svg = mountTreeSvg(state, null, 'after x');
    assert.match(svg, /^<svg class="mount-tree" viewBox="0 0 \d+ \d+"/);
    for (const text of ['#2 ', '/mnt', 'tmpfs · mnt_count 1', '#6 ', 'no mountpoint', 'mount namespace (init)', 'no namespace: unmounted']) assert.ok(svg.includes(text), `missing ${text}`);
  });

  it('should flag MNT_UMOUNT mounts and show a spent fs_pin', () => {
    const svg = mountTreeSvg(state, null, 'after x');
    assert.match(svg, /<g class="mt-mount mt-umount">/);
    assert.match(svg, /MNT_UMOUNT/);
    assert.match(svg, /fs_pin done, on unmounted, on #4's pins/);
  });

  it("should point tasks' cwd and fds at the mounts they hold", () => {
    const svg = mountTreeSvg(state, null, 'after x');
    assert.equal((svg.match(/class="mt-arrow mt-cwd"/g) ?? []).length, 2);
    assert.equal((svg.match(/class="mt-arrow mt-fd"/g) ?? []).length, 1);
    assert.match(svg, /fd 3 \/ NEED_UNMOUNT/);
  });

  it('should mark what changed since the previous command and what was freed', () => {
    const before: StateView = { ...state, mounts: [mount(2, 1, '/'), mount(5, 2, '/tmp')] };
    const svg = mountTreeSvg(state, before, 'after x');
    assert.match(svg, /<g class="mt-mount mt-added">/);
    assert.match(svg, /freed since the last command: #5/);
  });

  it('should escape text and carry a text alternative', () => {
    const svg = mountTreeSvg(state, null, 'after <evil>');
    assert.ok(!svg.includes('<evil>'));
    assert.ok(!svg.includes('<disconnect_mount>'));
    assert.match(svg, /<title>Mount tree after &#x3C;evil>: #2 \/ tmpfs mnt_count 1;/);
    assert.match(svg, /role="img"/);
  });

  it('should survive a parent cycle in a corrupt state', () => {
    const svg = mountTreeSvg({ mounts: [mount(7, 8, '/a'), mount(8, 7, '/b')], tasks: [], violations: [] }, null, 'x');
    assert.ok(svg.startsWith('<svg'));
  });
});
