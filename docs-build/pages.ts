// render, part two: every page of the site as path → text. Same Spec in,
// same bytes out: no clock, no random ids, everything in a fixed order.

import { readFileSync } from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import type { Templates } from './handlebars';
import type { Feature, Spec } from './model';
import { LEGEND } from './outcomes';
import { searchIndexScript } from './search-index';
import { isStory, storiesView, storyCells } from './stories';
import { TreeTable } from './tree-data';
import { areasView, citationSources, citationView, countsView, filtersView, matrixView, narrativeHtml, rootOf, scenarioView } from './views';

export const ASSETS = path.join(__dirname, 'assets');
const ASSET_FILES = ['site.css', 'site.js', 'mount-tree.js', 'favicon.svg'];

function pageContext(spec: Spec, page: string, title: string, current: 'index' | 'citations' | null, trees: TreeTable | null = null) {
  const root = rootOf(page);
  return {
    title,
    root,
    home: `${root}index.html`,
    kernels: spec.kernels,
    inline: null,
    trees: trees?.size ? new Handlebars.SafeString(trees.json()) : null,
    nav: [
      { href: `${root}index.html#matrix`, text: 'Matrix', current: current === 'index' },
      { href: `${root}citations.html`, text: 'Citations', current: current === 'citations' },
    ],
  };
}

function matrixFor(spec: Spec, features: readonly Feature[], root: string) {
  return { ...matrixView(spec, features, root, (f, s, k) => `${root}${f.page}#${s.anchor}-${k}`), columns: spec.kernels.length + 1 };
}

/** The run's facts as the index lists them. */
function runFacts(spec: Spec) {
  const r = spec.run;
  return [
    { name: 'Run', value: r.date },
    { name: 'Commit', value: r.commit },
    { name: 'Kernel build (live)', value: r.kernelBuild },
    { name: 'node', value: r.node },
    { name: 'cucumber-js', value: r.cucumber },
    { name: 'util-linux', value: r.utilLinux },
  ];
}

export function renderIndex(spec: Spec, templates: Templates): string {
  return templates.render('index', {
    page: pageContext(spec, 'index.html', 'mountspec: the Linux mount API, specified and run', 'index'),
    counts: countsView(spec),
    stories: storiesView(spec),
    legend: LEGEND,
    run: runFacts(spec),
    areas: areasView(spec),
    filters: filtersView(spec),
    matrix: matrixFor(spec, spec.features, ''),
  });
}

export function renderFeature(spec: Spec, feature: Feature, templates: Templates): string {
  const root = rootOf(feature.page);
  const trees = new TreeTable();
  const scenarios = feature.scenarios.map((s) => scenarioView(spec, feature, s, root, trees));
  // Within its own page, a scenario's cells link to the sections below.
  const matrix = { ...matrixView(spec, [feature], root, (_f, s, k) => `#${s.anchor}-${k}`), columns: spec.kernels.length + 1 };
  return templates.render('feature', {
    page: pageContext(spec, feature.page, `${feature.name} · mountspec`, null, trees),
    filters: filtersView({ ...spec, features: [feature] }),
    matrix,
    feature: {
      uri: feature.uri,
      keyword: feature.keyword,
      name: feature.name,
      tags: feature.tags,
      narrative: feature.narrative ? narrativeHtml(feature.narrative, spec, root) : null,
      summary: isStory(feature) ? storyCells(spec, feature, '', true) : [],
      scenarios,
    },
  });
}

export function renderCitations(spec: Spec, templates: Templates): string {
  const sources = citationSources(spec.citations);
  return templates.render('citations', {
    page: pageContext(spec, 'citations.html', 'Citations · mountspec', 'citations'),
    sources,
    citations: spec.citations.map((c) => citationView(c, '')),
  });
}

/**
 * A page as one flat string. Handlebars and our helpers build a page from
 * thousands of pieces, which V8 keeps as a tree of joined strings (a rope)
 * until something reads the characters; a rope kept until the write is
 * copied, node by node, by every young-generation GC of the build (half the
 * render's time went there). Reading a character makes V8 flatten it, and
 * the pieces die young.
 */
function flat(text: string): string {
  text.charCodeAt(0);
  return text;
}

/** Every file of the site, by path relative to its root. */
export function renderSite(spec: Spec, templates: Templates): Map<string, string> {
  const files = new Map<string, string>();
  files.set('index.html', flat(renderIndex(spec, templates)));
  files.set('citations.html', flat(renderCitations(spec, templates)));
  for (const feature of spec.features) files.set(feature.page, flat(renderFeature(spec, feature, templates)));
  files.set('search-index.js', searchIndexScript(spec));
  for (const asset of ASSET_FILES) files.set(`assets/${asset}`, readFileSync(path.join(ASSETS, asset), 'utf8'));
  return files;
}

/** The stylesheet and script, for pages that must stand alone (the report). */
export function inlineAssets() {
  return {
    css: new Handlebars.SafeString(readFileSync(path.join(ASSETS, 'site.css'), 'utf8')),
    // `</script` cannot occur in our own script, but make sure.
    js: new Handlebars.SafeString(['mount-tree.js', 'site.js'].map((f) => readFileSync(path.join(ASSETS, f), 'utf8')).join('\n').replace(/<\/script/gi, '<\\/script')),
  };
}
