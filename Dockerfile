# The tsunagu server image: built with the workspace's locked dependencies.
FROM rust:1.95-slim-bookworm AS build
RUN apt-get update && apt-get install -y --no-install-recommends pkg-config libssl-dev && rm -rf /var/lib/apt/lists/*
WORKDIR /src
COPY . .
RUN cargo build --release --locked -p tsunagu

FROM debian:bookworm-slim
RUN apt-get update && apt-get install -y --no-install-recommends ca-certificates curl libssl3 \
    && rm -rf /var/lib/apt/lists/* && useradd --system --home /var/lib/tsunagu tsunagu
COPY --from=build /src/target/release/tsunagu /usr/local/bin/tsunagu
USER tsunagu
WORKDIR /var/lib/tsunagu
EXPOSE 8080
ENTRYPOINT ["/usr/local/bin/tsunagu"]
