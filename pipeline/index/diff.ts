// The unified diff the maintainer commands print: `git apply`-ready (a/ and b/ prefixes),
// empty when nothing changed.
import { FILE_HEADERS_ONLY, createTwoFilesPatch } from 'diff';

export function unifiedDiff(displayPath: string, before: string, after: string): string {
  if (before === after) return '';
  return createTwoFilesPatch(`a/${displayPath}`, `b/${displayPath}`, before, after, undefined, undefined, { headerOptions: FILE_HEADERS_ONLY });
}
