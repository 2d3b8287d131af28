# Tawasol in a container: a release build with TLS-capable libpq, run as an unprivileged user.
# docker compose up --build starts it with PostgreSQL and Mailpit (see docker-compose.yml).
# .dockerignore keeps target/, data/ (databases, keys, mails), secrets and .git out of the context.

FROM rust:1.95-bookworm AS build
WORKDIR /src
COPY . .
RUN cargo build --release --locked -p tawasol-api --features postgres-tls \
 && cp target/release/tawasol /tawasol

FROM debian:bookworm-slim
RUN apt-get update \
 && apt-get install -y --no-install-recommends ca-certificates curl libssl3 \
 && rm -rf /var/lib/apt/lists/* \
 && useradd --system --uid 10001 --home-dir /var/lib/tawasol tawasol \
 && mkdir -p /var/lib/tawasol \
 && chown tawasol /var/lib/tawasol \
 && chmod 0700 /var/lib/tawasol
COPY --from=build /tawasol /usr/local/bin/tawasol
USER tawasol
WORKDIR /var/lib/tawasol
ENV TAWASOL_LISTEN=0.0.0.0:8080 \
    TAWASOL_DATA_DIR=/var/lib/tawasol
EXPOSE 8080
VOLUME ["/var/lib/tawasol"]
HEALTHCHECK --interval=10s --timeout=3s --start-period=30s --retries=3 \
  CMD curl -fsS http://127.0.0.1:8080/health/ready || exit 1
ENTRYPOINT ["/usr/local/bin/tawasol"]
CMD ["serve"]
