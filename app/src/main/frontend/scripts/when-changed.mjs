// Runs one build step only when its inputs changed since the step last succeeded, so that
// `./mvnw -pl app spring-boot:run` does not reinstall, rebuild and relint an unchanged front end.
//
//   node scripts/when-changed.mjs <step> --inputs=a,b [--outputs=x,y] -- <command> [args...]
//
// Inputs are files or folders (node_modules and .git are never read); the step also reruns when
// an output is missing, or when the command or the Node.js version changed. Stamps live in
// app/target/build-stamps (or BUILD_STAMPS_DIR): `./mvnw clean` (or deleting that folder) forces every step.
// Everything run here runs without IBM's telemetry (IBM_TELEMETRY_DISABLED=true, @carbon/* under form-js).
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { dirname, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const SKIPPED_FOLDERS = new Set(['node_modules', '.git']);
const defaultStamps = process.env.BUILD_STAMPS_DIR
  || resolve(dirname(fileURLToPath(import.meta.url)), '../../../../target/build-stamps');

export function parseArguments(argv) {
  const separator = argv.indexOf('--');
  if (separator < 1 || separator === argv.length - 1) {
    throw new Error('usage: when-changed.mjs <step> --inputs=a,b [--outputs=x,y] -- <command> [args...]');
  }
  const options = { step: argv[0], inputs: [], outputs: [], command: argv.slice(separator + 1) };
  for (const option of argv.slice(1, separator)) {
    const match = /^--(inputs|outputs)=(.*)$/.exec(option);
    if (!match) throw new Error(`unknown option ${option}`);
    options[match[1]] = match[2].split(',').map((path) => path.trim()).filter(Boolean);
  }
  if (!/^[a-z0-9-]+$/.test(options.step)) throw new Error(`step names are [a-z0-9-]: ${options.step}`);
  if (options.inputs.length === 0) throw new Error('--inputs is required');
  return options;
}

/** SHA-256 over the command, the Node.js version and every input file's path and bytes. */
export function fingerprint(inputs, command, base = process.cwd()) {
  const hash = createHash('sha256');
  hash.update(JSON.stringify({ command, node: process.version }));
  for (const input of inputs) {
    const path = resolve(base, input);
    if (!existsSync(path)) {
      hash.update(`missing:${input}\n`);
      continue;
    }
    for (const file of filesUnder(path)) {
      hash.update(`${relative(base, file)}\n`);
      hash.update(readFileSync(file));
    }
  }
  return hash.digest('hex');
}

function filesUnder(path) {
  if (!statSync(path).isDirectory()) return [path];
  const files = [];
  for (const entry of readdirSync(path, { withFileTypes: true }).sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.isDirectory() && SKIPPED_FOLDERS.has(entry.name)) continue;
    const child = join(path, entry.name);
    if (entry.isDirectory()) files.push(...filesUnder(child));
    else if (entry.isFile()) files.push(child);
  }
  return files;
}

/** @returns {'skipped'|'ran'} */
export function runStep(options, { stamps = defaultStamps, base = process.cwd(), log = console.log } = {}) {
  const stamp = join(stamps, `${options.step}.sha256`);
  const current = fingerprint(options.inputs, options.command, base);
  const outputsPresent = options.outputs.every((output) => existsSync(resolve(base, output)));
  if (outputsPresent && existsSync(stamp) && readFileSync(stamp, 'utf8').trim() === current) {
    log(`${options.step}: inputs unchanged since the last run, skipped (./mvnw clean forces it)`);
    return 'skipped';
  }
  const [executable, ...args] = options.command;
  const result = spawnSync(executable, args, {
    cwd: base,
    stdio: 'inherit',
    shell: process.platform === 'win32',
    env: { ...process.env, IBM_TELEMETRY_DISABLED: 'true' },
  });
  if (result.error) throw result.error;
  if (result.status !== 0) {
    const error = new Error(`${options.step}: ${options.command.join(' ')} failed with exit code ${result.status}`);
    error.exitCode = result.status ?? 1;
    throw error;
  }
  mkdirSync(stamps, { recursive: true });
  // inputs read again after the run: a step that rewrites its inputs (npm ci and the lockfile) stays consistent
  writeFileSync(stamp, `${fingerprint(options.inputs, options.command, base)}\n`);
  return 'ran';
}

/** Vite 7 (the lockfile's) needs Node.js 20.19+ or 22.12+; an older one fails later with obscure errors. */
export function nodeTooOld(version = process.versions.node) {
  const [major, minor] = version.split('.').map(Number);
  return major < 20 || (major === 20 && minor < 19) || (major === 22 && minor < 12) || major === 21;
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  if (nodeTooOld()) {
    console.error(`The front-end build needs Node.js 20.19 or newer (22.12+ on 22); this machine has ${process.version}.`);
    process.exit(1);
  }
  try {
    runStep(parseArguments(process.argv.slice(2)));
  } catch (error) {
    console.error(error.message);
    process.exit(error.exitCode || 1);
  }
}
