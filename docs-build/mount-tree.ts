// The mount tree after one command, drawn as inline SVG from the state the
// run recorded (engine/observe/snapshot.ts's StateView): nothing here
// recomputes kernel state. Mounts are boxes indented under their parent,
// grouped by tree (the namespace, or a detached clone); tasks stand on the
// right with arrows from their cwd, root and fds to the mounts they hold.
// Built as hast (hastscript) so every string is escaped by the serializer.

import type { Element, ElementContent } from 'hast';
import { toHtml } from 'hast-util-to-html';
import { s } from 'hastscript';
import type { MountView, StateView } from './session';

const ROW = 46; // a mount box with two lines
const PIN_ROW = 14; // the fs_pin line, when there is one
const BOX_W = 250;
const INDENT = 22;
const PAD = 10;
const GROUP = 22; // a tree's heading
const GAP = 90; // room for the arrows
const TASK_W = 200;
const ITEM = 20;
const CHARS = 34; // what fits on a box's line (11px monospace)
const NOTE_CHARS = 88; // what fits on a note line under the picture

/** Splits a note into lines that fit under the picture. */
function wrap(text: string, width = NOTE_CHARS): string[] {
  const lines: string[] = [];
  let line = '';
  for (const word of text.split(/\s+/)) {
    if (line && line.length + 1 + word.length > width) {
      lines.push(line);
      line = `  ${word}`;
    } else line = line ? `${line} ${word}` : word;
  }
  return line ? [...lines, line] : lines;
}

function clip(text: string, max = CHARS): string {
  return text.length > max ? `${text.slice(0, max - 1)}…` : text;
}

/** The pin line (≤ 5.2 fs_pin), only when it says more than "armed, on no list". */
function pinLine(m: MountView): string | null {
  if (!m.pin || (m.pin.done === 0 && !m.pin.onUnmounted && m.pin.onPinsOf === null)) return null;
  const state = m.pin.done === 1 ? 'done' : m.pin.done === -1 ? 'being killed' : 'armed';
  const lists = [m.pin.onUnmounted ? 'on unmounted' : null, m.pin.onPinsOf !== null ? `on #${m.pin.onPinsOf}'s pins` : null].filter(Boolean);
  return `fs_pin ${state}${lists.length ? `, ${lists.join(', ')}` : ''}`;
}

function groupName(root: MountView): string {
  if (root.ns === 'init') return 'mount namespace (init)';
  if (root.ns?.startsWith('anon:')) return `anonymous namespace ${root.ns.slice(5)} (detached clone)`;
  const unshared = /^mnt:(\d+)(?::user:(\d+))?$/.exec(root.ns ?? '');
  if (unshared) return `mount namespace ${unshared[1]} (unshare -m)${unshared[2] ? `, owned by user namespace ${unshared[2]}` : ''}`;
  return root.flags.includes('MNT_UMOUNT') ? 'no namespace: unmounted' : 'no namespace';
}

interface Placed {
  readonly mount: MountView;
  readonly depth: number;
  readonly y: number;
  readonly height: number;
}

/** Depth-first rows of every tree, with y positions; trees in id order. */
function place(mounts: readonly MountView[]): { rows: Placed[]; groups: { name: string; y: number }[]; bottom: number } {
  const ids = new Set(mounts.map((m) => m.id));
  const children = new Map<number, MountView[]>();
  for (const m of mounts) if (m.parent !== null && ids.has(m.parent) && m.parent !== m.id) children.set(m.parent, [...(children.get(m.parent) ?? []), m]);
  const roots = mounts.filter((m) => m.parent === null || !ids.has(m.parent) || m.parent === m.id);
  const rows: Placed[] = [];
  const groups: { name: string; y: number }[] = [];
  const seen = new Set<number>(); // a corrupt state (a cycle) must not hang the build
  let y = PAD;
  const walk = (m: MountView, depth: number) => {
    if (seen.has(m.id)) return;
    seen.add(m.id);
    const height = ROW + (pinLine(m) ? PIN_ROW : 0);
    rows.push({ mount: m, depth, y, height });
    y += height;
    for (const c of [...(children.get(m.id) ?? [])].sort((a, b) => a.id - b.id)) walk(c, depth + 1);
  };
  for (const root of [...roots].sort((a, b) => a.id - b.id)) {
    groups.push({ name: groupName(root), y });
    y += GROUP;
    walk(root, 0);
    y += PAD;
  }
  return { rows, groups, bottom: y };
}

