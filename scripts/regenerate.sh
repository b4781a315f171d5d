#!/usr/bin/env bash
# Regenerate the low-level client in generated/agentkit_api from openapi/agentkit.yaml.
#   scripts/regenerate.sh          rewrite generated/
#   scripts/regenerate.sh --check  regenerate, then fail if generated/ differs from what git has
set -euo pipefail
cd "$(dirname "$0")/.."

SPEC=openapi/agentkit.yaml
CONFIG=openapi/generator.yaml
OUT=generated/agentkit_api
EXPECTED_OPC=0.29.1
EXPECTED_RUFF=0.17.6

have_opc=$(openapi-python-client --version | awk '{print $NF}')
have_ruff=$(ruff --version | awk '{print $NF}')
if [[ "$have_opc" != "$EXPECTED_OPC" || "$have_ruff" != "$EXPECTED_RUFF" ]]; then
  echo "need openapi-python-client==$EXPECTED_OPC and ruff==$EXPECTED_RUFF (have $have_opc / $have_ruff)" >&2
  exit 2
fi

# --overwrite would leave stale top-level files behind, so start from nothing.
rm -rf "$OUT"
openapi-python-client generate --path "$SPEC" --config "$CONFIG" \
  --meta none --output-path "$OUT" --fail-on-warning >/dev/null
printf '# Marker file for PEP 561\n' > "$OUT/py.typed"
# Renamed fields (type_, input_) get their wire names back as properties.
python scripts/natural_names.py "$OUT/models" >/dev/null
# Each model loads on first use rather than all of them with the package.
python scripts/lazy_models.py "$OUT/models/__init__.py"
ruff format --isolated --no-cache --target-version py311 --quiet "$OUT/models/__init__.py"
# The contract itself ships beside the client, as JSON, for the server's validator and the SDK.
python - "$SPEC" "$OUT/contract.json" <<'PY'
import json, sys, yaml
with open(sys.argv[1], encoding="utf-8") as f:
    spec = yaml.safe_load(f)
with open(sys.argv[2], "w", encoding="utf-8") as f:
    json.dump(spec, f, indent=1, sort_keys=True, ensure_ascii=False)
    f.write("\n")
PY

if [[ "${1:-}" == "--check" ]]; then
  # `git diff` alone misses new, untracked files such as a new model module.
  if ! git diff --quiet -- generated/ || [[ -n "$(git status --porcelain -- generated/)" ]]; then
    git status --porcelain -- generated/ >&2
    echo "generated/ is out of sync with $SPEC: run scripts/regenerate.sh and commit the result" >&2
    exit 1
  fi
  echo "generated/ is in sync with $SPEC"
fi
