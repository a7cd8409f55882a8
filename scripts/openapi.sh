#!/usr/bin/env bash
# Regenerates api/openapi.json from the running code (the OpenAPI test writes it when asked), after an API change.
# The web app's TypeScript types are generated from that file by its build (npm run build -> openapi-typescript).
set -euo pipefail
cd "$(dirname "$0")/.."
dotnet build -c Release -p:PixhavenSkipWeb=true -v quiet -nologo
PIXHAVEN_UPDATE_OPENAPI=1 dotnet test tests/Pixhaven.Tests -c Release --no-build --filter "FullyQualifiedName~OpenApiTests" -v quiet -nologo
echo "api/openapi.json updated"
