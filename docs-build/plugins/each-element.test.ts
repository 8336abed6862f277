import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { Element, Root } from 'hast';
import { h } from 'hastscript';
import { eachElement } from './each-element';

describe('eachElement', () => {
  it('should call on every element, parents first, with its index among all its parent\'s children', () => {
    const tree: Root = { type: 'root', children: [h('p', ['a', h('b', [h('i')])]), { type: 'text', value: 'x' }, h('pre')] };
    const seen: string[] = [];
    eachElement(tree, (node, index, parent) => seen.push(`${node.tagName}@${index} in ${parent.type === 'root' ? 'root' : parent.tagName}`));
    assert.deepEqual(seen, ['p@0 in root', 'b@1 in p', 'i@0 in b', 'pre@2 in root']);
  });

  it('should walk the children of an element replaced in its parent, not its replacement (as unist-util-visit does)', () => {
    const tree: Root = { type: 'root', children: [h('blockquote', [h('p')])] };
    const seen: string[] = [];
    eachElement(tree, (node, index, parent) => {
      seen.push(node.tagName);
      if (node.tagName === 'blockquote') parent.children[index] = h('figure', [h('figcaption')]) as Element;
    });
    assert.deepEqual(seen, ['blockquote', 'p']);
    assert.equal((tree.children[0] as Element).tagName, 'figure');
  });
});
