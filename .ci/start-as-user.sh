#!/usr/bin/env bash
# CI: proves the README's quick start on a fresh clone as a user who is not root and has only
# Node, npm, git and a shell on PATH (no browser, no apt-get): clones this checkout into a folder
# that user owns, runs `npm start` there, fetches the page, the embed script and a CSV export,
# then stops the server and removes the clone. Run as root; exits non-zero if the demo is not served.
set -euo pipefail
repo="$(cd "$(dirname "$0")/.." && pwd)"
user=stratex-start
limit="${STRATEX_START_SECONDS:-480}"

if [ "$(id -u)" -ne 0 ]; then
  echo "start-as-user: run as root (it creates the user $user and switches to it)" >&2
  exit 1
fi
created_user=
if ! id -u "$user" >/dev/null 2>&1; then
  useradd --system --user-group --no-create-home --shell /usr/sbin/nologin "$user"
  created_user=1
fi

work="$(mktemp -d /tmp/stratex-start.XXXXXX)"
log="$work/npm-start.log"
server=
finish() {
  status=$?
  if [ -n "$server" ]; then
    kill -TERM -- "-$server" 2>/dev/null || true
    for _ in 1 2 3 4 5 6 7 8 9 10; do kill -0 -- "-$server" 2>/dev/null || break; sleep 0.5; done
    kill -KILL -- "-$server" 2>/dev/null || true
  fi
  left="$(pgrep -u "$user" || true)"
  if [ -n "$left" ]; then
    echo "start-as-user: processes of $user still running after the stop: $left" >&2
    # shellcheck disable=SC2086 # one pid a word
    kill -KILL $left 2>/dev/null || true
    status=1
  fi
  rm -rf "$work"
  if [ -n "$created_user" ]; then userdel "$user" 2>/dev/null || true; fi
  echo "start-as-user: stopped the server, removed $work$([ -n "$created_user" ] && echo " and the user $user")"
  exit "$status"
}
trap finish EXIT

# A PATH of chosen tools only: node, npm, npx, git, a shell and a few core utilities.
bin="$work/bin"
mkdir -p "$bin" "$work/home"
node_dir="$(dirname "$(readlink -f "$(command -v node)")")"
ln -s "$(readlink -f "$(command -v node)")" "$bin/node"
for tool in npm npx; do ln -s "$node_dir/$tool" "$bin/$tool"; done
for tool in sh bash git cat cp mv rm mkdir ls ln chmod dirname basename env uname head tail sed grep; do
  ln -s "$(command -v "$tool")" "$bin/$tool"
done

echo "start-as-user: cloning $(git -C "$repo" rev-parse --short HEAD) into $work/clone"
git -c safe.directory='*' clone --quiet --no-local "$repo" "$work/clone"
git -C "$work/clone" checkout --quiet --detach "$(git -c safe.directory='*' -C "$repo" rev-parse HEAD)"
chown -R "$user:$user" "$work"

as_user=(runuser -u "$user" -- env -i "HOME=$work/home" "PATH=$bin" CI=true PORT=0 FEED_SECONDS=3600
  STRATEX_NO_BROWSER=1)
if "${as_user[@]}" sh -c 'command -v chromium || command -v chromium-browser || command -v google-chrome || command -v firefox-esr || command -v apt-get'; then
  echo "start-as-user: a browser or apt-get is reachable on the user's PATH" >&2
  exit 1
fi

echo "start-as-user: npm start as $user (uid $(id -u "$user")), HOME=$work/home, PATH=$(ls "$bin" | tr '\n' ' ')"
started=$SECONDS
# setsid: the server and everything npm starts share one process group, stopped as a whole.
(cd "$work/clone" && exec setsid "${as_user[@]}" npm start) >"$log" 2>&1 &
server=$!

origin=
while [ $((SECONDS - started)) -lt "$limit" ]; do
  origin="$(grep -o 'portal demo: http://localhost:[0-9]*' "$log" | head -1 | sed 's/portal demo: //' || true)"
  [ -n "$origin" ] && break
  if ! kill -0 "$server" 2>/dev/null; then break; fi
  sleep 2
done
if [ -z "$origin" ]; then
  echo "start-as-user: npm start did not serve the demo within $((SECONDS - started))s; its output:" >&2
  tail -n 60 "$log" >&2
  exit 1
fi
echo "start-as-user: serving at $origin after $((SECONDS - started))s"

check() { # path, the content type it must have, a text its body must hold
  local file="$work/body" type code
  read -r code type < <(curl -s -o "$file" -w '%{http_code} %{content_type}\n' "$origin$1")
  if [ "$code" != 200 ] || [[ "$type" != *"$2"* ]] || ! grep -q -- "$3" "$file"; then
    echo "start-as-user: GET $1 answered $code ($type), expected 200, $2, holding '$3'" >&2
    exit 1
  fi
  echo "start-as-user: GET $1 -> $code $type, holds '$3'"
}
check / text/html '<sx-scorecard'
check /stratex/stratex.js javascript import
check /fixtures/template/evaluation.csv text/csv ','
echo "start-as-user: packages the user's own store fetched: $(grep -o 'resolved [0-9]*, reused [0-9]*, downloaded [0-9]*' "$log" | tail -1)"
echo "start-as-user: what npm start said ($(wc -l <"$log") lines, the last 25):"
tail -n 25 "$log" | sed 's/^/  | /'
echo "start-as-user: PASS, fresh clone served by npm start as $user in $((SECONDS - started))s"
