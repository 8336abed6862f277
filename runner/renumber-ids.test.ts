import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { renumberStatmountIds } from './renumber-ids';

describe('renumberStatmountIds', () => {
  it('should renumber each kind of id in order of appearance, keep 0 groups, and leave other lines alone', () => {
    const text = 'mnt_id: 2147483655\nparent_id: 2147483652\nmnt_id_old: 7\nsb_dev: 0:42\npeer_group: 0\nmaster: 3\nfs_type: tmpfs\n2147483652 /mnt\n2147483660\n';
    assert.equal(renumberStatmountIds(text), 'mnt_id: U1\nparent_id: U2\nmnt_id_old: M1\nsb_dev: D1\npeer_group: 0\nmaster: G1\nfs_type: tmpfs\nU2 /mnt\nU3\n');
  });

  it('should make two runs that differ only in ids compare equal, and runs that differ in a mount point differ', () => {
    const a = renumberStatmountIds('2147483651 /proc\n2147483652 /mnt\n');
    assert.equal(a, renumberStatmountIds('2147693850 /proc\n2147693851 /mnt\n'));
    assert.notEqual(a, renumberStatmountIds('2147693850 /proc\n2147693851 /run\n'));
  });
});
