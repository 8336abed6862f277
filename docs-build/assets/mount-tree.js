// mountspec site: draws a mount tree as SVG from the page's compact tree data
// (docs-build/tree-data.ts packs it). Mounts are boxes indented under their
// parent, one group per tree (a namespace, a detached clone, unmounted);
// tasks stand on the right with arrows from cwd, root and fds. Every label
// has its own row or column and is clipped to its box, so none overlaps
// another. A very large tree is drawn as what changed (with its ancestors);
// the rest is one click away. Used by the browser (site.js) and by node (tests).
(function (exports) {
  'use strict';

  var FONT = 12; // px, monospace: about 0.6em a character
  var CHAR = 7.3;
  var LINE = 16;
  var BOX_W = 320;
  var CHARS = Math.floor((BOX_W - 16) / CHAR);
  var INDENT = 22;
  var PAD = 10;
  var GROUP = 24;
  var GAP = 90;
  var TASK_W = 240;
  var TASK_CHARS = Math.floor((TASK_W - 20) / CHAR);
  var ITEM = 20;
  var NOTE_CHARS = 100;
  /** Above this many mounts, a tree after a change shows the change alone at first. */
  var LARGE = 24;

  // Tuples, as tree-data.ts packs them.
  // mount: [id, parent, mountpoint, path, root, fstype, mnt_count, flags, ns, pin, shared, master]
  // task:  [pid, comm, [cwdMount, cwdPath], [rootMount, rootPath], [[fd, mount, path, needUnmount], ...]]
  // state: [mount indexes, task indexes, violations]
  function unpackMount(t) {
    return { id: t[0], parent: t[1], mountpoint: t[2], path: t[3], root: t[4], fstype: t[5], count: t[6], flags: t[7] ? t[7].split(' ') : [], ns: t[8], pin: t[9], shared: t[10], master: t[11] };
  }
  function unpackTask(t) {
    return { pid: t[0], comm: t[1], cwd: { mount: t[2][0], path: t[2][1] }, root: { mount: t[3][0], path: t[3][1] }, fds: t[4].map(function (f) { return { fd: f[0], mount: f[1], path: f[2], needUnmount: f[3] === 1 }; }) };
  }
  function stateOf(data, index) {
    var s = data.s[index];
    return { mounts: s[0].map(function (i) { return unpackMount(data.m[i]); }), tasks: s[1].map(function (i) { return unpackTask(data.t[i]); }), violations: s[2] };
  }

  function esc(text) {
    return String(text).replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  }
  function clip(text, max) {
    return text.length > max ? text.slice(0, max - 1) + '…' : text;
  }
  function wrap(text, width) {
    var lines = [], line = '';
    text.split(/\s+/).forEach(function (word) {
      if (line && line.length + 1 + word.length > width) { lines.push(line); line = '  ' + word; } else line = line ? line + ' ' + word : word;
    });
    return line ? lines.concat([line]) : lines;
  }
  function el(name, attrs, body) {
    var out = '<' + name;
    Object.keys(attrs).forEach(function (k) { if (attrs[k] !== null && attrs[k] !== undefined) out += ' ' + k + '="' + esc(attrs[k]) + '"'; });
    return out + '>' + (body || '') + '</' + name + '>';
  }

  function groupName(root) {
    if (root.ns === 'init') return 'mount namespace (init)';
    if (root.ns && root.ns.indexOf('anon:') === 0) return 'anonymous namespace ' + root.ns.slice(5) + ' (detached clone)';
    var unshared = /^mnt:(\d+)(?::user:(\d+))?$/.exec(root.ns || '');
    if (unshared) return 'mount namespace ' + unshared[1] + ' (unshare -m)' + (unshared[2] ? ', owned by user namespace ' + unshared[2] : '');
    return root.flags.indexOf('MNT_UMOUNT') !== -1 ? 'no namespace: unmounted' : 'no namespace';
  }

  /** The third line: propagation as mountinfo shows it, then the other flags. */
  function propagationLine(m) {
    var parts = [];
    if (m.shared) parts.push('shared:' + m.shared);
    if (m.master) parts.push('master:' + m.master);
    var flags = m.flags.filter(function (f) { return f !== 'MNT_UMOUNT' && f !== 'MNT_SHARED'; });
    return parts.concat(flags).join(' ');
  }

  function lines(m) {
    var n = 2;
    if (propagationLine(m) || m.flags.indexOf('MNT_UMOUNT') !== -1) n++;
    if (m.pin) n++;
    return n;
  }

  function changeOf(m, before) {
    if (!before) return null;
    var b = before[m.id];
    if (!b) return 'added';
    var same = b.parent === m.parent && b.count === m.count && b.ns === m.ns && b.flags.join() === m.flags.join() && b.pin === m.pin && b.path === m.path && b.shared === m.shared && b.master === m.master;
    return same ? null : 'changed';
  }

  /** Depth-first rows, trees in id order; `keep` (ids) limits the drawing to those mounts. */
  function place(mounts, keep) {
    var ids = {}, children = {}, rows = [], groups = [], seen = {}, y = PAD;
    mounts.forEach(function (m) { ids[m.id] = true; });
    mounts.forEach(function (m) {
      if (m.parent !== null && ids[m.parent] && m.parent !== m.id) (children[m.parent] = children[m.parent] || []).push(m);
    });
    var roots = mounts.filter(function (m) { return m.parent === null || !ids[m.parent] || m.parent === m.id; });
    function walk(m, depth) {
      if (seen[m.id]) return; // a corrupt state (a cycle) must not hang the page
      seen[m.id] = true;
      if (!keep || keep[m.id]) {
        var height = lines(m) * LINE + 10;
        rows.push({ mount: m, depth: depth, y: y, height: height });
        y += height + 6;
      }
      (children[m.id] || []).slice().sort(function (a, b) { return a.id - b.id; }).forEach(function (c) { walk(c, depth + 1); });
    }
    roots.sort(function (a, b) { return a.id - b.id; }).forEach(function (root) {
      var start = rows.length;
      groups.push({ name: groupName(root), y: y });
      y += GROUP;
      walk(root, 0);
      if (rows.length === start) { groups.pop(); y -= GROUP; } else y += PAD;
    });
    return { rows: rows, groups: groups, bottom: y };
  }

  function mountBox(p, change, groupNs) {
    var m = p.mount, x = PAD + p.depth * INDENT, y = p.y;
    var where = (m.path !== null ? m.path : m.mountpoint !== null ? 'on ' + m.mountpoint : 'no mountpoint') + (m.root !== '/' ? ' (root ' + m.root + ')' : '');
    var nsNote = m.ns !== groupNs ? ' · ' + (m.ns || 'no ns') : '';
    var umount = m.flags.indexOf('MNT_UMOUNT') !== -1;
    var prop = propagationLine(m);
    var cls = ['mt-mount', umount ? 'mt-umount' : '', m.shared ? 'mt-shared' : '', m.master ? 'mt-slave' : '', change ? 'mt-' + change : ''].filter(Boolean).join(' ');
    var tag = change ? (change === 'added' ? 'new' : 'changed') : '';
    var body = el('rect', { x: x, y: y, width: BOX_W, height: p.height, rx: 5 });
    body += el('text', { x: x + 8, y: y + LINE, class: 'mt-title' }, el('tspan', { class: 'mt-id' }, esc('#' + m.id + ' ')) + el('tspan', {}, esc(clip(where, CHARS - String(m.id).length - 2 - (tag ? tag.length + 1 : 0)))));
    if (tag) body += el('text', { x: x + BOX_W - 6, y: y + LINE, class: 'mt-change', 'text-anchor': 'end' }, tag);
    body += el('text', { x: x + 8, y: y + 2 * LINE }, esc(clip(m.fstype + ' · mnt_count ' + m.count + nsNote, CHARS)));
    var row = 3;
    if (prop || umount) {
      var third = (umount ? el('tspan', { class: 'mt-flag-umount' }, 'MNT_UMOUNT' + (prop ? ' ' : '')) : '') + (prop ? el('tspan', { class: 'mt-prop' }, esc(clip(prop, CHARS - (umount ? 11 : 0)))) : '');
      body += el('text', { x: x + 8, y: y + row * LINE }, third);
      row++;
    }
    if (m.pin) body += el('text', { x: x + 8, y: y + row * LINE, class: 'mt-pin' }, esc(clip(m.pin, CHARS)));
    return el('g', { class: cls }, body);
  }

  function links(rows) {
    var at = {};
    rows.forEach(function (r) { at[r.mount.id] = r; });
    return rows.map(function (r) {
      var parent = r.mount.parent === null ? undefined : at[r.mount.parent];
      if (!parent || parent === r) return '';
      var x = PAD + parent.depth * INDENT + 10;
      return el('path', { class: 'mt-link', d: 'M' + x + ' ' + (parent.y + parent.height) + ' V' + (r.y + LINE) + ' H' + (PAD + r.depth * INDENT) });
    }).join('');
  }

  function tasksColumn(state, rows, x) {
    var at = {}, out = '', y = PAD;
    rows.forEach(function (r) { at[r.mount.id] = r; });
    var first = state.tasks[0] && state.tasks[0].root;
    state.tasks.forEach(function (t, ti) {
      // Every task's root is the same `/` in these transcripts: show it only where it differs.
      var sameRoot = ti > 0 && first && t.root.mount === first.mount && t.root.path === first.path;
      var holders = [{ label: 'cwd ' + t.cwd.path, kind: 'cwd', mount: t.cwd.mount }];
      if (!sameRoot) holders.push({ label: 'root ' + t.root.path, kind: 'root', mount: t.root.mount });
      t.fds.forEach(function (f) { holders.push({ label: 'fd ' + f.fd + ' ' + f.path + (f.needUnmount ? ' NEED_UNMOUNT' : ''), kind: 'fd', mount: f.mount }); });
      var height = GROUP + holders.length * ITEM + 4;
      out += el('g', { class: 'mt-task' }, el('rect', { x: x, y: y, width: TASK_W, height: height, rx: 5 }) + el('text', { x: x + 8, y: y + 16, class: 'mt-title' }, esc(clip('pid ' + t.pid + ' ' + t.comm, TASK_CHARS))));
      holders.forEach(function (hd, i) {
        var iy = y + GROUP + i * ITEM + ITEM / 2;
        var target = at[hd.mount];
        out += el('text', { x: x + 10, y: iy + 4, class: 'mt-holder mt-' + hd.kind }, esc(clip(target ? hd.label : hd.label + ' → #' + hd.mount, TASK_CHARS)));
        if (!target) return;
        var x2 = PAD + target.depth * INDENT + BOX_W + 2, y2 = target.y + LINE - 4, x1 = x - 2;
        out += el('path', { class: 'mt-arrow mt-' + hd.kind, d: 'M' + x1 + ' ' + iy + ' C' + (x1 - 40) + ' ' + iy + ' ' + (x2 + 40) + ' ' + y2 + ' ' + (x2 + 6) + ' ' + y2 });
        out += el('polygon', { class: 'mt-head mt-' + hd.kind, points: x2 + ',' + y2 + ' ' + (x2 + 8) + ',' + (y2 - 4) + ' ' + (x2 + 8) + ',' + (y2 + 4) });
      });
      y += height + PAD;
    });
    return { svg: out, bottom: y };
  }

  /** What a collapsed drawing keeps: changed mounts, mounts tasks hold, and their ancestors. */
  function essentials(state, prior) {
    var byId = {}, keep = {};
    state.mounts.forEach(function (m) { byId[m.id] = m; });
    function up(id) { for (var m = byId[id], guard = 0; m && !keep[m.id] && guard < 10000; m = byId[m.parent], guard++) keep[m.id] = true; }
    state.mounts.forEach(function (m) { if (changeOf(m, prior)) up(m.id); });
    state.tasks.forEach(function (t) { if (t.fds.length || t !== state.tasks[0]) { up(t.cwd.mount); t.fds.forEach(function (f) { up(f.mount); }); } });
    return keep;
  }

  function describe(state, shown, caption) {
    var mounts = shown.map(function (m) { return '#' + m.id + ' ' + (m.path || m.mountpoint || 'detached') + ' ' + m.fstype + ' mnt_count ' + m.count + (m.shared ? ' shared:' + m.shared : '') + (m.master ? ' master:' + m.master : '') + (m.flags.length ? ' ' + m.flags.join(' ') : ''); });
    var rest = state.mounts.length - shown.length;
    return 'Mount tree ' + caption + ': ' + (mounts.join('; ') || 'no mounts') + (rest > 0 ? '; and ' + rest + ' unchanged mounts' : '') + '.';
  }

  /**
   * The SVG of state `index` of `data`; `beforeIndex` (or -1) marks what changed.
   * Returns { svg, collapsed: number of mounts not drawn }. `full` draws every mount.
   */
  function draw(data, index, beforeIndex, caption, full) {
    var state = stateOf(data, index);
    var before = beforeIndex >= 0 ? stateOf(data, beforeIndex) : null;
    var prior = null;
    if (before) { prior = {}; before.mounts.forEach(function (m) { prior[m.id] = m; }); }
    var keep = !full && before && state.mounts.length > LARGE ? essentials(state, prior) : null;
    var placed = place(state.mounts, keep);
    var rows = placed.rows;
    var depth = Math.max.apply(null, [0].concat(rows.map(function (r) { return r.depth; })));
    var taskX = PAD + depth * INDENT + BOX_W + GAP;
    var tasks = tasksColumn(state, rows, taskX);
    var stillThere = {};
    state.mounts.forEach(function (m) { stillThere[m.id] = true; });
    var gone = before ? before.mounts.filter(function (m) { return !stillThere[m.id]; }).map(function (m) { return '#' + m.id; }) : [];
    var notes = [];
    var hidden = state.mounts.length - rows.length;
    if (hidden > 0) notes.push({ text: hidden + ' unchanged mounts not drawn', cls: 'mt-note' });
    if (gone.length) wrap('freed since the last command: ' + gone.join(', '), NOTE_CHARS).forEach(function (t) { notes.push({ text: t, cls: 'mt-note' }); });
    state.violations.forEach(function (v) { wrap('violation: ' + v, NOTE_CHARS).forEach(function (t) { notes.push({ text: t, cls: 'mt-violation' }); }); });
    var top = Math.max(placed.bottom, tasks.bottom);
    var height = top + notes.length * (LINE + 2) + PAD;
    var width = Math.max(taskX + TASK_W + PAD, NOTE_CHARS * CHAR + 2 * PAD);
    var groupNs = {}, current = null;
    rows.forEach(function (r) { if (r.depth === 0) current = r.mount.ns; groupNs[r.mount.id] = current; });
    var body = el('title', {}, esc(describe(state, rows.map(function (r) { return r.mount; }), caption)));
    placed.groups.forEach(function (g) { body += el('text', { x: PAD, y: g.y + 16, class: 'mt-group' }, esc(g.name)); });
    body += links(rows);
    rows.forEach(function (r) { body += mountBox(r, changeOf(r.mount, prior), groupNs[r.mount.id]); });
    body += tasks.svg;
    notes.forEach(function (n, i) { body += el('text', { x: PAD, y: top + LINE + i * (LINE + 2), class: n.cls }, esc(n.text)); });
    var svg = el('svg', { class: 'mount-tree', viewBox: '0 0 ' + width + ' ' + height, width: width, height: height, role: 'img', 'font-size': FONT, xmlns: 'http://www.w3.org/2000/svg' }, body);
    return { svg: svg, collapsed: hidden };
  }

  exports.drawMountTree = draw;
  exports.MOUNT_TREE_LARGE = LARGE;
})(typeof module === 'object' && module.exports ? module.exports : (window.mountspecTrees = {}));
