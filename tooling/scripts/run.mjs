#!/usr/bin/env node
// The entry point behind `npm start`, `npm test` and `npm run bench`. A fresh machine has only Node
// and npm, so this brings the pinned pnpm into .tools/ when it is missing, installs the workspace,
// then runs the task. Everything after the task name is passed through (`npm run bench -- --smoke`).
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync, rmSync } from 'node:fs';
import { delimiter, join, relative, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const root = resolve(fileURLToPath(new URL('.', import.meta.url)), '../..');
const [task, ...rest] = process.argv.slice(2);
const pnpmVersion = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')).packageManager.split('@')[1];
const toolsBin = join(root, '.tools', 'node_modules', '.bin');
const env = { ...process.env, PATH: `${toolsBin}${delimiter}${process.env.PATH ?? ''}` };

function log(message) {
  process.stdout.write(`\n▸ ${message}\n`);
}

function run(command, args, options = {}) {
  const result = spawnSync(command, args, { cwd: root, env, stdio: 'inherit', ...options });
  if (result.error) throw result.error;
  return result.status ?? 1;
}

function must(command, args) {
  const status = run(command, args);
  if (status !== 0) {
    process.stderr.write(`\n✗ ${command} ${args.join(' ')} failed (exit ${status})\n`);
    process.exit(status);
  }
}

function installedPnpmVersion() {
  const result = spawnSync('pnpm', ['--version'], { env, encoding: 'utf8' });
  return result.status === 0 ? result.stdout.trim() : undefined;
}

function ensurePnpm() {
  if (installedPnpmVersion() === pnpmVersion) return;
  log(`Installing pnpm ${pnpmVersion} into .tools/`);
  // A project-local copy: no global install, no corepack (whose signature check fails here).
  must('npm', ['install', '--prefix', join(root, '.tools'), '--no-save', '--no-audit', '--no-fund', `pnpm@${pnpmVersion}`]);
  if (installedPnpmVersion() !== pnpmVersion) {
    process.stderr.write(`✗ pnpm ${pnpmVersion} is still not on PATH after installing it\n`);
    process.exit(1);
  }
}

function install() {
  log('Installing dependencies');
  must('pnpm', ['install', '--frozen-lockfile', '--prefer-offline']);
}

/** Runs a long-lived child and forwards Ctrl-C / SIGTERM to it, so it can shut down cleanly. */
function serve(command, args) {
  const child = spawn(command, args, { cwd: root, env, stdio: 'inherit' });
  const forward = (signal) => child.kill(signal);
  process.on('SIGINT', forward);
  process.on('SIGTERM', forward);
  child.on('exit', (code, signal) => process.exit(code ?? (signal ? 0 : 1)));
}

/** Adds up the JSON reports that every package's test task leaves in `.reports/`. */
function countTests() {
  let passed = 0;
  let failed = 0;
  let skipped = 0;
  const failures = [];
  for (const group of ['apps', 'packages', 'examples', 'tooling']) {
    const groupDir = join(root, group);
    if (!existsSync(groupDir)) continue;
    for (const name of readdirSync(groupDir)) {
      const reportDir = join(groupDir, name, '.reports');
      if (!existsSync(reportDir)) continue;
      for (const file of readdirSync(reportDir).filter((f) => f.endsWith('.json'))) {
        const report = JSON.parse(readFileSync(join(reportDir, file), 'utf8'));
        passed += report.numPassedTests ?? 0;
        failed += report.numFailedTests ?? 0;
        skipped += (report.numPendingTests ?? 0) + (report.numTodoTests ?? 0);
        // A file that fails to load has no test results but must not pass silently.
        for (const suite of report.testResults ?? []) {
          const where = relative(root, suite.name ?? '');
          if (suite.status === 'failed' && (suite.assertionResults ?? []).length === 0) {
            failed += 1;
            failures.push(`${where}: ${firstLine(suite.message)}`);
          }
          for (const test of suite.assertionResults ?? []) {
            if (test.status === 'failed') failures.push(`${where} › ${test.fullName}: ${firstLine(test.failureMessages?.[0])}`);
          }
        }
      }
    }
  }
  return { passed, failed, skipped, failures };
}

/** The first line of a failure message, so the closing summary names what failed without the stack. */
function firstLine(message) {
  return String(message ?? 'failed').split('\n', 1)[0].slice(0, 300);
}

function clearReports() {
  for (const group of ['apps', 'packages', 'examples', 'tooling']) {
    const groupDir = join(root, group);
    if (!existsSync(groupDir)) continue;
    for (const name of readdirSync(groupDir)) rmSync(join(groupDir, name, '.reports'), { recursive: true, force: true });
  }
}

ensurePnpm();
install();

switch (task) {
  case 'start': {
    log('Building');
    must('pnpm', ['turbo', 'run', 'build', '--filter=@switchyard/api...', '--filter=@switchyard/admin']);
    log('Starting Switchyard');
    serve('pnpm', ['--filter', '@switchyard/api', 'run', 'serve', ...rest]);
    break;
  }
  case 'test': {
    clearReports();
    log('Typecheck, lint and every test');
    const status = run('pnpm', ['turbo', 'run', 'typecheck', 'lint', 'test', '--continue', '--force', '--concurrency=2', ...rest]);
    const { passed, failed, skipped, failures } = countTests();
    // Turbo interleaves the packages' output, so name every failed test once more at the end.
    if (failures.length > 0) process.stdout.write(`\nFailed:\n${failures.map((line) => `  ✗ ${line}`).join('\n')}\n`);
    // A failed typecheck or lint task counts as one failure, so the closing line never reads all green.
    const failedTotal = failed + (status !== 0 && failed === 0 ? 1 : 0);
    if (status !== 0) process.stdout.write('\n✗ a typecheck, lint or test task failed (see above)\n');
    process.stdout.write(`\n${passed} passed, ${failedTotal} failed${skipped ? `, ${skipped} skipped` : ''}\n`);
    process.exit(status === 0 && failed === 0 ? 0 : 1);
    break;
  }
  case 'bench': {
    must('pnpm', ['turbo', 'run', 'build', '--filter=@switchyard/api...']);
    must('pnpm', ['--filter', '@switchyard/api', 'run', 'bench', ...rest]);
    break;
  }
  default:
    process.stderr.write('usage: node tooling/scripts/run.mjs start|test|bench [args…]\n');
    process.exit(2);
}
