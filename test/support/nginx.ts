/** The nginx runner the cluster harness shares with bench:cluster (bench/lib/nginx.mjs). */
export { Nginx, renderNginxSite, waitForPort } from '../../bench/lib/nginx.mjs';
