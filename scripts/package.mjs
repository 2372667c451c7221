// Zips the built extension for the stores: packages/sessionscope-chrome-<version>.zip from dist/chrome
// (with the `zip` CLI, or a small built-in zip writer when it is missing) and
// packages/sessionscope-firefox-<version>.zip from dist/firefox with `web-ext build`.
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdirSync, readdirSync, readFileSync, renameSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { crc32, deflateRawSync } from 'node:zlib';

// CRC-32 (ISO 3309) for PNG chunks and zip entries comes from node:zlib (Node ≥ 20.15), not a copy of our own.

const root = resolve(import.meta.dirname, '..');
const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const outDir = join(root, 'packages');

function filesUnder(dir) {
  return readdirSync(dir)
    .sort()
    .flatMap((name) => {
      const path = join(dir, name);
      return statSync(path).isDirectory() ? filesUnder(path) : [path];
    });
}

/** A minimal zip writer (deflate, no zip64): enough for an extension of a few hundred kB. */
function writeZip(sourceDir, zipPath) {
  const locals = [];
  const centrals = [];
  let offset = 0;
  for (const file of filesUnder(sourceDir)) {
    const name = Buffer.from(relative(sourceDir, file).split('\\').join('/'));
    const data = readFileSync(file);
    const packed = deflateRawSync(data, { level: 9 });
    const crc = crc32(data);
    const local = Buffer.alloc(30);
    local.writeUInt32LE(0x04034b50, 0);
    local.writeUInt16LE(20, 4); // version needed
    local.writeUInt16LE(8, 8); // deflate
    local.writeUInt16LE(0x21, 12); // 1980-01-01: fixed time, reproducible archives
    local.writeUInt32LE(crc, 14);
    local.writeUInt32LE(packed.length, 18);
    local.writeUInt32LE(data.length, 22);
    local.writeUInt16LE(name.length, 26);
    locals.push(local, name, packed);
    const central = Buffer.alloc(46);
    central.writeUInt32LE(0x02014b50, 0);
    central.writeUInt16LE(20, 4);
    central.writeUInt16LE(20, 6);
    central.writeUInt16LE(8, 10);
    central.writeUInt16LE(0x21, 14);
    central.writeUInt32LE(crc, 16);
    central.writeUInt32LE(packed.length, 20);
    central.writeUInt32LE(data.length, 24);
    central.writeUInt16LE(name.length, 28);
    central.writeUInt32LE(offset, 42);
    centrals.push(central, name);
    offset += local.length + name.length + packed.length;
  }
  const centralSize = centrals.reduce((n, b) => n + b.length, 0);
  const end = Buffer.alloc(22);
  end.writeUInt32LE(0x06054b50, 0);
  end.writeUInt16LE(centrals.length / 2, 8);
  end.writeUInt16LE(centrals.length / 2, 10);
  end.writeUInt32LE(centralSize, 12);
  end.writeUInt32LE(offset, 16);
  writeFileSync(zipPath, Buffer.concat([...locals, ...centrals, end]));
}

function hasZipCli() {
  return spawnSync('zip', ['-v'], { stdio: 'ignore' }).status === 0;
}

function packageChrome() {
  const source = join(root, 'dist/chrome');
  const target = join(outDir, `sessionscope-chrome-${version}.zip`);
  rmSync(target, { force: true });
  if (hasZipCli()) execFileSync('zip', ['-q', '-r', '-X', target, '.'], { cwd: source });
  else writeZip(source, target);
  return target;
}

function packageFirefox() {
  const target = join(outDir, `sessionscope-firefox-${version}.zip`);
  const staging = join(outDir, '.web-ext');
  rmSync(staging, { recursive: true, force: true });
  execFileSync(
    'npx',
    ['web-ext', 'build', '--source-dir', join(root, 'dist/firefox'), '--artifacts-dir', staging, '--overwrite-dest'],
    { stdio: ['ignore', 'ignore', 'inherit'] },
  );
  const [built] = readdirSync(staging).filter((name) => name.endsWith('.zip'));
  if (!built) throw new Error('web-ext build wrote no zip');
  rmSync(target, { force: true });
  renameSync(join(staging, built), target);
  rmSync(staging, { recursive: true, force: true });
  return target;
}

for (const dir of ['dist/chrome', 'dist/firefox']) {
  if (!existsSync(join(root, dir, 'manifest.json'))) {
    process.stderr.write(`${dir} is missing: run \`npm run build\` first.\n`);
    process.exit(1);
  }
}
mkdirSync(outDir, { recursive: true });
for (const zip of [packageChrome(), packageFirefox()]) {
  process.stdout.write(`${relative(root, zip)} (${(statSync(zip).size / 1024).toFixed(1)} kB)\n`);
}
