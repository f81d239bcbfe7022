/**
 * A real local WordPress for browser tests: started by scripts/wordpress/setup.sh (Debian packages,
 * a private MariaDB, `php -S`), with the same post and comments on every start. Also: the extension
 * built for it, logging in, and reading comments straight from the database with the `mysql` CLI.
 */
import { execFile, execFileSync, spawn } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { promisify } from 'node:util';
import type { Page } from 'playwright-core';
import { z } from 'zod';
import { ROOT } from './browser';

const SETUP_SCRIPT = join(ROOT, 'scripts', 'wordpress', 'setup.sh');
const STOP_SCRIPT = join(ROOT, 'scripts', 'wordpress', 'stop.sh');
/** setup.sh may have to apt-get install the packages first. */
const SETUP_TIMEOUT_MS = 600_000;

/** Where the extension for the local WordPress is built (MODERERA_BLOG_HOSTS=127.0.0.1). */
export const WORDPRESS_BUILD_DIR = join(ROOT, '.output', 'wordpress', 'chrome-mv3');

/** What to do when the local WordPress cannot be started. */
const INSTALL_HINT =
  'The WordPress tests need a real local WordPress. Run `sudo scripts/wordpress/setup.sh` once to see what fails: ' +
  'it must run as root (or with passwordless sudo) on Debian/Ubuntu, where it installs `wordpress wordpress-l10n ' +
  'wordpress-theme-twentytwentythree mariadb-server mariadb-client php-cli php-mysql php-xml php-mbstring curl` ' +
  `with apt-get (or install them yourself), and it needs the ports ${process.env.WP_PORT ?? '8765'} (WP_PORT) and ` +
  `${process.env.WP_DB_PORT ?? '3307'} (WP_DB_PORT) free.`;

const infoSchema = z.object({
  url: z.url(),
  user: z.string().min(1),
  password: z.string().min(1),
  db: z.object({
    host: z.string().min(1),
    port: z.number().int(),
    name: z.string().min(1),
    user: z.string().min(1),
    password: z.string().min(1),
  }),
  stateDir: z.string().min(1),
});

/** The site as setup.sh describes it (also in $WP_STATE_DIR/wordpress.json). */
export type WordPressInfo = z.infer<typeof infoSchema>;

export interface WordPressSite extends WordPressInfo {
  /** Stops php and MariaDB (scripts/wordpress/stop.sh); a no-op with WP_KEEP_RUNNING=1. */
  stop(): Promise<void>;
}

export interface WordPressComment {
  id: string;
  /** `comment_approved`: '1', '0' (pending), 'spam' or 'trash'. */
  status: string;
  /** The parent comment's id, '0' for none. */
  parentId: string;
  /** The raw `comment_content`. */
  text: string;
}

function stateDir(): string {
  return process.env.WP_STATE_DIR ?? '/tmp/moderera-wordpress';
}

