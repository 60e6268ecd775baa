import type { Readable, Writable } from 'node:stream';

/** A terminal's input: a Readable that may be a TTY with a raw mode. */
export type TerminalInput = Readable & { readonly isTTY?: boolean; setRawMode?: (raw: boolean) => unknown };

export function isTerminal(input: Readable): boolean {
  return (input as TerminalInput).isTTY === true;
}

/**
 * Asks for a password on a terminal without echoing it: the prompt goes to `output` (stderr, so
 * stdout stays clean), keys are read in raw mode until Enter. Backspace deletes; Ctrl-C, Ctrl-D or
 * the end of input give undefined.
 */
export function askHidden(input: TerminalInput, output: Writable, prompt: string): Promise<string | undefined> {
  output.write(prompt);
  input.setRawMode?.(true);
  input.setEncoding('utf8');
  input.resume();
  return new Promise((resolve) => {
    let value = '';
    const finish = (result: string | undefined): void => {
      input.off('data', onData);
      input.off('end', onEnd);
      input.setRawMode?.(false);
      input.pause();
      output.write('\n');
      resolve(result);
    };
    const onEnd = (): void => finish(undefined);
    const onData = (chunk: string): void => {
      for (const ch of chunk) {
        if (ch === '\r' || ch === '\n') return finish(value);
        if (ch === '\u0003' || ch === '\u0004') return finish(undefined);
        if (ch === '\u007f' || ch === '\b') value = [...value].slice(0, -1).join('');
        else value += ch;
      }
    };
    input.on('data', onData);
    input.on('end', onEnd);
  });
}
