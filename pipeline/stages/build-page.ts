import { buildPage } from '../page.js';
import type { SeedFile } from '../seed-file.js';

export function structurePage(file: SeedFile): void {
  file.page = buildPage(file.text);
}
