#!/usr/bin/env bash
# Fetches the pinned GraphiQL and React builds from npm and stores them gzip-compressed here.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
work=$(mktemp -d)
trap 'rm -rf "$work"' EXIT
cd "$work"
npm pack --silent graphiql@3.8.3 react@18.3.1 react-dom@18.3.1 >/dev/null
for f in *.tgz; do mkdir -p "${f%.tgz}"; tar xzf "$f" -C "${f%.tgz}"; done
cp graphiql-3.8.3/package/graphiql.min.js graphiql-3.8.3/package/graphiql.min.css \
   react-18.3.1/package/umd/react.production.min.js react-dom-18.3.1/package/umd/react-dom.production.min.js .
gzip -9 -n -f graphiql.min.js graphiql.min.css react.production.min.js react-dom.production.min.js
cp ./*.gz "$here/"
cp graphiql-3.8.3/package/LICENSE "$here/LICENSE.graphiql"
cp react-18.3.1/package/LICENSE "$here/LICENSE.react"
