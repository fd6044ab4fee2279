import { Controller, Get, HttpStatus, Res } from '@nestjs/common';
import { ApiExcludeController } from '@nestjs/swagger';
import { RouteConfig } from '@nestjs/platform-fastify';
import type { FastifyReply } from 'fastify';
import { Public } from '../../security/auth.decorator.js';
import { type DashboardFile, loadDashboardAssets } from './dashboard-assets.js';

/**
 * The page's own policy, stricter than the app-wide one (which lets Swagger UI run inline script):
 * only this origin's script, style and API, no inline code, no forms posted anywhere (the key form
 * is handled in script, so a failed script cannot put the key in a URL), no framing.
 * The security-headers hook reads it from the route's config and replaces the global CSP for these routes.
 */
export const DASHBOARD_CSP_DIRECTIVES = {
  defaultSrc: ["'none'"],
  scriptSrc: ["'self'"],
  styleSrc: ["'self'"],
  imgSrc: ["'self'", 'data:'],
  connectSrc: ["'self'"],
  baseUri: ["'none'"],
  formAction: ["'none'"],
  frameAncestors: ["'none'"],
};

const DashboardCsp = () =>
  RouteConfig({ helmet: { contentSecurityPolicy: { useDefaults: false, directives: DASHBOARD_CSP_DIRECTIVES } } });

/**
 * `GET /dashboard`: a static page (HTML, scripts, stylesheets) that holds no data. It is
 * public; the data comes from the monitoring API, called by the page with the key the operator
 * pastes into it. Served through Nest rather than @fastify/static so the routes pass the same
 * guards (rate limits) and appear in the route/guard table.
 */
@ApiExcludeController()
@Public()
@Controller('dashboard')
export class DashboardPageController {
  private readonly assets = loadDashboardAssets();

  @Get()
  @DashboardCsp()
  page(@Res() reply: FastifyReply): void {
    this.send(reply, 'page');
  }

  @Get('dashboard.js')
  @DashboardCsp()
  script(@Res() reply: FastifyReply): void {
    this.send(reply, 'script');
  }

  @Get('dashboard.css')
  @DashboardCsp()
  style(@Res() reply: FastifyReply): void {
    this.send(reply, 'style');
  }

  // The in-app notifications panel: its own files, so the panel and the rest of the page change apart.
  @Get('inbox-panel.js')
  @DashboardCsp()
  inboxScript(@Res() reply: FastifyReply): void {
    this.send(reply, 'inboxScript');
  }

  @Get('inbox-panel.css')
  @DashboardCsp()
  inboxStyle(@Res() reply: FastifyReply): void {
    this.send(reply, 'inboxStyle');
  }

  private send(reply: FastifyReply, name: DashboardFile): void {
    const asset = this.assets.get(name);
    if (!asset) {
      void reply.status(HttpStatus.SERVICE_UNAVAILABLE).type('text/plain; charset=utf-8').send('Dashboard not built');
      return;
    }
    // Revalidated on each load, so a deploy's new page and script are never mixed with old ones.
    void reply.type(asset.contentType).header('Cache-Control', 'no-cache').send(asset.body);
  }
}
