// Puts the front-end assets where the Spring Boot jar picks them up (app/target/classes).
import { cpSync, mkdirSync, readdirSync, existsSync } from 'node:fs';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const here = dirname(fileURLToPath(import.meta.url));
const frontend = resolve(here, '..');
const classes = resolve(frontend, '../../../target/classes');

// Noto Sans JP (SIL Open Font License 1.1): server-side rendering of Japanese text
// (rich menu images, documents) never depends on a system font.
const fontPackage = join(frontend, 'node_modules/@expo-google-fonts/noto-sans-jp');
const fontsOut = join(classes, 'fonts');
mkdirSync(fontsOut, { recursive: true });
const wanted = ['NotoSansJP_400Regular.ttf', 'NotoSansJP_700Bold.ttf'];
for (const name of wanted) {
  const found = findFile(fontPackage, name);
  if (!found) {
    throw new Error(`${name} not found in @expo-google-fonts/noto-sans-jp`);
  }
  cpSync(found, join(fontsOut, name));
}
for (const licence of ['LICENSE', 'LICENSE_FONT']) {
  const found = findFile(fontPackage, licence);
  if (found) cpSync(found, join(fontsOut, 'NotoSansJP-' + licence));
}
console.log('fonts ->', fontsOut);

function findFile(dir, name) {
  if (!existsSync(dir)) return null;
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isFile() && entry.name === name) return path;
    if (entry.isDirectory()) {
      const found = findFile(path, name);
      if (found) return found;
    }
  }
  return null;
}
