// The coreutils the dialect uses (mkdir, touch, ls, cat), in the C locale:
// the syscalls each makes and its error messages.

import { AT_FDCWD, O_CREAT, O_DIRECTORY, O_WRONLY, S_IFDIR, S_IFMT } from '../../kernel/constants';
import { strerror } from '../../errno';
import { DialectError, type TranscriptLine } from '../../transcript/types';
import { defineProgram, exit, type ProgramContext, type ProgramOutcome } from '../program';

type Operands = { options: Set<string>; names: string[] };

/** The options each coreutil accepts in the dialect. */
export const COREUTILS_OPTIONS: Readonly<Record<string, readonly string[]>> = { mkdir: ['-p'], touch: [], ls: [], cat: [] };

/** Split argv into the dialect's options and the operands; anything else is a DialectError. */
export function coreutilsOperands(argv: readonly string[], place: TranscriptLine): Operands {
  const allowed = COREUTILS_OPTIONS[argv[0] ?? ''] ?? [];
  const options = new Set<string>();
  const names: string[] = [];
  for (const arg of argv.slice(1)) {
    if (arg.startsWith('-') && arg !== '-') {
      if (!allowed.includes(arg)) throw new DialectError(place, `${argv[0]} ${arg}: not an option the dialect has`);
      options.add(arg);
    } else names.push(arg);
  }
  if (argv[0] === 'cat' && names.length === 0) throw new DialectError(place, "cat with no file would read the shell's own input");
  return { options, names };
}

function missingOperand(ctx: ProgramContext): ProgramOutcome {
  ctx.err(`${ctx.argv[0]}: missing operand\nTry '${ctx.argv[0]} --help' for more information.\n`);
  return exit(1);
}

function runMkdir(ctx: ProgramContext, { options, names }: Operands): ProgramOutcome {
  if (!names.length) return missingOperand(ctx);
  let status = 0;
  for (const name of names) {
    if (options.has('-p')) {
      // mkdir -p: each prefix in turn; an existing directory is fine.
      const parts = name.split('/');
      for (let i = 1; i <= parts.length; i++) {
        const prefix = parts.slice(0, i).join('/');
        if (prefix === '' || parts[i - 1] === '') continue;
        const made = ctx.sys.mkdirat({ path: prefix });
        if (made.ok || (made.errno === 'EEXIST' && isDir(ctx, prefix))) continue;
        ctx.err(`mkdir: cannot create directory '${prefix}': ${strerror(made.ok ? 'EEXIST' : made.errno)}\n`);
        status = 1;
        break;
      }
      continue;
    }
    const made = ctx.sys.mkdirat({ path: name });
    if (!made.ok) {
      ctx.err(`mkdir: cannot create directory '${name}': ${strerror(made.errno)}\n`);
      status = 1;
    }
  }
  return exit(status);
}

function isDir(ctx: ProgramContext, name: string): boolean {
  const opened = ctx.sys.openat({ dfd: AT_FDCWD, path: name, flags: O_DIRECTORY });
  if (!opened.ok) return false;
  ctx.sys.close({ fd: opened.value });
  return true;
}

function runTouch(ctx: ProgramContext, { names }: Operands): ProgramOutcome {
  if (!names.length) return missingOperand(ctx);
  let status = 0;
  for (const name of names) {
    // open(O_WRONLY|O_CREAT) fails with EISDIR on a directory; touch then sets its times by name.
    const opened = ctx.sys.openat({ dfd: AT_FDCWD, path: name, flags: O_WRONLY | O_CREAT });
    const touched = opened.ok ? ctx.sys.close({ fd: opened.value }) : opened.errno === 'EISDIR' ? ctx.sys.utimensat({ path: name }) : opened;
    if (!touched.ok) {
      ctx.err(`touch: cannot touch '${name}': ${strerror(touched.errno)}\n`);
      status = 1;
    }
  }
  return exit(status);
}

function runLs(ctx: ProgramContext, { names }: Operands): ProgramOutcome {
  const targets = names.length ? names : ['.'];
  let status = 0;
  const files: string[] = [];
  const dirs: { name: string; entries: string[] }[] = [];
  for (const name of targets) {
    // stat first, as ls(1) does: a file that cannot be opened (an fs context's fd) is still listed.
    const st = ctx.sys.newfstatat({ dfd: AT_FDCWD, path: name, flags: 0 });
    if (!st.ok) {
      ctx.err(`ls: cannot access '${name}': ${strerror(st.errno)}\n`);
      status = 2;
      continue;
    }
    if ((st.value.st_mode & S_IFMT) !== S_IFDIR) {
      files.push(name);
      continue;
    }
    const opened = ctx.sys.openat({ dfd: AT_FDCWD, path: name, flags: O_DIRECTORY });
    const listed = opened.ok ? ctx.sys.getdents64({ fd: opened.value }) : opened;
    if (opened.ok) ctx.sys.close({ fd: opened.value });
    if (listed.ok) dirs.push({ name, entries: listed.value.sort(byteOrder) });
    else {
      ctx.err(`ls: cannot open directory '${name}': ${strerror(listed.errno)}\n`);
      status = 2;
    }
  }
  // Files first, then each directory; headers only when there is more than one thing to show.
  const many = files.length + dirs.length > 1 || (status !== 0 && dirs.length > 0 && targets.length > 1);
  const blocks: string[] = [];
  if (files.length) blocks.push(files.sort(byteOrder).map((f) => `${f}\n`).join(''));
  for (const dir of dirs.sort((a, b) => byteOrder(a.name, b.name))) {
    blocks.push(`${many ? `${dir.name}:\n` : ''}${dir.entries.map((e) => `${e}\n`).join('')}`);
  }
  ctx.out(blocks.join('\n'));
  return exit(status);
}

function runCat(ctx: ProgramContext, { names }: Operands): ProgramOutcome {
  let status = 0;
  for (const name of names) {
    const opened = ctx.sys.openat({ dfd: AT_FDCWD, path: name, flags: 0 });
    if (!opened.ok) {
      ctx.err(`cat: ${name}: ${strerror(opened.errno)}\n`);
      status = 1;
      continue;
    }
    const content = ctx.sys.read({ fd: opened.value });
    ctx.sys.close({ fd: opened.value });
    if (content.ok) ctx.out(content.value);
    else {
      ctx.err(`cat: ${name}: ${strerror(content.errno)}\n`);
      status = 1;
    }
  }
  return exit(status);
}

/** ls and sort(1) in the C locale compare bytes. */
function byteOrder(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}

const parse = coreutilsOperands;

export const mkdir = defineProgram({ name: 'mkdir', usage: ['mkdir [-p] DIR...'], summary: 'coreutils mkdir(1); `-p` makes the parents too', parse, run: runMkdir, live: { host: 'mkdir' } });
export const touch = defineProgram({ name: 'touch', usage: ['touch FILE...'], summary: 'coreutils touch(1): an empty file, or a directory\'s times', parse, run: runTouch, live: { host: 'touch' } });
export const ls = defineProgram({ name: 'ls', usage: ['ls [PATH...]'], summary: 'coreutils ls(1), names only, in byte order', parse, run: runLs, live: { host: 'ls' } });
export const cat = defineProgram({ name: 'cat', usage: ['cat FILE...'], summary: 'coreutils cat(1) (never of the shell\'s own input)', parse, run: runCat, live: { host: 'cat' } });
