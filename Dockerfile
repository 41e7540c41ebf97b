# syntax=docker/dockerfile:1
# One image, three roles: MODULE (at run time) selects the all-in-one app (default), the command side or the
# query side. Built from the sources by a Maven stage; runs as an unprivileged user.

FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
# package, not install: the jars stay in each module's target/ (the bench module is built only with -Pbench).
# The cache mount keeps downloaded dependencies between builds (BuildKit, the default builder).
RUN --mount=type=cache,target=/root/.m2 mvn -B -q package -DskipTests \
 && mkdir /jars \
 && cp app/target/omnireturns.jar /jars/app.jar \
 && cp command-side/target/command-side-*-exec.jar /jars/command-side.jar \
 && cp query-side/target/query-side-*-exec.jar /jars/query-side.jar

# Ubuntu 24.04 with the Temurin 17 JRE; the image brings curl (used by the health check) and bash.
FROM eclipse-temurin:17-jre-noble
ARG MODULE=app
# Ubuntu's image already has uid 1000 (user "ubuntu"): a system user of our own with a fixed id instead.
RUN groupadd --system --gid 10001 omnireturns \
 && useradd --system --uid 10001 --gid omnireturns --home-dir /opt/omnireturns --no-create-home \
      --shell /usr/sbin/nologin omnireturns \
 && mkdir -p /opt/omnireturns/data \
 && chown omnireturns:omnireturns /opt/omnireturns/data
WORKDIR /opt/omnireturns
COPY --from=build /jars/ ./
# SERVER_PORT fixes the port inside the container for all three jars (publish it elsewhere with ports:).
# data/ is writable for the embedded PostgreSQL, used only when SPRING_DATASOURCE_URL is not set.
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Daxoniq.update-checker.disabled=true" \
    AXONIQ_UPDATE_CHECKER_DISABLED=true \
    SERVER_PORT=8080 \
    OMNIRETURNS_DATA_DIR=/opt/omnireturns/data/postgres \
    MODULE=${MODULE}
USER 10001:10001
EXPOSE 8080
# UP (200) or DOWN (503, curl -f fails); /actuator/health needs no sign-in. docker-compose.yml repeats it.
HEALTHCHECK --interval=10s --timeout=5s --start-period=180s --retries=6 \
    CMD curl -fsS -o /dev/null "http://127.0.0.1:${SERVER_PORT}/actuator/health" || exit 1
ENTRYPOINT ["sh", "-c", "case \"$MODULE\" in app|command-side|query-side) exec java -jar \"$MODULE.jar\" \"$@\";; *) echo \"MODULE must be app, command-side or query-side, not '$MODULE'\" >&2; exit 64;; esac", "omnireturns"]
