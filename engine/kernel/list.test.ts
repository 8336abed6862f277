import assert from 'node:assert/strict';
import { test } from 'node:test';
import { listDel } from './list';

test('listDel takes out the first match and keeps the order of the rest', () => {
  const list = ['a', 'b', 'c', 'b'];
  assert.equal(listDel(list, 'b'), true);
  assert.deepEqual(list, ['a', 'c', 'b']);
  assert.equal(listDel(list, 'b'), true);
  assert.deepEqual(list, ['a', 'c']);
});

test('listDel of the head, the tail and the only entry', () => {
  const list = [1, 2, 3];
  listDel(list, 1);
  assert.deepEqual(list, [2, 3]);
  listDel(list, 3);
  assert.deepEqual(list, [2]);
  listDel(list, 2);
  assert.deepEqual(list, []);
});

test('listDel of an absent entry changes nothing and says so', () => {
  const list = [1, 2];
  assert.equal(listDel(list, 7), false);
  assert.deepEqual(list, [1, 2]);
});
