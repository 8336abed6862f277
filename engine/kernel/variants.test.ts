import assert from 'node:assert/strict';
import { test } from 'node:test';
import { inBase, makeVariant, PATCHES, VARIANTS, type PatchId } from './variants';

const ALL = Object.keys(PATCHES) as PatchId[];

test('the v6.18 base holds every upstream patch and no thread patch; v4.19 none', () => {
  for (const p of ALL) {
    assert.equal(VARIANTS.mainline.has(p), PATCHES[p].mergedIn !== null, p);
    assert.equal(VARIANTS.v12.has(p), false, p);
  }
});

test("the thread's fixes: v12-move-fix has fix A only, v12-both-fixes fix A and fix B", () => {
  assert.deepEqual(ALL.filter((p) => VARIANTS['v12-move-fix'].has(p)), ['move-refuses-umount']);
  assert.deepEqual(ALL.filter((p) => VARIANTS['v12-both-fixes'].has(p)), ['move-refuses-umount', 'dissolve-skips-umount']);
});

test('every patch names a source and a summary', () => {
  for (const p of ALL) {
    assert.ok(PATCHES[p].summary.length > 10 && PATCHES[p].source.length > 10, p);
  }
});

test('a reviewer variant: a base, patches on top, reverts of upstream patches', () => {
  const v = makeVariant({ id: 'mainline-r3', base: 'v6.18', reverts: ['children-dont-pin-parents'], description: 'mainline with R3 back' });
  assert.equal(v.has('children-dont-pin-parents'), false);
  assert.equal(v.has('unmounted-list'), true);
  assert.equal(inBase('v6.18', 'move-refuses-umount'), false);
});

test('makeVariant refuses unknown patches, reverts of what the base lacks, and missing prerequisites', () => {
  assert.throws(() => makeVariant({ id: 'x', base: 'v4.19', patches: ['no-such' as PatchId], description: '' }), /unknown patch "no-such"/);
  assert.throws(() => makeVariant({ id: 'x', base: 'v4.19', reverts: ['unmounted-list'], description: '' }), /not in v4.19/);
  assert.throws(() => makeVariant({ id: 'x', base: 'v4.19', patches: ['move-mount-split-checks'], description: '' }), /needs "anon-ns-detached-trees"/);
});
