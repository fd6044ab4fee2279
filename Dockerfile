# syntax=docker/dockerfile:1

# --- deps: all dependencies, cached until package*.json change --------------
FROM node:20-bookworm-slim AS deps
WORKDIR /app
COPY package.json package-lock.json ./
# swagger-ui-dist pulls @scarf/scarf, whose install script reports usage unless told not to.
ENV SCARF_ANALYTICS=false
RUN --mount=type=cache,target=/root/.npm npm ci

# --- build: compile, then drop devDependencies ------------------------------
FROM deps AS build
COPY tsconfig.json tsconfig.build.json nest-cli.json ./
COPY src ./src
COPY migrations ./migrations
RUN npm run build:server && npm prune --omit=dev

# --- runtime ----------------------------------------------------------------
FROM node:20-bookworm-slim AS runtime
ENV NODE_ENV=production HOST=0.0.0.0 PORT=3000 DATA_DIR=/var/lib/botfleet
WORKDIR /app
# Native Tesseract 5 with English and Spanish (the OCR layer's fast engine; tesseract.js is the
# fallback) and the PostgreSQL 15 client programs the backups run (pg_dump, pg_restore).
RUN apt-get update \
  && apt-get install -y --no-install-recommends tesseract-ocr tesseract-ocr-eng tesseract-ocr-spa postgresql-client-15 \
  && rm -rf /var/lib/apt/lists/*
# Created and chowned before VOLUME (and before compose mounts named volumes there) so a fresh
# volume inherits the ownership: the data folder, the shared content store, the backups.
RUN mkdir -p /var/lib/botfleet/blobs /backups && chown -R node:node /var/lib/botfleet /backups
# package.json is needed at run time: its "type": "module" makes dist/*.js ES modules.
COPY --from=build /app/package.json ./
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /app/dist ./dist
USER node
EXPOSE 3000
VOLUME /var/lib/botfleet
# The slim image has no curl; Node 20's global fetch does the probe.
HEALTHCHECK --interval=15s --timeout=5s --start-period=30s --retries=3 \
  CMD node -e "fetch('http://127.0.0.1:'+(process.env.PORT||3000)+'/health/live').then(r=>process.exit(r.ok?0:1)).catch(()=>process.exit(1))"
STOPSIGNAL SIGTERM
# The same command as `npm start`: see the README (Deploy) on the heap cap.
CMD ["node", "--max-old-space-size=1024", "dist/src/main.js"]
