import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { LARGE, mountTreeSvg as draw } from './mount-tree';

const mountTreeSvg = (...args: Parameters<typeof draw>) => draw(...args).svg;
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
    assert.match(svg, /^<svg class="mount-tree" viewBox="0 0 (\d+) (\d+)" width="\1" height="\2"/, 'drawn at full size');
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
    assert.match(svg, /<title>Mount tree after &lt;evil&gt;: #2 \/ tmpfs mnt_count 1;/);
    assert.match(svg, /role="img"/);
  });

  it('should survive a parent cycle in a corrupt state', () => {
    const svg = mountTreeSvg({ mounts: [mount(7, 8, '/a'), mount(8, 7, '/b')], tasks: [], violations: [] }, null, 'x');
    assert.ok(svg.startsWith('<svg'));
  });

  it('should draw peer groups and masters as mountinfo shows them, a slave as a slave', () => {
    const svg = mountTreeSvg({ mounts: [mount(2, 1, '/'), mount(4, 2, '/mnt', { shared: 1, flags: ['MNT_SHARED'] }), mount(5, 2, '/srv', { master: 1 }), mount(6, 2, '/opt', { shared: 2, master: 1, flags: ['MNT_SHARED'] })], tasks: [], violations: [] }, null, 'x');
    assert.match(svg, /<g class="mt-mount mt-shared"><rect[^>]*><\/rect><text[^>]*><tspan class="mt-id">#4 <\/tspan><tspan>\/mnt<\/tspan><\/text><text[^>]*>tmpfs · mnt_count 1<\/text><text[^>]*><tspan class="mt-prop">shared:1<\/tspan>/);
    assert.match(svg, /<g class="mt-mount mt-slave">.*?<tspan class="mt-prop">master:1<\/tspan>/);
    assert.match(svg, /<g class="mt-mount mt-shared mt-slave">.*?<tspan class="mt-prop">shared:2 master:1<\/tspan>/);
    assert.match(svg, /<title>[^<]*#5 \/srv tmpfs mnt_count 1 master:1/);
  });

  it('should draw a very large tree as what changed, with the rest one click away', () => {
    const base = [mount(2, 1, '/'), ...Array.from({ length: LARGE + 10 }, (_, i) => mount(10 + i, 2, `/m${i}`))];
    const before: StateView = { mounts: base, tasks: [], violations: [] };
    const after: StateView = { mounts: [...base, mount(99, 12, '/m2/new')], tasks: [], violations: [] };
    const small = draw(after, before, 'x');
    assert.equal(small.collapsed, base.length - 2, 'only the new mount and its ancestors');
    assert.match(small.svg, /#99 /);
    assert.match(small.svg, /#12 /);
    assert.doesNotMatch(small.svg, /#13 /);
    assert.match(small.svg, new RegExp(`${base.length - 2} unchanged mounts not drawn`));
    const full = draw(after, before, 'x', true);
    assert.equal(full.collapsed, 0);
    assert.match(full.svg, /#13 /);
    assert.equal(draw(after, null, 'x').collapsed, 0, 'the first picture is whole');
  });

  it('should keep every label inside its box: one row or column each, clipped to fit', () => {
    const long = '/a'.repeat(80);
    const { svg } = draw({ mounts: [mount(2, 1, '/'), mount(4, 2, long, { shared: 12345, master: 67890, flags: ['MNT_SHARED', 'MNT_NOSUID', 'MNT_NODEV', 'MNT_NOEXEC', 'MNT_READONLY'] })], tasks: [{ pid: 1, comm: 'bash', cwd: { mount: 4, path: long }, root: { mount: 2, path: '/' }, fds: [{ fd: 3, mount: 4, path: long, needUnmount: true }] }], violations: [] }, null, 'x');
    // The text of each <text> line, tags removed: none is longer than its box holds.
    const lines = [...svg.matchAll(/<text[^>]*>(.*?)<\/text>/g)].map((m) => m[1]!.replace(/<[^>]+>/g, '').replace(/&[a-z]+;/g, '_'));
    for (const line of lines) assert.ok(line.length <= 42, `too long for its box: ${line}`);
    assert.ok(lines.some((l) => l.endsWith('…')), 'clipped with an ellipsis');
  });
});
