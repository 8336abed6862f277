// write: the rendered files into the output directory, all or nothing. The
// site is written into a fresh directory beside the target and swapped in
// only when every file is written, so a build that fails midway leaves the
// old site (and its marker) as it was. It refuses to replace anything that
// does not look like a site we wrote.

import * as fs from 'node:fs';
import path from 'node:path';
import { VFile } from 'vfile';
import { CliError } from './diagnostics';

export const MARKER = '.mountspec-site';

/** An I/O failure, said in one line: `cannot write site/x.html: EACCES`. */
export class WriteError extends CliError {
  override readonly name = 'WriteError';
}

/** The file system calls the write makes (a test replaces one to make it fail). */
export type WriteFs = Pick<typeof fs, 'mkdirSync' | 'writeFileSync' | 'renameSync' | 'rmSync' | 'existsSync' | 'readdirSync'>;

const code = (error: unknown) => (error as NodeJS.ErrnoException)?.code ?? (error instanceof Error ? error.message : String(error));

function attempt<T>(what: string, shown: string, body: () => T): T {
  try {
    return body();
  } catch (error) {
    throw new WriteError(`cannot ${what} ${shown}: ${code(error)}`);
  }
}

export function writeSite(outDir: string, files: ReadonlyMap<string, string>, io: WriteFs = fs): void {
  const out = path.resolve(outDir);
  if (io.existsSync(out) && io.readdirSync(out).length > 0 && !io.existsSync(path.join(out, MARKER))) {
    new VFile({ path: outDir }).fail(`refusing to replace ${outDir}: it is not empty and was not written by docs-build (no ${MARKER})`, { ruleId: 'out-dir', source: 'docs-build' });
  }
  // Beside the target, so the final rename stays on one file system.
  const staging = path.join(path.dirname(out), `.${path.basename(out)}.building-${process.pid}`);
  const shown = (rel: string) => path.join(outDir, rel);
  io.rmSync(staging, { recursive: true, force: true });
  try {
    attempt('create', shown(''), () => io.mkdirSync(staging, { recursive: true }));
    attempt('write', shown(MARKER), () => io.writeFileSync(path.join(staging, MARKER), 'written by docs-build; the whole directory is replaced on every build\n'));
    for (const [rel, content] of [...files].sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))) {
      const target = path.resolve(staging, rel);
      if (!target.startsWith(staging + path.sep)) throw new Error(`docs-build bug: ${rel} escapes ${outDir}`);
      attempt('write', shown(rel), () => {
        io.mkdirSync(path.dirname(target), { recursive: true });
        io.writeFileSync(target, content);
      });
    }
    swapIn(staging, out, outDir, io);
  } finally {
    io.rmSync(staging, { recursive: true, force: true });
  }
}

/** Old site aside, new one in, old one gone; if the new one cannot go in, the old one goes back. */
function swapIn(staging: string, out: string, outDir: string, io: WriteFs): void {
  const old = `${staging}-old`;
  const hadOld = io.existsSync(out);
  if (hadOld) attempt('replace', outDir, () => io.renameSync(out, old));
  try {
    attempt('replace', outDir, () => io.renameSync(staging, out));
  } catch (error) {
    if (hadOld) io.renameSync(old, out);
    throw error;
  }
  if (hadOld) io.rmSync(old, { recursive: true, force: true });
}
