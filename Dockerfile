# One image for the whole monorepo: api (default), worker, simulator and migrations differ only by command.

FROM node:20-bookworm-slim AS build
WORKDIR /app
# Language identification's CLD2 (the `cld` package) is a native addon compiled at install.
RUN apt-get update && apt-get install -y --no-install-recommends python3 make g++ \
    && rm -rf /var/lib/apt/lists/*
# Manifests first, so source edits reuse the cached `npm ci` layer.
COPY package.json package-lock.json .npmrc ./
COPY libs/domain/package.json libs/domain/
COPY libs/config/package.json libs/config/
COPY libs/logging/package.json libs/logging/
COPY libs/events/package.json libs/events/
COPY libs/queue/package.json libs/queue/
COPY libs/scoring/package.json libs/scoring/
COPY libs/persistence/package.json libs/persistence/
COPY libs/nest-core/package.json libs/nest-core/
COPY libs/connectors/package.json libs/connectors/
COPY apps/simulator/package.json apps/simulator/
COPY apps/api/package.json apps/api/
COPY apps/worker/package.json apps/worker/
COPY apps/web/package.json apps/web/
# npm ci rejects a lockfile that holds only one platform's optional binaries; install honours the lock.
RUN npm install --no-audit --no-fund
COPY . .
# tsc -b for libs and server apps, then vite into apps/web/dist.
RUN npm run build
# Gather what runs into /out: COPY with a wildcard would flatten libs/*/dist into one folder.
RUN set -eu; \
    mkdir -p /out; \
    cp package.json package-lock.json /out/; \
    cp -r scripts /out/scripts; \
    for dir in libs/* apps/*; do \
      mkdir -p "/out/$dir"; \
      cp "$dir/package.json" "/out/$dir/"; \
      cp -r "$dir/dist" "/out/$dir/dist"; \
      # Data a lib loads beside its code at run time (the scoring model's weights).
      if [ -d "$dir/model" ]; then cp -r "$dir/model" "/out/$dir/model"; fi; \
    done

FROM node:20-bookworm-slim AS runtime
WORKDIR /app
ENV NODE_ENV=production
# devDependencies stay: migrations run through tsx (`npx tsx scripts/migrate.ts`).
# node_modules/@lp/* are symlinks into libs/ and apps/, which the next COPY supplies.
COPY --from=build /app/node_modules ./node_modules
COPY --from=build /out/ ./
# Files stay root-owned, so the app cannot rewrite its own code.
USER node
EXPOSE 3000 4100
CMD ["node", "apps/api/dist/main.js"]
