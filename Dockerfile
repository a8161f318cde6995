# The service's image: built with the SDK, run on the ASP.NET runtime as the image's non-root user. Run it with a
# read-only root file system; only /data (the LiteDB store and its journal, backups) and /tmp are written:
#   docker build -t decisions .
#   docker run --read-only --tmpfs /tmp -v decisions-data:/data -p 8080:8080 --env-file decisions.env decisions
FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, from the project files alone, so a code change does not download the packages again.
COPY global.json Directory.Build.props Directory.Packages.props .editorconfig ./
COPY engine/Decisions.Engine.csproj engine/
COPY console/Decisions.AdminConsole.csproj console/
COPY api/Decisions.Api.csproj api/
RUN dotnet restore api/Decisions.Api.csproj
COPY engine/ engine/
COPY console/ console/
COPY api/ api/
COPY rulesets/ rulesets/
RUN dotnet publish api/Decisions.Api.csproj -c Release --no-restore -o /app

FROM mcr.microsoft.com/dotnet/aspnet:10.0
WORKDIR /app
COPY --from=build /app ./
# The one writable place; a named volume mounted here starts with this owner.
RUN mkdir -p /data/backups && chown -R "$APP_UID" /data
VOLUME /data
ENV ASPNETCORE_HTTP_PORTS=8080 \
    Storage__LiteDb__Path=/data/decisions.db \
    Storage__LiteDb__BackupDirectory=/data/backups
USER $APP_UID
EXPOSE 8080
# Ready means serving decisions (a rule set active, the store answering, the log committing). The runtime image
# has no curl: bash's /dev/tcp sends the request.
HEALTHCHECK --interval=10s --timeout=3s --start-period=60s --retries=3 CMD ["bash", "-c", \
  "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /readyz HTTP/1.1\\r\\nHost: localhost\\r\\nConnection: close\\r\\n\\r\\n' >&3 && head -n 1 <&3 | grep -q ' 200 '"]
ENTRYPOINT ["dotnet", "Decisions.Api.dll"]
