# One image, three roles: MODULE selects the all-in-one app, the command side or the query side.
FROM maven:3.9-eclipse-temurin-17 AS build
WORKDIR /src
COPY . .
RUN mvn -B -q install -DskipTests

FROM eclipse-temurin:17-jre
ARG MODULE=app
WORKDIR /opt/omnireturns
COPY --from=build /src/app/target/omnireturns.jar app.jar
COPY --from=build /src/command-side/target/command-side-*-exec.jar command-side.jar
COPY --from=build /src/query-side/target/query-side-*-exec.jar query-side.jar
ENV JAVA_TOOL_OPTIONS="-XX:MaxRAMPercentage=75 -Daxoniq.update-checker.disabled=true" \
    AXONIQ_UPDATE_CHECKER_DISABLED=true \
    MODULE=${MODULE}
EXPOSE 8080
ENTRYPOINT ["sh", "-c", "exec java -jar ${MODULE}.jar"]