type Change = 'added' | 'changed' | null;

function changeOf(m: MountView, before: ReadonlyMap<number, MountView> | null): Change {
  if (!before) return null;
  const b = before.get(m.id);
  if (!b) return 'added';
  const same = b.parent === m.parent && b.mnt_count === m.mnt_count && b.ns === m.ns && b.flags.join() === m.flags.join() && pinLine(b) === pinLine(m) && b.path === m.path;
  return same ? null : 'changed';
}

function mountBox(p: Placed, change: Change, groupNs: string | null): Element {
  const m = p.mount;
  const x = PAD + p.depth * INDENT;
  const where = `${m.path ?? (m.mountpoint !== null ? `on ${m.mountpoint}` : 'no mountpoint')}${m.root !== '/' ? ` (root ${m.root})` : ''}`;
  const nsNote = m.ns !== groupNs ? ` · ${m.ns ?? 'no ns'}` : '';
  const pin = pinLine(m);
  const umount = m.flags.includes('MNT_UMOUNT');
  const others = m.flags.filter((f) => f !== 'MNT_UMOUNT');
  const line2: ElementContent[] = [s('tspan', clip(`${m.fstype} · mnt_count ${m.mnt_count}${nsNote}`, umount ? CHARS - 11 : CHARS))];
  if (umount) line2.push(s('tspan', { class: 'mt-flag-umount' }, ' MNT_UMOUNT'));
  if (others.length) line2.push(s('tspan', { class: 'mt-flag' }, ` ${clip(others.join(' '), 16)}`));
  const classes = ['mt-mount', umount ? 'mt-umount' : '', change ? `mt-${change}` : ''].filter(Boolean).join(' ');
  return s('g', { class: classes }, [
    s('rect', { x, y: p.y, width: BOX_W, height: p.height - 6, rx: 5 }),
    s('text', { x: x + 8, y: p.y + 16, class: 'mt-title' }, [s('tspan', { class: 'mt-id' }, `#${m.id} `), s('tspan', clip(where, CHARS - 5))]),
    s('text', { x: x + 8, y: p.y + 32 }, line2),
    ...(pin ? [s('text', { x: x + 8, y: p.y + 46, class: 'mt-pin' }, clip(pin, CHARS + 8))] : []),
    ...(change ? [s('text', { x: x + BOX_W - 6, y: p.y + 16, class: 'mt-change', 'text-anchor': 'end' }, change === 'added' ? 'new' : 'changed')] : []),
  ]);
}

/** Tree lines from each parent to its children's boxes. */
function links(rows: readonly Placed[]): Element[] {
  const at = new Map(rows.map((r) => [r.mount.id, r]));
  return rows.flatMap((r) => {
    const parent = r.mount.parent === null ? undefined : at.get(r.mount.parent);
    if (!parent || parent === r) return [];
    const x = PAD + parent.depth * INDENT + 10;
    const y2 = r.y + (ROW - 6) / 2;
    return [s('path', { class: 'mt-link', d: `M${x} ${parent.y + parent.height - 6} V${y2} H${PAD + r.depth * INDENT}` })];
  });
}

interface Holder {
  readonly label: string;
  readonly kind: 'cwd' | 'root' | 'fd';
  readonly mount: number;
}

