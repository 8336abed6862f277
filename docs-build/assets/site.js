// mountspec site: offline filters (status, kernel, tag, search), the theme
// toggle, and opening the <details> a permalink points into. No network.
(function () {
  'use strict';

  // Theme: system (prefers-color-scheme), dark or light; the button says
  // which is in force and cycles through them, remembered per browser.
  var root = document.documentElement;
  var toggle = document.querySelector('[data-theme-toggle]');
  var NEXT = { system: 'dark', dark: 'light', light: 'system' };
  function stored() { try { return localStorage.getItem('mountspec-theme'); } catch (e) { return null; } }
  function setting() { var t = root.getAttribute('data-theme'); return t === 'dark' || t === 'light' ? t : 'system'; }
  function systemDark() { return window.matchMedia && window.matchMedia('(prefers-color-scheme: dark)').matches; }
  function paint() {
    if (!toggle) return;
    var now = setting();
    toggle.textContent = 'Theme: ' + (now === 'system' ? 'system (' + (systemDark() ? 'dark' : 'light') + ')' : now);
    toggle.setAttribute('aria-label', toggle.textContent + '. Switch to ' + NEXT[now]);
  }
  if (stored() === 'dark' || stored() === 'light') root.setAttribute('data-theme', stored());
  paint();
  if (toggle) toggle.addEventListener('click', function () {
    var next = NEXT[setting()];
    if (next === 'system') root.removeAttribute('data-theme'); else root.setAttribute('data-theme', next);
    try { localStorage.setItem('mountspec-theme', next); } catch (e) { /* private mode */ }
    paint();
  });

  // Mount trees: drawn from the page's tree data (mount-tree.js) when a reader
  // opens the run that holds them, not before.
  var treeData = null;
  var dataEl = document.getElementById('mount-tree-data');
  if (dataEl && window.mountspecTrees) { try { treeData = JSON.parse(dataEl.textContent); } catch (e) { treeData = null; } }
  // The page carries only the figure, its caption and the tree's number: the
  // scroll region's focus and name are given here, when it has something to scroll.
  function drawTree(box, full) {
    var figure = box.parentElement, code = figure.querySelector('figcaption code');
    var caption = 'after ' + (code ? code.textContent.replace(/^# /, '') : '');
    box.tabIndex = 0;
    box.setAttribute('role', 'region');
    box.setAttribute('aria-label', 'Mount tree ' + figure.id.replace(/-tree$/, '') + ': ' + caption);
    var result = window.mountspecTrees.drawMountTree(treeData, Number(box.getAttribute('data-tree')), Number(box.getAttribute('data-before')), caption, full);
    box.innerHTML = result.svg;
    box.setAttribute('data-drawn', full ? 'full' : 'yes');
    if (result.collapsed > 0) {
      var more = document.createElement('button');
      more.type = 'button';
      more.className = 'tree-all';
      more.textContent = 'Show all ' + (result.collapsed + box.querySelectorAll('.mt-mount').length) + ' mounts';
      more.addEventListener('click', function () { drawTree(box, true); });
      box.appendChild(more);
    }
  }
  function drawVisible(scope) {
    if (!treeData) return;
    Array.prototype.forEach.call(scope.querySelectorAll('[data-tree]:not([data-drawn])'), function (box) {
      for (var el = box.parentElement; el; el = el.parentElement) if (el.tagName === 'DETAILS' && !el.open) return;
      drawTree(box, false);
    });
  }
  document.addEventListener('toggle', function (e) { if (e.target.open) drawVisible(e.target); }, true);
  drawVisible(document);

  // Each run's Reproduce line, from its scenario's key and its kernel: the
  // same words for every run, so a page does not carry them run by run.
  Array.prototype.forEach.call(document.querySelectorAll('details.run'), function (run) {
    var scenario = run.closest('[data-key]');
    var body = run.querySelector('.run-body');
    if (!scenario || !body) return;
    var line = document.createElement('p');
    line.className = 'reproduce';
    line.appendChild(document.createTextNode('Reproduce: '));
    line.appendChild(document.createElement('code')).textContent = 'node bin/mountspec.js reproduce ' + scenario.getAttribute('data-key') + ' --kernel ' + run.getAttribute('data-kernel');
    body.appendChild(line);
  });

  // Permalinks into closed <details>: open every ancestor of the target.
  function reveal() {
    var id = decodeURIComponent(location.hash.slice(1));
    var target = id && document.getElementById(id);
    for (var el = target; el; el = el.parentElement) if (el.tagName === 'DETAILS') el.open = true;
    if (target) target.scrollIntoView();
  }
  window.addEventListener('hashchange', reveal);
  reveal();

  // Filters: rows ([data-row]) hold cells: a matrix row its <td>s, one per
  // kernel column (class o-OUTCOME, data-ok="false" when not as claimed), a
  // scenario section its runs (details[data-kernel][data-outcome]); feature
  // groups ([data-group]) hold rows; an area's heading ([data-area-head]) precedes its groups.
  var form = document.querySelector('[data-filters]');
  if (!form) return;
  var rows = Array.prototype.slice.call(document.querySelectorAll('[data-row]'));
  // A scenario's section takes its tags and text from its row in the page's matrix (said once).
  var rowOf = {};
  rows.forEach(function (row) { if (row.tagName === 'TR') rowOf[row.getAttribute('data-key')] = row; });
  function attr(row, name) {
    var from = row.hasAttribute(name) ? row : rowOf[row.getAttribute('data-key')];
    return (from && from.getAttribute(name)) || '';
  }
  // What the search box matches before the full-text index is in: the
  // report's rows carry it (data-text); a site row is its feature's name, its
  // own name and its tags.
  function textOf(row) {
    if (row.hasAttribute('data-text')) return row.getAttribute('data-text');
    var tr = row.tagName === 'TR' ? row : rowOf[row.getAttribute('data-key')];
    if (!tr) return '';
    if (!tr.hasAttribute('data-text')) {
      var group = tr.parentNode.querySelector('tr.group th'), name = tr.querySelector('th a, th');
      tr.setAttribute('data-text', [group ? group.textContent : '', name ? name.textContent : '', tr.getAttribute('data-tags') || ''].join(' ').toLowerCase());
    }
    return tr.getAttribute('data-text');
  }
  var count = form.querySelector('[data-filter-count]');
  var fields = ['status', 'kernel', 'tag', 'q'];

  function outcomesFor(status) {
    var option = form.elements.status.querySelector('option[value="' + status + '"]');
    return ((option && option.getAttribute('data-outcomes')) || '').split(' ').filter(Boolean);
  }

  var columns = Array.prototype.map.call(document.querySelectorAll('.matrix thead th[data-kernel]'), function (th) { return th.getAttribute('data-kernel'); });
  function cellsOf(row) {
    if (row.tagName !== 'TR') return Array.prototype.slice.call(row.querySelectorAll('details[data-outcome]'));
    return Array.prototype.slice.call(row.querySelectorAll('td'));
  }
  function kernelOf(cell) { return cell.tagName === 'TD' ? columns[cell.cellIndex - 1] : cell.getAttribute('data-kernel'); }
  function outcomeOf(cell) { return cell.tagName === 'TD' ? cell.className.replace(/^o-/, '') : cell.getAttribute('data-outcome'); }
  function cellMatches(cell, status, wanted) {
    if (!status) return true;
    if (status === 'not-as-claimed') return cell.getAttribute('data-ok') === 'false';
    return wanted.indexOf(outcomeOf(cell)) !== -1;
  }

  // Full-text search: the index (search-index.js) loads when a reader first
  // types, and then a row also matches on its narrative, commands, output,
  // errno names and kernel log; the matches are listed with their context.
  var searchInput = form.elements.q, indexSrc = searchInput.getAttribute('data-search-index');
  var results = document.querySelector('[data-search-results]');
  var fullText = null, loading = false;
  function loadIndex() {
    if (fullText || loading || !indexSrc) return;
    loading = true;
    var script = document.createElement('script');
    script.src = indexSrc;
    script.onload = function () {
      fullText = {};
      (window.mountspecSearch || []).forEach(function (e) { fullText[e[2]] = e[3].toLowerCase(); });
      apply();
    };
    document.head.appendChild(script);
  }
  // A scenario matches on its own text or its feature's narrative (an entry keyed by the feature's file).
  function fullTextHas(key, q) {
    if (!fullText) return false;
    var feature = key.slice(0, key.lastIndexOf(':'));
    return (fullText[key] || '').indexOf(q) !== -1 || (fullText[feature] || '').indexOf(q) !== -1;
  }
  function snippet(text, q) {
    var at = text.toLowerCase().indexOf(q);
    var start = Math.max(0, at - 70), end = Math.min(text.length, at + q.length + 70);
    var p = document.createElement('p'), mark = document.createElement('mark');
    mark.textContent = text.slice(at, at + q.length);
    p.className = 'context';
    p.appendChild(document.createTextNode((start > 0 ? '…' : '') + text.slice(start, at).replace(/\s+/g, ' ')));
    p.appendChild(mark);
    p.appendChild(document.createTextNode(text.slice(at + q.length, end).replace(/\s+/g, ' ') + (end < text.length ? '…' : '')));
    return p;
  }
  function listMatches(q, shownKeys, rowKeys) {
    if (!results) return;
    results.textContent = '';
    if (!fullText || q.length < 2) { results.hidden = true; return; }
    var base = indexSrc.replace(/search-index\.js$/, '');
    // A scenario in this page's matrix is listed when its row is shown; a narrative, or another page's scenario, when it matches.
    var found = (window.mountspecSearch || []).filter(function (e) { return (shownKeys[e[2]] || !rowKeys[e[2]]) && e[3].toLowerCase().indexOf(q) !== -1; });
    var heading = document.createElement('h2');
    heading.textContent = found.length + (found.length === 1 ? ' place mentions' : ' places mention') + ' “' + q + '”';
    results.appendChild(heading);
    var list = document.createElement('ol');
    found.slice(0, 25).forEach(function (e) {
      var item = document.createElement('li'), link = document.createElement('a');
      link.href = base + e[0];
      link.textContent = e[1];
      item.appendChild(link);
      item.appendChild(snippet(e[3], q));
      list.appendChild(item);
    });
    results.appendChild(list);
    if (found.length > 25) { var more = document.createElement('p'); more.textContent = 'and ' + (found.length - 25) + ' more: the matrix below shows them all.'; results.appendChild(more); }
    results.hidden = false;
  }

  function apply() {
    var status = form.elements.status.value, kernel = form.elements.kernel.value;
    var tag = form.elements.tag.value, q = form.elements.q.value.trim().toLowerCase();
    if (q) loadIndex();
    var wanted = outcomesFor(status), shown = {}, all = {};
    rows.forEach(function (row) {
      all[row.getAttribute('data-key')] = true;
      var cells = cellsOf(row);
      var inKernel = cells.filter(function (c) { return !kernel || kernelOf(c) === kernel; });
      cells.forEach(function (c) { if (c.tagName === 'TD') c.hidden = Boolean(kernel) && kernelOf(c) !== kernel; });
      var ok = (!tag || (' ' + attr(row, 'data-tags') + ' ').indexOf(' ' + tag + ' ') !== -1) &&
        (!q || textOf(row).indexOf(q) !== -1 || fullTextHas(row.getAttribute('data-key'), q)) &&
        inKernel.some(function (c) { return cellMatches(c, status, wanted); });
      row.hidden = !ok;
      if (ok) shown[row.getAttribute('data-key')] = true;
    });
    // A kernel filter hides the other kernels' columns and run sections.
    Array.prototype.forEach.call(document.querySelectorAll('[data-kernel]'), function (el) {
      el.hidden = Boolean(kernel) && el.getAttribute('data-kernel') !== kernel;
    });
    Array.prototype.forEach.call(document.querySelectorAll('[data-group]'), function (group) {
      group.hidden = !group.querySelector('[data-row]:not([hidden])');
    });
    // An area's heading row goes with the last of its feature groups.
    Array.prototype.forEach.call(document.querySelectorAll('[data-area-head]'), function (head) {
      var area = head.getAttribute('data-area-head');
      head.hidden = !Array.prototype.some.call(head.parentNode.querySelectorAll('[data-group]'), function (group) {
        return !group.hidden && group.getAttribute('data-area') === area;
      });
    });
    // A feature page lists each scenario twice (matrix row, section): count keys.
    if (count) count.textContent = 'Showing ' + Object.keys(shown).length + ' of ' + Object.keys(all).length + ' scenarios';
    listMatches(q, shown, all);
    var params = [];
    fields.forEach(function (f) { var v = form.elements[f].value; if (v) params.push(f + '=' + encodeURIComponent(v)); });
    try { history.replaceState(null, '', (params.length ? '?' + params.join('&') : location.pathname) + location.hash); } catch (e) { /* file:// in some browsers */ }
  }

  // A filtered view is a permalink: ?status=failed&kernel=v12&tag=…&q=…
  location.search.slice(1).split('&').forEach(function (pair) {
    var kv = pair.split('='), name = kv[0], value = decodeURIComponent((kv[1] || '').replace(/\+/g, ' '));
    if (fields.indexOf(name) !== -1 && form.elements[name]) form.elements[name].value = value;
  });
  form.addEventListener('input', apply);
  form.addEventListener('change', apply);
  form.addEventListener('submit', function (e) { e.preventDefault(); });
  apply();
})();