function runScript(
  script: string,
  args: string[] = [],
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve, reject) => {
    const child = spawn('bash', [script, ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
    let stdout = '';
    let stderr = '';
    const timer = setTimeout(() => child.kill('SIGTERM'), SETUP_TIMEOUT_MS);
    child.stdout.setEncoding('utf8').on('data', (chunk: string) => {
      stdout += chunk;
    });
    child.stderr.setEncoding('utf8').on('data', (chunk: string) => {
      stderr += chunk;
    });
    child.on('error', (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on('close', (code) => {
      clearTimeout(timer);
      resolve({ code, stdout, stderr });
    });
  });
}

function parseInfo(text: string, source: string): WordPressInfo {
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new Error(`${source} is not JSON: ${text.slice(0, 200)}`);
  }
  return infoSchema.parse(json);
}

/**
 * Starts (or resets) the local WordPress with scripts/wordpress/setup.sh: the same post and
 * comments every time. Throws, saying what to install or run, when it cannot; never skips.
 */
export async function startWordPress(): Promise<WordPressSite> {
  const started = Date.now();
  let result: Awaited<ReturnType<typeof runScript>>;
  try {
    result = await runScript(SETUP_SCRIPT);
  } catch (error) {
    throw new Error(`Could not run ${SETUP_SCRIPT}: ${(error as Error).message}. ${INSTALL_HINT}`);
  }
  if (result.code !== 0) {
    // Do not leave a half-started MariaDB or php behind.
    if (process.env.WP_KEEP_RUNNING !== '1') await runScript(STOP_SCRIPT).catch(() => undefined);
    const tail = result.stderr.trim().split('\n').slice(-15).join('\n');
    throw new Error(
      `scripts/wordpress/setup.sh failed (exit code ${result.code}). ${INSTALL_HINT}\nIts last output:\n${tail}`,
    );
  }
  const lastLine = result.stdout.trim().split('\n').at(-1) ?? '';
  const info = parseInfo(lastLine, 'The last line of setup.sh');
  process.stderr.write(`local WordPress ready at ${info.url} in ${Date.now() - started} ms\n`);
  return {
    ...info,
    async stop() {
      if (process.env.WP_KEEP_RUNNING === '1') return;
      const stopped = await runScript(STOP_SCRIPT);
      if (stopped.code !== 0) throw new Error(`scripts/wordpress/stop.sh failed:\n${stopped.stderr}`);
    },
  };
}

/** The running site as the last setup.sh wrote it to $WP_STATE_DIR/wordpress.json. */
export function readWordPressInfo(): WordPressInfo {
  const file = join(stateDir(), 'wordpress.json');
  let text: string;
  try {
    text = readFileSync(file, 'utf8');
  } catch {
    throw new Error(`${file} is missing: start the local WordPress first (startWordPress or setup.sh).`);
  }
  return parseInfo(text.trim(), file);
}

/**
 * Builds the extension with 127.0.0.1 as a built-in blog host (its WordPress match then covers
 * http://127.0.0.1:<any port>/wp-admin/edit-comments.php) into .output/wordpress/chrome-mv3.
 */
export function buildWordPressExtension(quiet = true): string {
  execFileSync(join(ROOT, 'node_modules', '.bin', 'wxt'), ['build', '-b', 'chrome'], {
    cwd: ROOT,
    stdio: quiet ? 'pipe' : 'inherit',
    env: {
      ...process.env,
      MODERERA_BLOG_HOSTS: '127.0.0.1',
      // As a moderator who allowed screenshots in options: the record carries the comment's picture.
      MODERERA_GRANT_SCREENSHOTS: '1',
      MODERERA_OUT_DIR: '.output/wordpress',
    },
  });
  return WORDPRESS_BUILD_DIR;
}

/** Logs in at wp-login.php and waits for wp-admin. */
export async function loginAs(
  page: Page,
  wp: Pick<WordPressInfo, 'url' | 'user' | 'password'>,
): Promise<void> {
  await page.goto(`${wp.url}/wp-login.php`);
  await page.fill('#user_login', wp.user);
  await page.fill('#user_pass', wp.password);
  await Promise.all([
    page
      .waitForURL((url) => url.pathname.startsWith('/wp-admin'), { timeout: 20_000 })
      .catch(async (error: Error) => {
        const message = await page
          .locator('#login_error')
          .textContent({ timeout: 1000 })
          .catch(() => null);
        throw new Error(`Logging in to ${wp.url} as ${wp.user} failed: ${message?.trim() ?? error.message}`);
      }),
    page.click('#wp-submit'),
  ]);
}

const execFileAsync = promisify(execFile);

/** Runs one query with the `mysql` CLI as WordPress' database user; rows of tab-separated fields. */
async function query(sql: string, info: WordPressInfo = readWordPressInfo()): Promise<string[][]> {
  const { db } = info;
  const { stdout } = await execFileAsync(
    'mysql',
    [
      '--no-defaults',
      '--protocol=TCP',
      `--host=${db.host}`,
      `--port=${db.port}`,
      `--user=${db.user}`,
      '--batch',
      '--skip-column-names',
      `--execute=${sql}`,
      db.name,
    ],
    { env: { ...process.env, MYSQL_PWD: db.password }, encoding: 'utf8' },
  );
  return stdout
    .split('\n')
    .filter((line) => line.length > 0)
    .map((line) => line.split('\t'));
}

/** `comment_approved` of one comment ('1', '0', 'spam', 'trash'), or null when it does not exist. */
export async function commentStatus(id: string | number, info?: WordPressInfo): Promise<string | null> {
  const commentId = String(id);
  if (!/^\d+$/.test(commentId)) throw new Error(`Not a WordPress comment id: ${commentId}`);
  // The CLI cannot bind parameters; the id is checked to be digits only.
  const rows = await query(`SELECT comment_approved FROM wp_comments WHERE comment_ID=${commentId}`, info);
  return rows[0]?.[0] ?? null;
}

/** Every comment in the database, by id. The text travels as hex so newlines and tabs survive. */
export async function wordpressComments(info?: WordPressInfo): Promise<WordPressComment[]> {
  const rows = await query(
    'SELECT comment_ID, comment_approved, comment_parent, HEX(comment_content) FROM wp_comments ORDER BY comment_ID',
    info,
  );
  return rows.map(([id = '', status = '', parentId = '', hex = '']) => ({
    id,
    status,
    parentId,
    text: Buffer.from(hex, 'hex').toString('utf8'),
  }));
}

/** Comment ids by their raw text. */
export async function commentIdsByText(info?: WordPressInfo): Promise<Map<string, string>> {
  return new Map((await wordpressComments(info)).map((comment) => [comment.text, comment.id]));
}
