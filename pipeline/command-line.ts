// What the three commands (validate, index, add) share on their command line: strict flags
// (a mistyped one is a usage error, exit 2) and --help / --version.
import { parseArgs, type ParseArgsConfig } from 'node:util';
import { UsageError, type Io } from './io.js';
import { VERSION } from './version.js';

type Options = NonNullable<ParseArgsConfig['options']>;

export function parseCommandLine<const O extends Options, const P extends boolean>(argv: string[], options: O, allowPositionals: P) {
  try {
    return parseArgs({ args: argv, options, allowPositionals, strict: true });
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\nRun with --help for the options.`);
  }
}

/** Prints the help or the version when asked for: then the command has nothing else to do. */
export function answeredHelpOrVersion(values: { help?: boolean | undefined; version?: boolean | undefined }, io: Io, help: string): boolean {
  if (values.help) io.stdout.write(help);
  else if (values.version) io.stdout.write(`${VERSION}\n`);
  else return false;
  return true;
}
