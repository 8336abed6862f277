// Progress lines go to stderr: the bench takes minutes, and stdout keeps only the table.

export function progress(message: string): void {
  process.stderr.write(`bench: ${message}\n`);
}
