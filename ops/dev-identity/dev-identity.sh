#!/usr/bin/env bash
# A stand-in identity provider for trying jwt mode on one machine (never for production): an RSA key, its public
# half as a JWK set to serve over HTTP, and tokens signed with it. Needs openssl and python3.
#
#   ops/dev-identity/dev-identity.sh keys DIR
#       makes DIR/key.pem (private) and DIR/jwks.json (public); serve DIR, e.g. python3 -m http.server 9099 -d DIR
#   ops/dev-identity/dev-identity.sh token DIR ISSUER AUDIENCE SUBJECT [ROLES] [CUSTOMER_ID] [LIFETIME_SECONDS]
#       prints a token: iss, aud, sub, roles (comma-separated, default channel), customer_id (if given),
#       iat now and exp after LIFETIME_SECONDS (default 300)
set -euo pipefail

b64url() { openssl base64 -A | tr '+/' '-_' | tr -d '='; }

command="${1:-}"
case "$command" in
  keys)
    dir="${2:?directory}"
    mkdir -p "$dir"
    openssl genpkey -algorithm RSA -pkeyopt rsa_keygen_bits:2048 -out "$dir/key.pem" 2>/dev/null
    modulus=$(openssl rsa -in "$dir/key.pem" -noout -modulus | cut -d= -f2 | python3 -c 'import sys; sys.stdout.buffer.write(bytes.fromhex(sys.stdin.read().strip()))' | b64url)
    printf '{"keys":[{"kty":"RSA","kid":"dev","use":"sig","alg":"RS256","e":"AQAB","n":"%s"}]}\n' "$modulus" \
      > "$dir/jwks.json"
    echo "$dir/key.pem and $dir/jwks.json written"
    ;;
  token)
    dir="${2:?directory}"; issuer="${3:?issuer}"; audience="${4:?audience}"; subject="${5:?subject}"
    roles="${6:-channel}"; customer="${7:-}"; lifetime="${8:-300}"
    now=$(date +%s)
    roles_json="\"$(printf '%s' "$roles" | sed 's/,/","/g')\""
    customer_json=""
    if [ -n "$customer" ]; then customer_json=",\"customer_id\":\"$customer\""; fi
    header=$(printf '{"alg":"RS256","typ":"JWT","kid":"dev"}' | b64url)
    payload=$(printf '{"iss":"%s","aud":"%s","sub":"%s","roles":[%s]%s,"iat":%d,"exp":%d}' \
      "$issuer" "$audience" "$subject" "$roles_json" "$customer_json" "$now" "$((now + lifetime))" | b64url)
    signature=$(printf '%s.%s' "$header" "$payload" | openssl dgst -sha256 -sign "$dir/key.pem" -binary | b64url)
    printf '%s.%s.%s\n' "$header" "$payload" "$signature"
    ;;
  *)
    sed -n '2,11p' "$0" | sed 's/^# \{0,1\}//'
    exit 2
    ;;
esac
