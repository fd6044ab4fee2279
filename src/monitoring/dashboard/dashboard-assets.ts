import { Logger } from '@nestjs/common';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

export interface DashboardAsset {
  contentType: string;
  body: Buffer;
}

/**
 * The page's files, beside this module: `src/monitoring/dashboard/static/` when run from
 * source (tests), `dist/src/monitoring/dashboard/static/` once `npm run build` has copied them.
 */
export const DASHBOARD_STATIC_DIR = fileURLToPath(new URL('./static/', import.meta.url));

export const DASHBOARD_FILES = {
  page: { file: 'index.html', contentType: 'text/html; charset=utf-8' },
  script: { file: 'dashboard.js', contentType: 'text/javascript; charset=utf-8' },
  style: { file: 'dashboard.css', contentType: 'text/css; charset=utf-8' },
  inboxScript: { file: 'inbox-panel.js', contentType: 'text/javascript; charset=utf-8' },
  inboxStyle: { file: 'inbox-panel.css', contentType: 'text/css; charset=utf-8' },
} as const;

export type DashboardFile = keyof typeof DASHBOARD_FILES;

/**
 * Reads the files once at boot: they are a few kilobytes and change only with a deploy. A missing
 * file is logged and answered 503 rather than stopping the API, which matters more than its page.
 */
export function loadDashboardAssets(dir = DASHBOARD_STATIC_DIR): Map<DashboardFile, DashboardAsset> {
  const assets = new Map<DashboardFile, DashboardAsset>();
  for (const [name, { file, contentType }] of Object.entries(DASHBOARD_FILES) as Array<
    [DashboardFile, (typeof DASHBOARD_FILES)[DashboardFile]]
  >) {
    try {
      assets.set(name, { contentType, body: readFileSync(`${dir}${file}`) });
    } catch (error) {
      new Logger('DashboardAssets').error(
        `Dashboard file ${dir}${file} cannot be read (${(error as Error).message}): run npm run build`,
      );
    }
  }
  return assets;
}
