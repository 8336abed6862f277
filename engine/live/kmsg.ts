import { closeSync, constants, openSync, readSync } from 'node:fs';

// Reads the kernel log through /dev/kmsg: each read() returns one record,
// `pri,seq,ts,flags;message\n` plus ` KEY=value` continuation lines. A
// reader starts at the oldest record, so we skip to the end once and then
// only ever see what was logged after.

const RECORD_MAX = 16 * 1024;

export class KmsgReader {
  private fd: number | null;
  private readonly buffer = Buffer.alloc(RECORD_MAX);

  /** Opens /dev/kmsg and skips what is already logged; unreadable kmsg just yields nothing. */
  constructor(path = '/dev/kmsg') {
    try {
      this.fd = openSync(path, constants.O_RDONLY | constants.O_NONBLOCK);
    } catch {
      this.fd = null;
    }
    this.read();
  }

  get available(): boolean {
    return this.fd !== null;
  }

  /** Message texts logged since the previous call (or since construction). */
  read(): string[] {
    const messages: string[] = [];
    while (this.fd !== null) {
      let length: number;
      try {
        length = readSync(this.fd, this.buffer, 0, this.buffer.length, null);
      } catch (error) {
        const code = (error as NodeJS.ErrnoException).code;
        if (code === 'EPIPE') continue; // records were overwritten before we read them: go on from the oldest left
        if (code !== 'EAGAIN') this.close();
        break;
      }
      if (length === 0) break;
      const message = parseRecord(this.buffer.toString('utf8', 0, length));
      if (message !== null) messages.push(message);
    }
    return messages;
  }

  close(): void {
    if (this.fd === null) return;
    closeSync(this.fd);
    this.fd = null;
  }
}

/** The message text of one record, with the `\xNN` escapes kmsg uses for unprintable bytes decoded. */
export function parseRecord(record: string): string | null {
  const start = record.indexOf(';');
  if (start < 0) return null;
  const end = record.indexOf('\n', start);
  const text = record.slice(start + 1, end < 0 ? undefined : end);
  return text.replace(/\\x([0-9a-fA-F]{2})/g, (_, hex: string) => String.fromCharCode(parseInt(hex, 16)));
}
