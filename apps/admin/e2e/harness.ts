/**
 * The end-to-end world: a fresh PostgreSQL database on 127.0.0.1:5432 (user postgres, trust),
 * the real API (apps/api src/main.ts via tsx: migrates, seeds the demo world, serves the built
 * admin app) on a free loopback port, and Debian's Chromium driven by playwright-core (never a
 * downloaded browser). `stop()` closes the browser, stops the API and drops the database.
 */
import { execFileSync, spawn } from 'node:child_process';
import type { ChildProcess } from 'node:child_process';
import { existsSync, mkdirSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { chromium } from 'playwright-core';
import type { Browser, Page } from 'playwright-core';

export const ADMIN_ROOT = fileURLToPath(new URL('..', import.meta.url));
const REPOSITORY_ROOT = join(ADMIN_ROOT, '../..');
const API_ROOT = join(REPOSITORY_ROOT, 'apps/api');
export const ARTIFACTS = join(ADMIN_ROOT, 'test-artifacts');
const ADMIN_URL = 'postgres://postgres@127.0.0.1:5432/postgres';

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address
          ? resolve(address.port)
          : reject(new Error('no port')),
      );
    });
  });
}

async function waitForHealth(url: string, api: ChildProcess, output: () => string): Promise<void> {
  const deadline = Date.now() + 120_000;
  while (Date.now() < deadline) {
    if (api.exitCode !== null) throw new Error(`The API exited (${api.exitCode}):\n${output()}`);
    try {
      const response = await fetch(`${url}/healthz`);
      if (response.ok) return;
    } catch {
      // Not listening yet.
    }
    await new Promise((resolve) => setTimeout(resolve, 500));
  }
  throw new Error(`The API did not become healthy:\n${output()}`);
}

export interface World {
  baseUrl: string;
  browser: Browser;
  newPage: (options?: { locale?: string }) => Promise<Page>;
  stop: () => Promise<void>;
}

export async function startWorld(): Promise<World> {
  // The API serves the built app from dist/: build it when a test run starts without one.
  if (!existsSync(join(ADMIN_ROOT, 'dist/index.html')))
    execFileSync(join(ADMIN_ROOT, 'node_modules/.bin/vite'), ['build'], {
      cwd: ADMIN_ROOT,
      stdio: 'ignore',
    });
  mkdirSync(ARTIFACTS, { recursive: true });
  const database = `switchyard_e2e_${process.pid}_${Date.now()}`;
  const admin = new pg.Client({ connectionString: ADMIN_URL });
  await admin.connect();
  await admin.query(`CREATE DATABASE ${database}`);
  await admin.end();

  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let output = '';
  const api = spawn(join(API_ROOT, 'node_modules/.bin/tsx'), ['src/main.ts'], {
    cwd: API_ROOT,
    env: {
      PATH: process.env.PATH,
      HOME: process.env.HOME,
      NODE_ENV: 'production',
      DATABASE_URL: `postgres://postgres@127.0.0.1:5432/${database}`,
      HOST: '127.0.0.1',
      PORT: String(port),
      PUBLIC_URL: baseUrl,
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  api.stdout?.on('data', (chunk: Buffer) => (output += chunk.toString()));
  api.stderr?.on('data', (chunk: Buffer) => (output += chunk.toString()));

  let browser: Browser | undefined;
  const stop = async () => {
    await browser?.close().catch(() => undefined);
    if (api.exitCode === null) {
      api.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 1500));
      if (api.exitCode === null) api.kill('SIGKILL');
    }
    const cleanup = new pg.Client({ connectionString: ADMIN_URL });
    await cleanup.connect();
    await cleanup.query(`DROP DATABASE IF EXISTS ${database} WITH (FORCE)`);
    await cleanup.end();
  };
  try {
    await waitForHealth(baseUrl, api, () => output);
    // playwright-core gives every launch a fresh, throw-away user-data dir of its own (it refuses
    // --user-data-dir with launch()); each test page gets its own context (own cookies) on top.
    browser = await chromium.launch({
      executablePath: '/usr/bin/chromium',
      args: [
        '--headless',
        '--no-sandbox',
        '--disable-gpu',
        '--disable-background-networking',
        '--disable-component-update',
        '--disable-sync',
        '--no-first-run',
      ],
    });
  } catch (error) {
    await stop();
    throw error;
  }
  const launched = browser;
  return {
    baseUrl,
    browser: launched,
    newPage: async (options = {}) => {
      const context = await launched.newContext({
        baseURL: baseUrl,
        locale: options.locale ?? 'en-US',
      });
      // Loopback only: anything bound for another host is refused (and would fail the no-CDN rule).
      await context.route(/^https?:\/\/(?!127\.0\.0\.1)/, (route) => route.abort());
      return context.newPage();
    },
    stop,
  };
}

const AXE_SOURCE = readFileSync(join(ADMIN_ROOT, 'node_modules/axe-core/axe.min.js'), 'utf8');

export interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  nodes: { target: string[] }[];
}

/** Runs axe-core in the page; returns the serious and critical violations. */
export async function seriousViolations(page: Page): Promise<AxeViolation[]> {
  await page.addScriptTag({ content: AXE_SOURCE });
  const violations = await page.evaluate(async () => {
    const axe = (
      window as unknown as {
        axe: { run: (context: Document) => Promise<{ violations: AxeViolation[] }> };
      }
    ).axe;
    const result = await axe.run(document);
    return result.violations.map((violation) => ({
      id: violation.id,
      impact: violation.impact,
      help: violation.help,
      nodes: violation.nodes.map((node) => ({ target: node.target })),
    }));
  });
  return violations.filter(
    (violation) => violation.impact === 'serious' || violation.impact === 'critical',
  );
}

export async function signIn(page: Page, email: string): Promise<void> {
  await page.goto('/');
  await page.getByLabel(/Email|E-mail/).fill(email);
  await page.getByLabel(/Password|Mot de passe/).fill('demo-password');
  await page.getByRole('button', { name: /Sign in|Se connecter/ }).click();
  await page.getByRole('button', { name: /Sign out|Se déconnecter/ }).waitFor();
}
