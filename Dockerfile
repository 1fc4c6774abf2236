# syntax=docker/dockerfile:1
# Tributary: one image for `serve` and `worker`. Build: docker build -t tributary .
# Multi-stage: the SDK restores and publishes; the runtime image is the ASP.NET base, run as its non-root `app` user.

FROM mcr.microsoft.com/dotnet/sdk:10.0 AS build
WORKDIR /src
# Restore first, on the project files alone, so a source change does not invalidate the package layer.
COPY global.json Directory.Build.props Directory.Packages.props ./
COPY src/Tributary/Tributary.csproj src/Tributary/
COPY src/Tributary.Core/Tributary.Core.csproj src/Tributary.Core/
COPY src/Tributary.Storage/Tributary.Storage.csproj src/Tributary.Storage/
COPY src/Tributary.Simulators/Tributary.Simulators.csproj src/Tributary.Simulators/
RUN dotnet restore src/Tributary/Tributary.csproj
COPY src/ src/
RUN dotnet publish src/Tributary/Tributary.csproj -c Release --no-restore -o /app /p:UseAppHost=false

FROM mcr.microsoft.com/dotnet/aspnet:10.0 AS runtime
WORKDIR /app
COPY --from=build /app ./
# The SQLite store (single-node default) lives on a volume; with Storage:Provider=postgres nothing is written here.
RUN mkdir -p /data && chown app:app /data
VOLUME /data
WORKDIR /data
USER app
# A container given one CPU or less compiles its hot paths ten times later by default (the runtime's single-processor
# delay): under load its requests ran in slower code for 30-60 s. Measured in docs/deploy.md.
# Secrets are read from /run/secrets when it is mounted: the default of TRIBUTARY_SECRETS_DIR, which, set, must exist.
ENV DOTNET_gcServer=0 \
    DOTNET_TC_DelaySingleProcMultiplier=1
EXPOSE 8080
# The runtime image has no curl: bash opens the socket itself. The gateway answers /healthz without a key.
HEALTHCHECK --interval=15s --timeout=3s --start-period=20s --retries=3 \
  CMD ["bash", "-c", "exec 3<>/dev/tcp/127.0.0.1/8080 && printf 'GET /healthz HTTP/1.0\\r\\nHost: localhost\\r\\n\\r\\n' >&3 && grep -q ' 200 ' <&3"]
ENTRYPOINT ["dotnet", "/app/tributary.dll"]
# A gateway that others reach must have Gateway:ApiKeys (a secret file Gateway__ApiKeys), or it refuses to start.
CMD ["serve", "--urls", "http://0.0.0.0:8080"]