function tasksColumn(state: StateView, rows: readonly Placed[], x: number): { nodes: Element[]; bottom: number } {
  const at = new Map(rows.map((r) => [r.mount.id, r]));
  const firstRoot = state.tasks[0]?.root;
  const nodes: Element[] = [];
  let y = PAD;
  for (const t of state.tasks) {
    // Every task's root is the same `/` in these transcripts: show it only where it differs.
    const sameRoot = firstRoot !== undefined && t.root.mount === firstRoot.mount && t.root.path === firstRoot.path && t !== state.tasks[0];
    const holders: Holder[] = [
      { label: `cwd ${t.cwd.path}`, kind: 'cwd', mount: t.cwd.mount },
      ...(sameRoot ? [] : [{ label: `root ${t.root.path}`, kind: 'root' as const, mount: t.root.mount }]),
      ...t.fds.map((f): Holder => ({ label: `fd ${f.fd} ${f.path}${f.needUnmount ? ' NEED_UNMOUNT' : ''}`, kind: 'fd', mount: f.mount })),
    ];
    const height = GROUP + holders.length * ITEM + 4;
    nodes.push(s('g', { class: 'mt-task' }, [s('rect', { x, y, width: TASK_W, height, rx: 5 }), s('text', { x: x + 8, y: y + 15, class: 'mt-title' }, clip(`pid ${t.pid} ${t.comm}`, 20))]));
    holders.forEach((hd, i) => {
      const iy = y + GROUP + i * ITEM + ITEM / 2;
      const target = at.get(hd.mount);
      nodes.push(s('text', { x: x + 10, y: iy + 4, class: `mt-holder mt-${hd.kind}` }, clip(target ? hd.label : `${hd.label} → #${hd.mount}`, 28)));
      if (!target) return;
      const x2 = PAD + target.depth * INDENT + BOX_W + 2;
      const y2 = target.y + (ROW - 6) / 2;
      const x1 = x - 2;
      nodes.push(
        s('path', { class: `mt-arrow mt-${hd.kind}`, d: `M${x1} ${iy} C${x1 - 40} ${iy} ${x2 + 40} ${y2} ${x2 + 6} ${y2}` }),
        s('polygon', { class: `mt-head mt-${hd.kind}`, points: `${x2},${y2} ${x2 + 8},${y2 - 4} ${x2 + 8},${y2 + 4}` }),
      );
    });
    y += height + PAD;
  }
  return { nodes, bottom: y };
}

/** A one-paragraph text alternative for screen readers. */
function describe(state: StateView, caption: string): string {
  const mounts = state.mounts.map((m) => `#${m.id} ${m.path ?? m.mountpoint ?? 'detached'} ${m.fstype} mnt_count ${m.mnt_count}${m.flags.length ? ` ${m.flags.join(' ')}` : ''}`);
  return `Mount tree ${caption}: ${mounts.join('; ') || 'no mounts'}.`;
}

/** Draws `state`; `before` (the previous command's state) marks what changed. */
export function mountTree(state: StateView, before: StateView | null, caption: string): Element {
  const { rows, groups, bottom } = place(state.mounts);
  const prior = before ? new Map(before.mounts.map((m) => [m.id, m])) : null;
  const depth = Math.max(0, ...rows.map((r) => r.depth));
  const taskX = PAD + depth * INDENT + BOX_W + GAP;
  const tasks = tasksColumn(state, rows, taskX);
  const gone = before ? before.mounts.filter((m) => !state.mounts.some((n) => n.id === m.id)).map((m) => `#${m.id}`) : [];
  const notes = [
    ...(gone.length ? [{ text: `freed since the last command: ${gone.join(', ')}`, cls: 'mt-note' }] : []),
    ...state.violations.flatMap((v) => wrap(`violation: ${v}`).map((text) => ({ text, cls: 'mt-violation' }))),
  ];
  const top = Math.max(bottom, tasks.bottom);
  const height = top + notes.length * 16 + PAD;
  const width = taskX + TASK_W + PAD;
  const groupNs = new Map<number, string | null>();
  let currentNs: string | null = null;
  for (const r of rows) {
    if (r.depth === 0) currentNs = r.mount.ns;
    groupNs.set(r.mount.id, currentNs);
  }
  return s('svg', { class: 'mount-tree', viewBox: `0 0 ${width} ${height}`, width, height, role: 'img', xmlns: 'http://www.w3.org/2000/svg' }, [
    s('title', describe(state, caption)),
    ...groups.map((g) => s('text', { x: PAD, y: g.y + 14, class: 'mt-group' }, g.name)),
    ...links(rows),
    ...rows.map((r) => mountBox(r, changeOf(r.mount, prior), groupNs.get(r.mount.id) ?? null)),
    ...tasks.nodes,
    ...notes.map((n, i) => s('text', { x: PAD, y: top + 12 + i * 16, class: n.cls }, n.text)),
  ]);
}

// Many runs draw the same state (every scenario starts from the same mounts):
// drawing is pure, so each distinct picture is drawn once per process.
const drawn = new Map<string, string>();
const MAX_DRAWN = 10_000;

export function mountTreeSvg(state: StateView, before: StateView | null, caption: string): string {
  const key = JSON.stringify([state, before, caption]);
  let svg = drawn.get(key);
  if (svg === undefined) {
    svg = toHtml(mountTree(state, before, caption), { space: 'svg' });
    if (drawn.size >= MAX_DRAWN) drawn.clear();
    drawn.set(key, svg);
  }
  return svg;
}
