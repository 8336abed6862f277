import { When } from '@cucumber/cucumber';
import { BackendUnavailable } from '../engine/transcript/types';
import { transcriptOfStep } from './support/transcript';
import { backendFor } from './support/backend';
import type { MountspecWorld } from './world';

/** The media type of the attachment that carries a run's results, for the docs build. */
export const SESSION_MEDIA_TYPE = 'application/vnd.mountspec.session+json';

When('the shell session runs:', async function (this: MountspecWorld, transcript: string) {
  const place = this.docStringPlace ?? { file: '<feature>', line: 0 };
  // Before any backend: a transcript that runs nothing is an error on every kernel, the live one included.
  this.lines = transcriptOfStep(transcript, place);
  const backend = await backendFor(this.kernel);
  if (backend instanceof BackendUnavailable) {
    this.log(`skipped: ${backend.message}`);
    return 'skipped';
  }
  this.results = await backend.run(this.lines);
  await this.attach(JSON.stringify({ kernel: backend.id, description: backend.description, lines: this.lines, results: this.results }), SESSION_MEDIA_TYPE);
  return undefined;
});
