import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { KmsgReader, parseRecord } from './kmsg';

describe('kmsg', () => {
  it('should keep only the message text of a record', () => {
    assert.equal(parseRecord('6,1234,567890,-;mnt_flags=1020 umount=0\n SUBSYSTEM=x\n'), 'mnt_flags=1020 umount=0');
    assert.equal(parseRecord('4,1,2,c;tab\\x09and \\x5c\n'), 'tab\tand \\');
    assert.equal(parseRecord('garbage'), null);
  });

  it('should yield nothing when the log cannot be read', () => {
    const reader = new KmsgReader('/nonexistent/kmsg');
    assert.equal(reader.available, false);
    assert.deepEqual(reader.read(), []);
  });
});
