# The API image for the Docker path (docker compose up); Neo4j runs in its own container.
FROM node:20-slim AS build
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --no-audit --no-fund
COPY web ./web
RUN npm run build:web

FROM node:20-slim
WORKDIR /app
COPY package.json package-lock.json ./
RUN npm ci --omit=dev --no-audit --no-fund
COPY tsconfig.json ./
COPY src ./src
COPY seed ./seed
COPY schema ./schema
# The import worker's bundle (src/ingest/worker-bundle.ts), written here: the server's user may not write node_modules.
RUN node --import tsx src/ingest/worker-bundle.ts
COPY --from=build /app/web/dist ./web/dist
ENV NODE_ENV=production HOST=0.0.0.0 PORT=4000
EXPOSE 4000
USER node
# The heap bound of `npm start` (package.json): the live heap is ~55 MB; unbounded, V8 grows it
# to ~250 MB under load before collecting.
CMD ["node", "--max-old-space-size=256", "--import", "tsx", "src/server/main.ts"]
