#!/usr/bin/env bash
# Rewrites src/main/resources/acceptance/disposable-email-domains.txt from an unpacked copy of the npm package
# disposable-email-domains-js (which packages the CC0 list of the disposable-email-domains project):
#   cd /tmp && npm pack disposable-email-domains-js@1.26.0 && tar xzf disposable-email-domains-js-*.tgz
#   src/build/refresh-disposable-domains.sh /tmp/package
set -euo pipefail
pkg="$1"
version=$(python3 -c "import json,sys;print(json.load(open(sys.argv[1]))['version'])" "$pkg/package.json")
out="$(dirname "$0")/../main/resources/acceptance/disposable-email-domains.txt"
python3 - "$pkg/dist/dict/disposable_email_blocklist.json" "$version" "$out" <<'PY'
import json, sys
domains = sorted({d.strip().lower() for d in json.load(open(sys.argv[1])) if d.strip()})
with open(sys.argv[3], "w") as f:
    f.write("# Disposable (throw-away) e-mail domains, one per line; lines starting with # are comments.\n")
    f.write("# Source: the disposable-email-domains/disposable-email-domains project's disposable_email_blocklist.conf,\n")
    f.write("# a community-maintained list, public domain (CC0-1.0), as packaged in the npm package\n")
    f.write("# disposable-email-domains-js %s (dist/dict/disposable_email_blocklist.json).\n" % sys.argv[2])
    f.write("# Refresh: npm pack disposable-email-domains-js@<version>, then run\n")
    f.write("#   src/build/refresh-disposable-domains.sh <the unpacked package dir>\n")
    f.write("# A tenant's policy can allow a listed domain (policy.verification.allowEmailDomains).\n")
    f.write("# %d domains.\n" % len(domains))
    f.writelines(d + "\n" for d in domains)
PY
echo "wrote $out"
