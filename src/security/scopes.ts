/** What a key may do. `admin` holds every other scope. */
export enum Scope {
  Admin = 'admin',
  ModulesRead = 'modules:read',
  ModulesWrite = 'modules:write',
  RobotsRead = 'robots:read',
  RobotsWrite = 'robots:write',
  /** The worker protocol: claim, progress, complete, fail. */
  Work = 'work',
  MonitoringRead = 'monitoring:read',
  NotificationsRead = 'notifications:read',
  NotificationsWrite = 'notifications:write',
  OcrRead = 'ocr:read',
  OcrWrite = 'ocr:write',
  ReviewsRead = 'reviews:read',
  ReviewsWrite = 'reviews:write',
  EmailRead = 'email:read',
  EmailWrite = 'email:write',
}

export const ALL_SCOPES = Object.values(Scope);

export function grants(held: readonly string[], needed: readonly Scope[]): boolean {
  return held.includes(Scope.Admin) || needed.every((scope) => held.includes(scope));
}
