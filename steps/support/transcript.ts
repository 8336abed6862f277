// A step's transcript: its "# " lines, or an error naming the feature file
// and line when it has none, on every kernel (a scenario that runs nothing
// would otherwise pass, and claim what it never checked).

import { parseTranscript } from '../../engine/transcript/parse';
import { DialectError, type TranscriptLine } from '../../engine/transcript/types';

/** `place` is the docstring's opening line; its text starts on the next. */
export function transcriptOfStep(transcript: string, place: { readonly file: string; readonly line: number }): TranscriptLine[] {
  const lines = parseTranscript(transcript, place.file, place.line + 1);
  if (lines.length === 0) throw new DialectError(place, 'the transcript runs nothing: it has no "# " command line');
  return lines;
}
