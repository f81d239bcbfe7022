/** Validation of exported XML with xmllint (Debian: libxml2-utils) against the shared ERMS schema. */
import { execFileSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';

export const ERMS_SCHEMA = join(import.meta.dirname, '..', '..', '..', 'shared', 'standards', 'ERMS_v3.xsd');

export function findXmllint(): string | null {
  for (const path of ['/usr/bin/xmllint', '/usr/local/bin/xmllint']) if (existsSync(path)) return path;
  return null;
}

/** xmllint's verdict on a file: '' when valid, else its messages. */
export function schemaErrorsOfFile(file: string, schema = ERMS_SCHEMA): string {
  try {
    execFileSync(findXmllint() ?? 'xmllint', ['--noout', '--schema', schema, file], { stdio: 'pipe' });
    return '';
  } catch (error) {
    return String((error as { stderr?: Buffer }).stderr ?? error);
  }
}
