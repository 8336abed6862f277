import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { boundaryViolations, userspaceFiles } from './userspace-boundary';

// A file as if it sat among the programs.
const program = join(__dirname, 'shell', 'programs', 'example.ts');

describe('the userspace boundary', () => {
  it('holds for every program, the registry and the libc helpers', () => {
    const files = userspaceFiles();
    assert.ok(files.some((f) => f.endsWith(join('programs', 'util-linux.ts'))), 'the programs are scanned');
    assert.ok(files.some((f) => f.endsWith(join('userspace', 'mountinfo.ts'))), 'engine/userspace is scanned');
    const violations = files.flatMap((file) => boundaryViolations(file, readFileSync(file, 'utf8')));
    assert.deepEqual(violations, []);
  });

  it("refuses a program that imports the kernel's insides, naming file and line", () => {
    const text = [
      "import { AT_FDCWD } from '../../kernel/constants';",
      "import { pathLookupAt } from '../../fs/namei';",
      "import type { Task } from '../../kernel/types';",
      "import { umountTree } from '../../namespace/umount-tree';",
      "import { propagateMnt } from '../../pnode/propagate-mnt';",
      "import { openat } from '../../syscalls/openat';",
      "import { ModelSession } from '../session';",
      "const kernel = require('../../kernel/kernel');",
      "export { createKernel } from '../../kernel/boot';",
      "import { readFileSync } from 'node:fs';",
    ].join('\n');
    const violations = boundaryViolations(program, text);
    assert.equal(violations.length, 9, violations.join('\n'));
    assert.match(violations[0]!, /example\.ts:2: imports "..\/..\/fs\/namei"/);
    assert.match(violations[1]!, /example\.ts:3: .*kernel\/types/);
    assert.match(violations.at(-1)!, /example\.ts:10: imports "node:fs"/);
  });

  it('lets a program import the shared constants, errnos, the syscall ABI as types, and other userspace', () => {
    const text = [
      "import { AT_FDCWD, O_CREAT } from '../../kernel/constants';",
      "import { strerror, type Errno } from '../../errno';",
      "import type { BoundSyscalls } from '../../syscalls';",
      "import type { Stat } from '../../syscalls/newfstatat';",
      "import { DialectError } from '../../transcript/types';",
      "import { parseMountinfo } from '../../userspace/mountinfo';",
      "import { defineProgram } from '../program';",
    ].join('\n');
    assert.deepEqual(boundaryViolations(program, text), []);
  });
});
