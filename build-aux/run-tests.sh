#!/usr/bin/env bash
# Installs the dependencies, builds Vis-à-vis and runs the whole test suite:
# core, CLI, widget tests (under Xvfb), validation, fuzz-corpus replay, then
# the core and CLI tests again in an AddressSanitizer/UBSan build.
# Ends with the line "tests: N passed, N failed, N skipped".
#
#   VISAVIS_SANITIZE=0   skip the ASan/UBSan build
#   VISAVIS_BUILDDIR=DIR build directory (default _build)
set -uo pipefail
cd "$(dirname "$0")/.."

export LANG=C.UTF-8 LC_ALL=C.UTF-8
BUILDDIR=${VISAVIS_BUILDDIR:-_build}
SANITIZE=${VISAVIS_SANITIZE:-1}
XVFB=(xvfb-run -a -s "-screen 0 1400x900x24 -nolisten tcp")

step() { printf '\n=== [%(%H:%M:%S)T] %s\n' -1 "$*"; }

step "dependencies"
bash build-aux/install-deps.sh || exit 1

# The hunspell dictionaries (en-US, fr, es) come from debian-packages.txt:
# with them installed, a missing dictionary fails test-spell instead of skipping
if [ "$(dpkg-query -W -f='${Status}\n' hunspell-en-us hunspell-fr hunspell-es 2>/dev/null \
       | grep -c 'install ok installed')" = 3 ]; then
  export VISAVIS_REQUIRE_SPELL=1
fi

# The real Apertium engine for the MT integration tests comes from the shared
# test corpus folder beside the checkout, when there is one (CI has it).
SHARED=${VISAVIS_SHARED_DIR:-$(cd .. && pwd)/shared}
if [ -x "$SHARED/mt/apertium-server.sh" ] && [ "$(id -u)" = 0 ]; then
  step "Apertium APy"
  if bash "$SHARED/mt/apertium-server.sh" install </dev/null >_build-apertium.log 2>&1; then
    export VISAVIS_REQUIRE_APERTIUM=1
  else
    tail -n 20 _build-apertium.log
    echo "Apertium install failed: MT integration tests will fail"
    export VISAVIS_REQUIRE_APERTIUM=1
  fi
  rm -f _build-apertium.log
fi

# Under Xvfb a missing display is a failure, not a skip
export VISAVIS_REQUIRE_DISPLAY=1

results=()

step "build ($BUILDDIR)"
if [ -d "$BUILDDIR" ]; then
  meson setup --reconfigure "$BUILDDIR" -Dwerror=true -Dbuildtype=debugoptimized </dev/null >/dev/null || exit 1
else
  meson setup "$BUILDDIR" -Dwerror=true -Dbuildtype=debugoptimized </dev/null || exit 1
fi
meson compile -C "$BUILDDIR" || exit 1

step "tests"
"${XVFB[@]}" meson test -C "$BUILDDIR" --print-errorlogs --num-processes 2 </dev/null
results+=("$BUILDDIR/meson-logs/testlog.json")

if [ "$SANITIZE" = 1 ]; then
  step "ASan + UBSan build and core/CLI tests"
  ASAN_DIR="$BUILDDIR-asan"
  if [ ! -d "$ASAN_DIR" ]; then
    meson setup "$ASAN_DIR" -Dbuildtype=debug -Db_sanitize=address,undefined -Dbench=false </dev/null || exit 1
  fi
  meson compile -C "$ASAN_DIR" || exit 1
  "${XVFB[@]}" meson test -C "$ASAN_DIR" --setup=sanitize --suite core --suite cli --suite fuzz \
      --print-errorlogs --num-processes 2 </dev/null
  results+=("$ASAN_DIR/meson-logs/testlog-sanitize.json")
fi

step "summary"
python3 - "${results[@]}" <<'PY'
import json, sys
passed = failed = skipped = 0
for path in sys.argv[1:]:
    try:
        lines = open(path, encoding="utf-8").read().splitlines()
    except OSError:
        print(f"missing test log {path}")
        failed += 1
        continue
    for line in lines:
        if not line.strip():
            continue
        r = json.loads(line)["result"]
        if r in ("OK", "EXPECTEDFAIL"):
            passed += 1
        elif r == "SKIP":
            skipped += 1
        else:
            failed += 1
            print("FAILED:", path, json.loads(line)["name"], r)
print(f"tests: {passed} passed, {failed} failed, {skipped} skipped")
sys.exit(1 if failed or passed == 0 else 0)
PY
