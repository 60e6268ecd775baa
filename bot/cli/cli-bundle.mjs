// A prebuilt JavaScript bundle of the CLI, so a command starts without compiling TypeScript on the fly.
// Loading ~150 TypeScript files through tsx's loader costs more at start than everything the
// front door then does before its first answer; one esbuild bundle (only our code: the packages stay
// in node_modules) loads in a fraction of that. The bundle is rebuilt whenever a source file changes
// (its name is a digest of every source file's path, size and modification time), so there is no
// build step to remember and no stale code to run. Anything that goes wrong here only costs speed:
// the caller falls back to tsx, which also reports a source error better than a bundler would.
import { createHash } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync } from 'node:fs';
import { createRequire } from 'node:module';
import { join, relative } from 'node:path';
import { fileURLToPath, pathToFileURL } from 'node:url';
import { commandNames } from './command-files.mjs';

const ROOT = fileURLToPath(new URL('../../', import.meta.url));
const SOURCE_DIRS = ['bot', 'dialogs', 'knowledge'];
// Inside node_modules so the bundle's bare imports (zod, luxon…) resolve to the project's packages.
const CACHE_DIR = join(ROOT, 'node_modules', '.cache', 'frontdoor-cli');
const COMMANDS_DIR = join(ROOT, 'bot', 'cli', 'commands');
const STALE_AFTER_MS = 60 * 60 * 1000;

function sourceFiles(dir, found = []) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) sourceFiles(path, found);
    else if (/\.(ts|mjs)$/.test(entry.name)) found.push(path);
  }
  return found;
}

/** Digest of the sources under `root` the bundle is made from, and of the bundler that makes it. */
export function stamp(esbuildVersion, root = ROOT) {
  const hash = createHash('sha256').update(`esbuild ${esbuildVersion}\n`);
  const files = SOURCE_DIRS.flatMap((d) => (existsSync(join(root, d)) ? sourceFiles(join(root, d)) : [])).sort();
  for (const file of files) {
    const s = statSync(file);
    hash.update(`${relative(root, file)}\0${s.size}\0${s.mtimeMs}\n`);
  }
  return hash.digest('hex').slice(0, 16);
}

/** The entry: main() and one lazy loader per command, so a command's code (and packages) load only when it runs. */
function entrySource() {
  const loaders = commandNames(COMMANDS_DIR).map((n) => `  ${JSON.stringify(n)}: () => import(${JSON.stringify(join(COMMANDS_DIR, `${n}.ts`))}),`);
  return `export { main } from ${JSON.stringify(join(ROOT, 'bot', 'cli', 'main.ts'))};\nexport const commands = {\n${loaders.join('\n')}\n};\n`;
}

async function build(esbuild, outDir) {
  const tmp = `${outDir}.${process.pid}.tmp`;
  rmSync(tmp, { recursive: true, force: true });
  await esbuild.build({
    entryPoints: { entry: 'frontdoor-cli-entry' },
    bundle: true,
    splitting: true,
    format: 'esm',
    platform: 'node',
    target: 'node20',
    packages: 'external',
    outdir: tmp,
    outExtension: { '.js': '.mjs' },
    logLevel: 'silent',
    plugins: [
      {
        name: 'frontdoor',
        setup(b) {
          b.onResolve({ filter: /^frontdoor-cli-entry$/ }, () => ({ path: 'entry', namespace: 'frontdoor' }));
          b.onLoad({ filter: /.*/, namespace: 'frontdoor' }, () => ({ contents: entrySource(), loader: 'js', resolveDir: ROOT }));
          // Files find their data next to themselves (new URL('../data', import.meta.url)): keep each
          // module's own URL rather than the bundle's.
          b.onLoad({ filter: /\.ts$/ }, (args) => ({
            contents: readFileSync(args.path, 'utf8').replaceAll('import.meta.url', JSON.stringify(pathToFileURL(args.path).href)),
            loader: 'ts',
          }));
        },
      },
    ],
  });
  try {
    renameSync(tmp, outDir);
  } catch {
    // Another process built the same sources first: theirs is as good as ours.
    rmSync(tmp, { recursive: true, force: true });
  }
}

/**
 * The CLI from the bundle of the current sources, building it first when the sources changed.
 * Returns `{ main, commands }`, or null when there is no bundle to be had (then use tsx).
 */
export async function loadBundledCli() {
  if (process.env.FRONTDOOR_NO_BUNDLE === '1') return null;
  try {
    // The version from its package.json: loading esbuild itself is only needed to build.
    const { version } = createRequire(import.meta.url)('esbuild/package.json');
    const outDir = join(CACHE_DIR, stamp(version));
    if (!existsSync(join(outDir, 'entry.mjs'))) {
      const esbuild = await import('esbuild');
      mkdirSync(CACHE_DIR, { recursive: true });
      // Bundles of older sources, once no process started from them can still be loading a command.
      for (const old of readdirSync(CACHE_DIR)) {
        const path = join(CACHE_DIR, old);
        if (Date.now() - statSync(path).mtimeMs > STALE_AFTER_MS) rmSync(path, { recursive: true, force: true });
      }
      await build(esbuild, outDir);
    }
    return await import(pathToFileURL(join(outDir, 'entry.mjs')).href);
  } catch {
    return null;
  }
}
